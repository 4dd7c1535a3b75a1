import Testing
@testable import TouchpointCore

@Suite("Expression parser: syntax errors point at the problem and say how to fix it")
struct ExpressionSyntaxErrorTests {
    /// The only diagnostic of `source`, which must be a syntax error.
    private func onlyError(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Diagnostic? {
        let diagnostics = exprSyntaxErrors(source, sourceLocation: sourceLocation)
        #expect(diagnostics.count == 1, "\(diagnostics.map(\.fullMessage))", sourceLocation: sourceLocation)
        #expect(diagnostics.first?.code == .exprSyntax, sourceLocation: sourceLocation)
        return diagnostics.first
    }

    @Test func aMissingValueAtTheEndIsReportedAtTheEnd() {
        let d = onlyError("recommend >=")
        #expect(d?.position == exprAt(12))
        #expect(d?.message == "expected a value after `>=`")
        #expect(d?.hint == "write what to compare with, e.g. `>= 9`")
    }

    @Test func aMissingValueBeforeAnOperatorNamesWhatWasFound() {
        let d = onlyError("solved and or ease")
        #expect(d?.position == exprAt(11))
        #expect(d?.message == "expected a value after `and`, found `or`")
    }

    @Test func anExpressionCannotStartWithAnOperator() {
        let d = onlyError("== 3")
        #expect(d?.position == exprAt(0))
        #expect(d?.message == "expected a value before `==`")
    }

    @Test func aSingleEqualsSignSuggestsDoubleEquals() {
        let d = onlyError("segment = 'new'")
        #expect(d?.position == exprAt(8))
        #expect(d?.message == "`=` is not an operator here; write `==` to compare")
    }

    @Test("operators from other languages name the right spelling", arguments: [
        ("a && b", 2, "`&&` is not an operator; write `and`"),
        ("a || b", 2, "`||` is not an operator; write `or`"),
        ("!a", 0, "`!` is not an operator; write `not`"),
        ("a <> 1", 2, "`<>` is not an operator; write `!=`"),
        ("a => 1", 2, "`=>` is not an operator; write `>=`"),
        ("a =< 1", 2, "`=<` is not an operator; write `<=`"),
        ("a ≥ 1", 2, "`≥` is not an operator; write `>=`"),
        ("a === 1", 2, "`===` is not an operator; write `==` to compare"),
        ("a AND b", 2, "`AND` is not an operator; write `and`"),
        ("a Or b", 2, "`Or` is not an operator; write `or`"),
        ("NOT a", 0, "`NOT` is not an operator; write `not`"),
        ("x is null", 2, "`is` is not an operator; write `==`"),
        ("x is not null", 2, "`is not` is not an operator; write `!=`"),
    ])
    func foreignOperators(source: String, offset: Int, message: String) {
        let d = onlyError(source)
        #expect(d?.position == exprAt(offset))
        #expect(d?.message == message)
    }

    @Test func anUnclosedParenthesisSaysWhereItOpened() {
        let d = onlyError("solved and (a or b")
        #expect(d?.position == exprAt(18))
        #expect(d?.message == "unclosed `(` opened at column \(exprOrigin.column + 11)")
        #expect(d?.hint == "add `)` where the group ends")
    }

    @Test func unclosedListsAndCallsSayWhereTheyOpened() {
        #expect(onlyError("x in [1, 2")?.message == "unclosed `[` opened at column \(exprOrigin.column + 5)")
        #expect(onlyError("count(used")?.message == "unclosed `(` opened at column \(exprOrigin.column + 5)")
    }

    @Test func aStrayClosingBracketClosesNothing() {
        let d = onlyError("a == 1)")
        #expect(d?.position == exprAt(6))
        #expect(d?.message == "`)` closes nothing: there is no matching opening bracket")
    }

    @Test func chainedComparisonsAreRejectedWithTheConjunctionToWrite() {
        let d = onlyError("1 < x < 5")
        #expect(d?.position == exprAt(6))
        #expect(d?.message == "`<` cannot follow another comparison: comparisons do not chain")
        #expect(d?.hint == "write `1 < x and x < 5`")
        #expect(onlyError("a == b != c")?.hint == "write `a == b and b != c`")
    }

    @Test func twoValuesWithoutAnOperatorBetweenThem() {
        let d = onlyError("recommend 9")
        #expect(d?.position == exprAt(10))
        #expect(d?.message == "expected an operator between `recommend` and `9`")
    }

    @Test func listValuesNeedCommas() {
        let d = onlyError("x in [1 2]")
        #expect(d?.position == exprAt(8))
        #expect(d?.message == "expected `,` between the values of the list, before `2`")
    }

    @Test func aTrailingCommaNeedsAValue() {
        let d = onlyError("x in [1, 2,]")
        #expect(d?.position == exprAt(11))
        #expect(d?.message == "expected a value after `,`, found `]`")
    }

    @Test func emptyParenthesesAreReported() {
        #expect(onlyError("a and ()")?.message == "`()` is empty; expected a value inside the parentheses")
    }

    @Test func notAfterAComparisonOperatorNeedsParentheses() {
        let d = onlyError("a == not b")
        #expect(d?.position == exprAt(5))
        #expect(d?.hint == "`not` applies to a whole condition; put it in parentheses, e.g. `(not solved)`")
    }

    @Test func unterminatedTextIsReportedAtItsOpeningQuote() {
        let d = onlyError("segment == 'new")
        #expect(d?.position == exprAt(11))
        #expect(d?.message == "the text starting with ' has no closing '")
    }

    @Test func onlyQuotesAndBackslashesAreEscapes() {
        let d = onlyError("x == 'a\\nb'")
        #expect(d?.position == exprAt(7))
        #expect(d?.message == "`\\n` is not an escape in text")
    }

    @Test func curlyQuotesAreReportedAndReadAsText() {
        let d = onlyError("segment == ‘new’")
        #expect(d?.position == exprAt(11))
        #expect(d?.message.hasPrefix("curly quotes are not quotes here") == true)
    }

    @Test func wordsThatAreNeitherNumbersNorNamesAreReportedWhole() {
        let d = onlyError("t > 9am")
        #expect(d?.position == exprAt(4))
        #expect(d?.message == "`9am` is neither a number nor a name")
        #expect(onlyError("x == 1.")?.message == "`1.` is neither a number nor a name")
    }

    @Test func namesUseASCIILettersOnly() {
        let d = onlyError("满意度 > 3")
        #expect(d?.position == exprAt(0))
        #expect(d?.message == "`满意度` is not a name: names use the letters A-Z and a-z, digits and `_`")
    }

    @Test func namesHaveAtMostThreeParts() {
        #expect(onlyError("a.b.c.d == 1")?.message == "`a.b.c.d` has too many dots")
        #expect(onlyError("a. == 1")?.message == "`a.` ends with `.`; expected a name after it")
    }

    @Test func unknownCharactersAreReported() {
        let d = onlyError("a % 2")
        #expect(d?.position == exprAt(2))
        #expect(d?.message == "`%` is not an operator in expressions")
        let e = onlyError("a == $1")
        #expect(e?.position == exprAt(5))
        #expect(e?.message == "`$` is not part of the expression language")
    }

    @Test func hugeNumbersAreRejected() {
        #expect(onlyError("x > 1e999")?.message == "the number 1e999 is too large")
    }

    @Test func anEmptyExpressionIsReported() {
        let d = onlyError("   ")
        #expect(d?.message == "the expression is empty")
        #expect(d?.position == exprAt(3))
    }

    @Test func severalSlipsAreAllReportedInOrder() {
        let diagnostics = exprSyntaxErrors("a = 1 && b = 2")
        #expect(diagnostics.map(\.position) == [exprAt(2), exprAt(6), exprAt(11)])
        #expect(diagnostics.allSatisfy { $0.code == .exprSyntax })
    }

    @Test func recoveryStopsAfterAFewErrors() {
        let diagnostics = exprSyntaxErrors(String(repeating: ", ", count: 500))
        #expect(diagnostics.count <= 10)
    }
}

@Suite("Expression parser: size and depth bounds")
struct ExpressionBoundsTests {
    @Test func aHundredThousandOpeningParenthesesFailFast() {
        let clock = ContinuousClock()
        var result: (Expr?, [Diagnostic]) = (nil, [])
        let elapsed = clock.measure {
            result = ExpressionParser.parse(String(repeating: "(", count: 100_000), origin: exprOrigin)
        }
        #expect(result.0 == nil)
        #expect(result.1.map(\.code) == [.exprTooComplex])
        #expect(result.1.first?.position == exprOrigin)
        #expect(elapsed < .seconds(1))
    }

