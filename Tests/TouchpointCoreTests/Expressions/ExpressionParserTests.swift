import Testing
@testable import TouchpointCore

@Suite("Expression parser: literals, names and precedence")
struct ExpressionParserTests {
    @Test("literals of every kind", arguments: [
        ("42", Literal.number(42)), ("3.25", .number(3.25)), ("1e3", .number(1000)), ("2.5E-2", .number(0.025)),
        ("'it\\'s'", .text("it's")), ("\"say \\\"hi\\\"\"", .text("say \"hi\"")), ("'back\\\\slash'", .text("back\\slash")),
        ("\"it's\"", .text("it's")), ("''", .text("")), ("'满意'", .text("满意")),
        ("true", .bool(true)), ("false", .bool(false)), ("null", .null), ("-7", .number(-7)),
    ])
    func literalsParse(source: String, literal: Literal) {
        guard case .literal(let value, let position)? = parsedExpr(source) else {
            Issue.record("\(source) is not a literal")
            return
        }
        #expect(value == literal)
        #expect(position == exprOrigin)
    }

    @Test func listsHoldAnyValuesAndMayBeEmpty() {
        #expect(parsedExpr("[1, 'a', null, [true]]").map(exprShape) == "[1, 'a', null, [true]]")
        #expect(parsedExpr("[]").map(exprShape) == "[]")
    }

    @Test func namesMayBeDottedOnceOrTwice() {
        #expect(parsedExpr("meta.segment")?.names == ["meta.segment"])
        #expect(parsedExpr("grid_id.row_id")?.names == [QualifiedName(parts: ["grid_id", "row_id"])])
        #expect(parsedExpr("a.b.c")?.names == [QualifiedName(parts: ["a", "b", "c"])])
        #expect(parsedExpr("item")?.names == ["item"])
        #expect(parsedExpr("Q2_b")?.names == ["Q2_b"])
    }

    @Test func namesAreListedInSourceOrderWithRepeats() {
        let expr = parsedExpr("answered(reason) and (recommend <= 6 or 'app' in used) and count(used) > recommend")
        #expect(expr?.names == ["reason", "recommend", "used", "used", "recommend"])
    }

    @Test("operators bind loosest first: or, and, not, comparison, + -, * /, unary -", arguments: [
        ("a or b and c", "(a or (b and c))"),
        ("a and b or c", "((a and b) or c)"),
        ("not a and b", "((not a) and b)"),
        ("not a == 1", "(not (a == 1))"),
        ("not not a", "(not (not a))"),
        ("a == 1 or b != 2", "((a == 1) or (b != 2))"),
        ("a + b * c", "(a + (b * c))"),
        ("a * b + c", "((a * b) + c)"),
        ("a - b - c", "((a - b) - c)"),
        ("a / b / c", "((a / b) / c)"),
        ("-a * b", "((-a) * b)"),
        ("- -a", "(-(-a))"),
        ("(a + b) * c", "((a + b) * c)"),
        ("a + b >= c * 2", "((a + b) >= (c * 2))"),
        ("x in [1, 2] and y", "((x in [1, 2]) and y)"),
        ("a or b or c", "((a or b) or c)"),
        ("2 * -3", "(2 * -3)"),
        ("count(used) + 1 > max(a, b - 1)", "((count(used) + 1) > max(a, (b - 1)))"),
    ])
    func precedence(source: String, expected: String) {
        #expect(parsedExpr(source).map(exprShape) == expected)
    }

