import Testing
@testable import TouchpointCore

@Suite("Type checker: names and functions")
struct TypeCheckerNameTests {
    @Test func anUndefinedNameSuggestsTheClosestDefinedOne() {
        let (_, diagnostics) = typeCheck("recomend >= 9")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.code == .undefinedName)
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message == "`recomend` is not a question, compute or meta key defined in this questionnaire")
        #expect(diagnostics.first?.hint == "did you mean `recommend`?")
    }

    @Test func anUndefinedNameWithoutCloseMatchSaysHowToWriteText() {
        let (_, diagnostics) = typeCheck("segment_code == 'x'")
        #expect(diagnostics.first?.hint == "put text in quotes to compare with it, e.g. 'segment_code'")
        #expect(typeCheck("solved == True").1.first?.hint == "write `true` in lowercase")
        #expect(typeCheck("count > 1").1.first?.hint == "`count` is a function: call it, e.g. `count(used) >= 2`")
    }

    @Test func aQuestionAskedLaterCannotBeUsed() {
        let (type, diagnostics) = typeCheck("outro_rating > 3")
        #expect(type == .boolean)
        #expect(diagnostics.map(\.code) == [.usedBeforeAsked])
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message == "`outro_rating` is asked later (line 40); a condition can only use answers given before it")
    }

    @Test func anUndefinedNameIsReportedOnceNotAgainAsATypeError() {
        let (_, diagnostics) = typeCheck("recomend > 'x' and recomend + 1 > 2")
        #expect(diagnostics.map(\.code) == [.undefinedName, .undefinedName])
    }

    @Test func anUnknownFunctionSuggestsAKnownOne() {
        let (_, diagnostics) = typeCheck("cont(used) > 1")
        #expect(diagnostics.map(\.code) == [.unknownFunction])
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message == "`cont` is not a function; the functions are answered, count, len, if, min, max, sum, mean")
        #expect(diagnostics.first?.hint == "did you mean `count`?")
        #expect(typeCheck("average(ease, recommend) > 3").1.first?.hint == "did you mean `mean`?")
    }

    @Test func argumentsOfAnUnknownFunctionAreStillChecked() {
        let (_, diagnostics) = typeCheck("foo(recomend)")
        #expect(diagnostics.map(\.code) == [.unknownFunction, .undefinedName])
    }

    @Test("a wrong number of arguments is a type error", arguments: [
        ("count(used, used) > 1", "`count` takes 1 value, but was given 2"),
        ("if(solved, 1) > 0", "`if` takes 3 values: a condition, the value when it holds, the value when it does not, but was given 2"),
        ("sum() > 0", "`sum` takes one or more numbers, or one list of numbers, but was given none"),
        ("answered()", "`answered` takes 1 value, the name of a question, but was given none"),
    ])
    func arity(source: String, message: String) {
        let (_, diagnostics) = typeCheck(source)
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.message == message)
        #expect(diagnostics.first?.position == exprAt(0))
    }

    @Test func answeredTakesAName() {
        #expect(typeCheck("answered(reason)") == (.boolean, []))
        let (_, diagnostics) = typeCheck("answered(1 + 2)")
        #expect(diagnostics.first?.message == "`answered` takes the name of a question, not `1 + 2`")
        #expect(diagnostics.first?.position == exprAt(9))
    }

    @Test("functions give their documented types", arguments: [
        ("count(used)", ValueType.number), ("count(channel_sat)", .number), ("count([1, 2])", .number),
        ("len(reason)", .number), ("len(used)", .number), ("len([1])", .number),
        ("if(solved, ease, recommend)", .number), ("if(solved, 'a', null)", .text), ("if(solved, rating, 3)", .number),
        ("min(ease, recommend)", .number), ("max(channel_sat)", .number), ("sum([1, 2])", .number),
        ("mean(ease, rating, null)", .number), ("answered(used)", .boolean), ("[1, 2]", .list(.number)),
        ("meta.segment", .choice([.text("new"), .text("regular"), .text("high_value")])), ("anything + 1", .number),
    ])
    func functionTypes(source: String, type: ValueType) {
        #expect(typeCheck(source, expecting: nil) == (type, []))
    }

    @Test("functions reject arguments of the wrong type", arguments: [
        ("count(meta.segment) > 0", "`meta.segment` is a single answer; `count` counts the selections of a multi question, loop answers or a list"),
        ("count(reason) > 0", "`count` counts selections, but `reason` is text"),
        ("len(ease) > 0", "`len` measures text or a list, but `ease` is a number"),
        ("len(channel_sat) > 0", "`len` measures text or a list, but `channel_sat` is answers keyed by loop option or grid row (each a number)"),
        ("if(reason, 1, 2) > 0", "`reason` is text; a condition needs true or false, e.g. `answered(reason)`"),
        ("if(solved, 1, 'a') == 1", "the two results of `if` differ: `1` is a number and `'a'` is text"),
        ("sum(ease, reason) > 0", "`reason` is text; `sum` needs numbers"),
        ("max(used) > 1", "`used` has text options; `max` needs numbers"),
    ])
    func functionArgumentErrors(source: String, message: String) {
        let (_, diagnostics) = typeCheck(source)
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.message == message)
    }
}