    @Test func nestingIsCheckedWhileParsing() {
        let deep = String(repeating: "(", count: 40) + "a" + String(repeating: ")", count: 40)
        let (expr, diagnostics) = ExpressionParser.parse(deep, origin: exprOrigin)
        #expect(expr == nil)
        #expect(diagnostics.map(\.code) == [.exprTooComplex])
        #expect(diagnostics.first?.position == exprAt(ExpressionLimits.maxDepth))
        #expect(diagnostics.first?.message == "the expression nests more than 32 levels deep")
    }

    @Test func nestingUpToTheLimitIsFine() {
        let limit = String(repeating: "(", count: 32) + "a" + String(repeating: ")", count: 32)
        #expect(parsedExpr(limit).map(exprShape) == "a")
    }

    @Test func prefixOperatorsCountAsNesting() {
        let (_, nots) = ExpressionParser.parse(String(repeating: "not ", count: 200) + "a", origin: exprOrigin)
        #expect(nots.map(\.code) == [.exprTooComplex])
        let (_, minuses) = ExpressionParser.parse(String(repeating: "-", count: 200) + "a", origin: exprOrigin)
        #expect(minuses.map(\.code) == [.exprTooComplex])
        let (_, lists) = ExpressionParser.parse(String(repeating: "[", count: 200), origin: exprOrigin)
        #expect(lists.map(\.code) == [.exprTooComplex])
    }

