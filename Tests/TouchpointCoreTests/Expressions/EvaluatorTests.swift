import Testing
@testable import TouchpointCore

@Suite("Evaluator: values and operators")
struct EvaluatorTests {
    static let answers: [String: Value] = [
        "solved": .bool(true), "ease": .number(2), "recommend": .number(3), "reason": .text("slow"),
        "used": .list([.text("app"), .text("store")]), "rating": .number(4), "visit_date": .text("2026-11-23"),
        "channel_sat": .keyed(["app": .number(2), "store": .number(5)]), "meta.segment": .text("regular"),
        "nothing": .list([]), "grid.speed": .number(3),
    ]

    @Test("expressions compute the values a survey author expects", arguments: [
        ("recommend <= 6", Value.bool(true)), ("recommend >= 9", .bool(false)),
        ("meta.segment == 'new' and not solved", .bool(false)), ("meta.segment == 'regular'", .bool(true)),
        ("'app' in used", .bool(true)), ("'none' in used", .bool(false)), ("not ('none' in used)", .bool(true)),
        ("'store' not in used", .bool(false)), ("recommend in [1, 2, 3]", .bool(true)), ("5 in channel_sat", .bool(true)),
        ("ease + recommend * 2", .number(8)), ("(ease + recommend) * 2", .number(10)), ("7 / 2", .number(3.5)),
        ("-ease", .number(-2)), ("10 - 2 - 3", .number(5)), ("reason == 'slow'", .bool(true)),
        ("visit_date >= '2026-01-01'", .bool(true)), ("visit_date < '2026-11-03'", .bool(false)),
        ("'b' > 'a'", .bool(true)), ("[1, 'a']", .list([.number(1), .text("a")])), ("grid.speed", .number(3)),
        ("solved or unknown_thing", .bool(true)), ("1 == 1.0", .bool(true)), ("[1, 2] == [1, 2]", .bool(true)),
    ])
    func values(source: String, expected: Value) {
        #expect(evaluated(source, Self.answers) == expected)
    }

    @Test("functions", arguments: [
        ("answered(reason)", Value.bool(true)), ("answered(skipped)", .bool(false)), ("answered(nothing)", .bool(false)),
        ("count(used)", .number(2)), ("count(skipped)", .number(0)), ("count(channel_sat)", .number(2)),
        ("count(nothing)", .number(0)), ("len(reason)", .number(4)), ("len('满意')", .number(2)), ("len(used)", .number(2)),
        ("len(skipped)", .number(0)),
        ("if(solved, 'yes', 'no')", .text("yes")), ("if(skipped, 'yes', 'no')", .text("no")),
        ("min(ease, recommend, skipped)", .number(2)), ("max(channel_sat)", .number(5)), ("sum(channel_sat)", .number(7)),
        ("mean(channel_sat)", .number(3.5)), ("mean(ease, skipped, recommend)", .number(2.5)), ("sum([1, 2], 3)", .number(6)),
        ("mean(skipped)", .null), ("min(skipped, nothing)", .null), ("sum(skipped)", .number(0)),
        ("frobnicate(1)", .null), ("count(used, used)", .null),
    ])
    func functions(source: String, expected: Value) {
        #expect(evaluated(source, Self.answers) == expected)
    }

    @Test func ifEvaluatesOnlyTheBranchTaken() {
        let env = ExprCountingEnvironment()
        guard let expr = parsedExpr("if(true, a, b)") else { return }
        _ = Evaluator.evaluate(expr, in: env)
        #expect(env.reads.names == ["a"])
    }

    @Test func andAndOrStopAtTheFirstDecidingOperand() {
        let env = ExprCountingEnvironment()
        guard let expr = parsedExpr("(false and a) or (true or b)") else { return }
        #expect(Evaluator.evaluate(expr, in: env) == .bool(true))
        #expect(env.reads.names.isEmpty)
    }

    @Test func integerOptionsCompareWithNumbersByValue() {
        #expect(evaluated("rating == 4", ["rating": .text("4")]) == .bool(true))
        #expect(evaluated("4 in rated", ["rated": .list([.text("4"), .text("5")])]) == .bool(true))
        #expect(evaluated("rating == 4", ["rating": .text("4.0")]) == .bool(false))
    }

    @Test func overflowingArithmeticIsNullNotATrap() {
        #expect(evaluated("1e308 * 10") == .null)
        #expect(evaluated("-1e308 - 1e308") == .null)
        #expect(evaluated("sum(1e308, 1e308)") == .null)
        #expect(evaluated("mean(huge, huge)", ["huge": .number(1e308)]) == .null)
        #expect(evaluated("1e30 + 1 == x", ["x": .text("1e30")]) == .bool(false))
        #expect(evaluated("-1e300 / 1e-300") == .null)
    }

    @Test func nonBooleanValuesAreNotTruthy() {
        #expect(Value.bool(true).isTruthy)
        for value in [Value.null, .bool(false), .number(1), .text("true"), .list([.bool(true)]), .keyed([:])] {
            #expect(!value.isTruthy)
        }
    }
}

@Suite("Evaluator: null semantics (SPEC section 3)")
struct EvaluatorNullTests {
    /// `x` is null throughout: not asked, skipped, don't know or refused.
    @Test("comparisons and arithmetic with null", arguments: [
        ("x == null", Value.bool(true)), ("null == x", .bool(true)), ("x != null", .bool(false)),
        ("x == 3", .bool(false)), ("x != 3", .bool(false)), ("x < 3", .bool(false)), ("x <= 3", .bool(false)),
        ("x > 3", .bool(false)), ("x >= 3", .bool(false)), ("3 > x", .bool(false)), ("x == y", .bool(false)),
        ("x != y", .bool(false)), ("x == 'a'", .bool(false)), ("x in [1, null]", .bool(false)), ("1 in x", .bool(false)),
        ("'app' in x", .bool(false)),
        ("x + 1", .null), ("1 - x", .null), ("x * 0", .null), ("x / 2", .null), ("-x", .null),
        ("x", .null), ("not x", .bool(true)), ("x and true", .bool(false)), ("x or true", .bool(true)),
        ("x or false", .bool(false)), ("not (x == 3)", .bool(true)), ("answered(x)", .bool(false)),
        ("count(x)", .number(0)), ("if(x, 1, 2)", .number(2)), ("null == null", .bool(true)), ("null != null", .bool(false)),
    ])
    func nullOperand(source: String, expected: Value) {
        #expect(evaluated(source) == expected)
    }

    @Test func answeredValuesAreNotNull() {
        #expect(evaluated("x != null", ["x": .number(0)]) == .bool(true))
        #expect(evaluated("x == null", ["x": .text("")]) == .bool(false))
    }

    @Test func divisionByZeroIsNull() {
        #expect(evaluated("1 / 0") == .null)
        #expect(evaluated("x / (y - y)", ["x": .number(1), "y": .number(3)]) == .null)
        #expect(evaluated("1 / 0 == null") == .bool(true))
    }
}

/// An environment that records which names were read, to show what evaluation touches.
final class ExprCountingEnvironment: ValueEnvironment, @unchecked Sendable {
    final class Reads { var names: [String] = [] }
    let reads = Reads()

    func value(of name: QualifiedName) -> Value {
        reads.names.append(name.description)
        return .null
    }
}