@Suite("Type checker: comparisons and options")
struct TypeCheckerComparisonTests {
    @Test("comparable pairs pass", arguments: [
        "recommend >= 9", "reason == 'slow'", "solved == true", "visit_date == '2026-11-23'", "visit_date < visit_date",
        "'2026-02-28' <= visit_date", "reason != null", "null == used", "meta.segment == 'new'", "meta.segment != 'regular'",
        "rating == 3", "rating >= 4", "rating < recommend", "meta.segment == meta.segment", "'app' in used",
        "'store' not in used", "meta.segment in ['new', 'regular']", "3 in channel_sat", "recommend in [9, 10]",
        "service.speed > 2", "anything == 'whatever'", "anything < 3 and 'x' in anything", "used == null",
    ])
    func comparablePairs(source: String) {
        #expect(typeCheck(source) == (.boolean, []))
    }

    @Test func aTextLiteralMustBeAnOptionOfTheChoice() {
        let (_, diagnostics) = typeCheck("meta.segment == 'vip'")
        #expect(diagnostics.map(\.code) == [.notAnOption])
        #expect(diagnostics.first?.position == exprAt(16))
        #expect(diagnostics.first?.message == "'vip' is not an option of `meta.segment` (options: new, regular, high_value)")
        #expect(typeCheck("meta.segment == 'regualr'").1.first?.hint == "did you mean 'regular'?")
    }

    @Test func aLiteralOnTheLeftIsCheckedToo() {
        let (_, diagnostics) = typeCheck("'vip' != meta.segment")
        #expect(diagnostics.map(\.code) == [.notAnOption])
        #expect(diagnostics.first?.position == exprAt(0))
    }

    @Test func numberOptionsTakeNumbersWithoutQuotes() {
        let (_, quoted) = typeCheck("rating == '3'")
        #expect(quoted.map(\.code) == [.notAnOption])
        #expect(quoted.first?.hint == "write 3 without quotes")
        let (_, missing) = typeCheck("rating == 7")
        #expect(missing.first?.message == "7 is not an option of `rating` (options: 1, 2, 3, 4, 5)")
    }

    @Test func everyValueOfAListAfterAChoiceMustBeAnOption() {
        let (_, diagnostics) = typeCheck("meta.segment in ['new', 'vip', 'gold']")
        #expect(diagnostics.map(\.code) == [.notAnOption, .notAnOption])
        #expect(diagnostics.map(\.position) == [exprAt(24), exprAt(31)])
    }

    @Test func aLiteralTestedInAMultiMustBeOneOfItsOptions() {
        let (_, diagnostics) = typeCheck("'web' in used")
        #expect(diagnostics.map(\.code) == [.notAnOption])
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message == "'web' is not an option of `used` (options: app, store, none)")
    }

    @Test func aMultiAnswerIsNotComparedWithEquals() {
        let (_, diagnostics) = typeCheck("used == 'app'")
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(5))
        #expect(diagnostics.first?.hint == "to test one option write `'app' in used`")
    }

    @Test func aChoiceIsNeverTrueOrFalse() {
        let (_, diagnostics) = typeCheck("meta.segment == true")
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(16))
    }

    @Test("mismatched types are type errors with a fix", arguments: [
        ("reason == 3", 7, "write '3' in quotes to compare text"),
        ("recommend == '9'", 10, "write 9 without quotes to compare numbers"),
        ("solved == 'yes'", 7, "write `true` without quotes"),
        ("visit_date == '23/11/2026'", 14, "write dates as 'YYYY-MM-DD', e.g. '2026-01-31'"),
        ("visit_date == reason", 11, "compare a date with another date or with a literal 'YYYY-MM-DD'"),
        ("channel_sat == 3", 12, "compare one summary of it, e.g. `min(channel_sat)`, or test a value with `3 in channel_sat`"),
        ("recommend == [9, 10]", 10, "to test membership write `recommend in [9, 10]`"),
    ])
    func mismatches(source: String, offset: Int, hint: String) {
        let (_, diagnostics) = typeCheck(source)
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(offset))
        #expect(diagnostics.first?.hint == hint)
    }

    @Test("ordering needs numbers or dates", arguments: [
        ("reason > 'm'", "`reason` is text, which has no order for `>`"),
        ("meta.segment >= 'new'", "`meta.segment` is a choice among new, regular, high_value; its options have no order, so `>=` cannot compare it"),
        ("used > 1", "`used` is a multi-choice answer (a list of selected options); `>` compares one number or date"),
        ("solved < true", "`solved` is true or false, which has no order for `<`"),
        ("visit_date > 3", "`<` cannot compare"),
    ])
    func ordering(source: String, message: String) {
        let (_, diagnostics) = typeCheck(source)
        #expect(diagnostics.map(\.code) == [.exprType])
        if message.hasSuffix("compare") {
            #expect(diagnostics.first?.message.contains("cannot compare `visit_date` (a date) with `3` (a number)") == true)
        } else {
            #expect(diagnostics.first?.message == message)
        }
    }

    @Test("membership needs one value on the left and a collection on the right", arguments: [
        ("used in ['app']", "the left side of `in` must be one value, but `used` is a multi-choice answer (a list of selected options)"),
        ("'new' in meta.segment", "`meta.segment` is one answer, not a list; `in` needs a list or a multi question on its right"),
        ("'slow' in reason", "`reason` is text; `in` needs a list or a multi question on its right"),
        ("recommend in 9", "`9` is a number; `in` needs a list or a multi question on its right"),
        ("reason in [1, 2]", "`in` cannot compare `reason` (text) with `1` (a number)"),
    ])
    func membership(source: String, message: String) {
        let (_, diagnostics) = typeCheck(source)
        #expect(diagnostics.first?.code == .exprType)
        #expect(diagnostics.first?.message == message)
    }

    @Test func listValuesMustShareAType() {
        let (type, diagnostics) = typeCheck("[1, 'a']", expecting: nil)
        #expect(type == .list(.number))
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(4))
    }
}