    @Test func tooManyNodesAreRejected() {
        let long = Array(repeating: "1", count: 260).joined(separator: "+")
        let (expr, diagnostics) = ExpressionParser.parse(long, origin: exprOrigin)
        #expect(expr == nil)
        #expect(diagnostics.map(\.code) == [.exprTooComplex])
        #expect(diagnostics.first?.message == "the expression has more than 500 parts")
        let fine = Array(repeating: "1", count: 250).joined(separator: "+")
        #expect(parsedExpr(fine) != nil)
    }

    @Test func sourcesLongerThanTheLimitAreRejectedUnread() {
        let long = "'" + String(repeating: "x", count: 2_000) + "' == a"
        let (expr, diagnostics) = ExpressionParser.parse(long, origin: exprOrigin)
        #expect(expr == nil)
        #expect(diagnostics.map(\.code) == [.exprTooComplex])
        #expect(diagnostics.first?.message == "the expression is longer than 2000 characters")
        let atLimit = "'" + String(repeating: "x", count: 1_990) + "' == a"
        #expect(parsedExpr(atLimit) != nil)
    }
}

@Suite("Expression parser: an unfinished bracket is one error")
struct ExpressionUnfinishedBracketTests {
    @Test("nothing after an opening bracket reports only the bracket", arguments: ["count(", "x in [1,", "solved and ("])
    func unfinished(source: String) {
        let diagnostics = exprSyntaxErrors(source)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.hasPrefix("unclosed") == true)
        #expect(diagnostics.first?.position == exprAt(source.unicodeScalars.count))
    }
}

@Suite("Expression parser: names copied from documentation")
struct ExpressionBacktickTests {
    @Test func backticksAroundANameAreReportedOnce() {
        let diagnostics = exprSyntaxErrors("`recommend` >= 9")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.position == exprAt(0))
        #expect(diagnostics.first?.message.hasPrefix("backticks are not quotes here") == true)
    }
}
