import Testing
@testable import TouchpointCore

@Suite("Readable rendering for the interview script")
struct ExpressionDescriptionTests {
    /// Labels as `touchpoint show` would give them from the questionnaire's options.
    private func label(_ name: QualifiedName, _ value: OptionValue) -> String? {
        switch (name.description, value) {
        case ("meta.segment", .text("new")), ("segment", .text("new")): "New"
        case ("used", .text("none")): "None of these"
        case ("used", .text("app")): "Mobile app"
        case ("rating", .integer(5)): "Excellent"
        default: nil
        }
    }

    @Test("simple conditions read as sentences", arguments: [
        ("recommend <= 6", "recommend is 6 or less"),
        ("recommend >= 9", "recommend is 9 or more"),
        ("a > 5", "a is more than 5"),
        ("a < 5", "a is less than 5"),
        ("5 < a", "a is more than 5"),
        ("segment == 'new'", "segment is New"),
        ("segment == 'regular'", "segment is regular"),
        ("segment != 'new'", "segment is not New"),
        ("rating == 5", "rating is Excellent"),
        ("not solved", "solved is no"),
        ("solved", "solved is yes"),
        ("solved == false", "solved is no"),
        ("solved != true", "solved is no"),
        ("'none' in used", "used includes None of these"),
        ("not ('none' in used)", "used does not include None of these"),
        ("'none' not in used", "used does not include None of these"),
        ("x in [1, 2]", "x is 1 or 2"),
        ("x in [1, 2, 3]", "x is 1, 2 or 3"),
        ("x in [1]", "x is 1"),
        ("not (x in [1, 2])", "x is neither 1 nor 2"),
        ("answered(x)", "x was answered"),
        ("not answered(x)", "x was not answered"),
        ("x == null", "x was not answered"),
        ("x != null", "x was answered"),
        ("not (a >= 3)", "a is not 3 or more"),
        ("a == 2.5", "a is 2.5"),
    ])
    func sentences(source: String, english: String) {
        #expect(parsedExpr(source)?.describe(labels: label) == english)
    }

    @Test func conditionsAreJoinedWithAndOr() {
        #expect(parsedExpr("meta.segment == 'new' and not solved")?.describe(labels: label) == "meta.segment is New and solved is no")
        #expect(parsedExpr("a > 1 or b < 2 or c")?.describe(labels: label) == "a is more than 1 or b is less than 2 or c is yes")
        #expect(parsedExpr("a and (b or 'app' in used)")?.describe(labels: label) == "a is yes and (b is yes or used includes Mobile app)")
    }

    @Test func anythingElseIsShownAsItsSource() {
        #expect(parsedExpr("ease + effort > 6")?.describe(labels: label) == "`ease + effort > 6`")
        #expect(parsedExpr("not (a and b)")?.describe(labels: label) == "`not (a and b)`")
        #expect(parsedExpr("a and count(used) >= 2")?.describe(labels: label) == "a is yes and `count(used) >= 2`")
        #expect(parsedExpr("a == b")?.describe(labels: label) == "`a == b`")
    }
}