@Suite("Type checker: conditions and arithmetic")
struct TypeCheckerConditionTests {
    @Test func logicalOperandsMustBeTrueOrFalse() {
        let (type, diagnostics) = typeCheck("solved and reason")
        #expect(type == .boolean)
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(11))
        #expect(diagnostics.first?.message == "`reason` is text; a condition needs true or false, e.g. `answered(reason)`")
    }

    @Test("each kind of value gets an example of a condition", arguments: [
        ("not recommend", "`recommend` is a number; a condition needs true or false, e.g. `recommend >= 9`"),
        ("meta.segment or solved", "`meta.segment` is a choice among new, regular, high_value; a condition needs true or false, e.g. `meta.segment == 'new'`"),
        ("used and solved", "`used` is a multi-choice answer (a list of selected options); a condition needs true or false, e.g. `'app' in used`"),
        ("solved and channel_sat", "`channel_sat` is answers keyed by loop option or grid row (each a number); a condition needs true or false, e.g. `count(channel_sat) > 0`"),
    ])
    func conditionExamples(source: String, message: String) {
        #expect(typeCheck(source).1.map(\.message) == [message])
    }

    @Test func aConditionMustBeTrueOrFalse() {
        let (type, diagnostics) = typeCheck("recommend")
        #expect(type == .number)
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message == "a condition must be true or false; `recommend` is a number: compare it, e.g. `recommend >= 9`")
    }

    @Test func theExpectedTypeIsCheckedAtTheStartOfTheExpression() {
        let (_, diagnostics) = typeCheck("ease + recommend")
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(typeCheck("reason", expecting: .number).1.first?.message == "expected a number, but `reason` is text")
        #expect(typeCheck("rating", expecting: .number).1.isEmpty)
    }

    @Test func nullAndUnknownNeverCauseErrors() {
        #expect(typeCheck("null") == (.null, []))
        #expect(typeCheck("anything") == (.unknown, []))
        #expect(typeCheck("not anything and null or anything") == (.boolean, []))
        #expect(typeCheck("-anything * null", expecting: .number) == (.number, []))
    }

    @Test func arithmeticNeedsNumbers() {
        #expect(typeCheck("ease + recommend * 2 - -rating / 3", expecting: .number) == (.number, []))
        let (_, diagnostics) = typeCheck("reason + 1 > 2")
        #expect(diagnostics.map(\.code) == [.exprType])
        #expect(diagnostics.first?.message == "`reason` is text; `+` needs numbers")
        #expect(diagnostics.first?.hint == "for the length of text use `len(reason)`")
        #expect(typeCheck("-solved", expecting: nil).1.first?.hint == "to count yes as 1 write `if(solved, 1, 0)`")
        #expect(typeCheck("-meta.segment", expecting: nil).1.first?.message == "`meta.segment` is a choice among new, regular, high_value; `-` needs numbers")
    }

    @Test func anEmptyOptionListMeansTheOptionsAreNotKnown() {
        let scope = ExprTestScope(types: ["item": .choice([])])
        #expect(typeCheck("item == 'whatever' and item > 2", in: scope).1.isEmpty)
    }
}