    @Test func notInIsSugarForNotOfIn() {
        let sugar = parsedExpr("'x' not in used")
        let plain = parsedExpr("not ('x' in used)")
        #expect(sugar.map(exprShape) == "(not ('x' in used))")
        if let sugar, let plain { #expect(sugar.isSameTree(as: plain)) }
        #expect(parsedExpr("a and 'x' not in used").map(exprShape) == "(a and (not ('x' in used)))")
    }

    @Test func functionCallsTakeAnyNumberOfArguments() {
        #expect(parsedExpr("if(solved, 1, 0)").map(exprShape) == "if(solved, 1, 0)")
        #expect(parsedExpr("count()").map(exprShape) == "count()")
        #expect(parsedExpr("frobnicate(x)").map(exprShape) == "frobnicate(x)")
    }

    @Test func keywordsArePartOfDottedNames() {
        #expect(parsedExpr("meta.in == 1")?.names == [QualifiedName(parts: ["meta", "in"])])
    }

    @Test func everyNodeIsPlacedAtItsTokenCountedFromTheOrigin() {
        guard case .binary(.and, let lhs, let rhs, let andAt)? = parsedExpr("recommend <= 6 and used") else {
            Issue.record("not an `and`")
            return
        }
        #expect(andAt == exprAt(15))
        #expect(lhs.position == exprAt(10))
        #expect(lhs.startPosition == exprAt(0))
        #expect(rhs.position == exprAt(19))
    }

    @Test func unicodeScalarsCountAsOneColumnEach() {
        guard case .binary(.equal, _, let rhs, _)? = parsedExpr("'满意' == x") else {
            Issue.record("not an `==`")
            return
        }
        #expect(rhs.position == exprAt(8))
    }

    @Test func aNewlineMovesToTheNextLineAtTheOriginColumn() {
        let (_, diagnostics) = ExpressionParser.parse("solved and\n  recommend >=", origin: exprOrigin)
        #expect(diagnostics.map(\.position) == [SourcePosition(line: 13, column: exprOrigin.column + 14)])
        guard case .binary(.and, _, let rhs, _)? = parsedExpr("solved and\n  recommend") else { return }
        #expect(rhs.position == SourcePosition(line: 13, column: 9))
    }

    @Test func tabsAndNewlinesAreWhitespace() {
        #expect(parsedExpr("a\tand\n\tb").map(exprShape) == "(a and b)")
    }
}

@Suite("Expression parser: round trip through sourceText")
struct ExpressionRoundTripTests {
    static let corpus = [
        "recommend <= 6", "meta.segment == 'new' and not solved", "not ('none' in used)", "'x' not in used",
        "a or b and c", "(a or b) and c", "not (a and b)", "not not a", "(a == b) == c", "a == (b == c)",
        "a - (b - c)", "a - b - c", "a / (b * c)", "-(a + b)", "- -a", "-a", "2 * -3", "-(2)", "-(-2)",
        "x in [1, 2.5, -3]", "[]", "[[1], []]", "if(solved, ease, null)", "sum(a, b * 2, -c)", "count(used) > 0",
        "'it\\'s' == \"quote \\\" \\\\\"", "1e+20 > x", "0.1 + 0.2", "1.5e-07 < x", "answered(x) or x != null",
        "(not a) == b", "not a == b", "a + (b > c)", "(a + b) * (c - d) / e", "grid.row >= 4",
        "'a' in used and ('b' in used or not ('c' in used))", "(a or b) or c", "a or (b or c)",
    ]

    @Test("parse(sourceText) gives the same tree", arguments: corpus)
    func roundTrip(source: String) {
        guard let expr = parsedExpr(source) else { return }
        let printed = expr.sourceText
        let (again, diagnostics) = ExpressionParser.parse(printed, origin: exprOrigin)
        #expect(diagnostics.isEmpty, "\(printed): \(diagnostics.map(\.fullMessage))")
        #expect(again?.isSameTree(as: expr) == true, "\(source) printed as \(printed)")
        #expect(again?.sourceText == printed)
    }

    @Test func sourceTextDropsRedundantParenthesesAndNormalisesSpacing() {
        #expect(parsedExpr("((a))  ==1")?.sourceText == "a == 1")
        #expect(parsedExpr("(a and b) and c")?.sourceText == "a and b and c")
        #expect(parsedExpr("a and (b and c)")?.sourceText == "a and (b and c)")
        #expect(parsedExpr("not ('none' in used)")?.sourceText == "'none' not in used")
        #expect(parsedExpr("\"it's\"")?.sourceText == "'it\\'s'")
        #expect(parsedExpr("3.0")?.sourceText == "3")
    }

    @Test func randomTokenSoupAlwaysEndsAndValidResultsRoundTrip() {
        let pieces = ["a", "b.c", "1", "2.5", "'t'", "\"u\"", "true", "null", "(", ")", "[", "]", ",", "==", "!=", "<",
                      ">=", "in", "not", "and", "or", "+", "-", "*", "/", "=", "&&", "count(", "if(", " ", "x", "#", "'"]
        var seed: UInt64 = 0x5EED
        var parsedCount = 0
        for _ in 0..<3_000 {
            var source = ""
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let length = Int(seed >> 60) + 1
            for _ in 0..<length {
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                source += pieces[Int(seed >> 33) % pieces.count] + " "
            }
            let (expr, diagnostics) = ExpressionParser.parse(source, origin: exprOrigin)
            #expect((expr == nil) != diagnostics.isEmpty, "\(source)")
            #expect(diagnostics.allSatisfy { $0.position.line == exprOrigin.line && $0.position.column >= exprOrigin.column })
            if let expr {
                parsedCount += 1
                let (again, _) = ExpressionParser.parse(expr.sourceText, origin: exprOrigin)
                #expect(again?.isSameTree(as: expr) == true, "\(source) printed as \(expr.sourceText)")
            }
        }
        #expect(parsedCount > 50)
    }
}
