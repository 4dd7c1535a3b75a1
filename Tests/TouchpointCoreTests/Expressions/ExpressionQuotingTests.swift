import Testing
@testable import TouchpointCore

/// The canonical text of an expression parses back to the same tree, whatever its text literals hold.
@Suite struct ExpressionQuotingTests {
    @Test func aQuoteFollowedByACombiningMarkIsStillEscapedWhenPrinted() throws {
        // Found by fuzz/run.sh expressions: `'` then U+0657 is one Character, so a Character-wise escape missed it.
        for source in ["\"'\u{0657}\" == reason", "\"a'\u{0301}b\" != reason", "\"\\\\\u{0301}'\" == reason", "'\u{0301}x' == reason"] {
            let expr = try #require(parsedExpr(source))
            let printed = expr.sourceText
            let (again, problems) = ExpressionParser.parse(printed, origin: exprOrigin)
            #expect(problems.isEmpty, "\(printed): \(problems.map(\.message))")
            #expect(again?.isSameTree(as: expr) == true, "\(source) printed as \(printed)")
        }
    }
}
