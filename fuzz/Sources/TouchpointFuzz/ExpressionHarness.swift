import TouchpointCore

/// Fuzzes the expression language: lexer, parser, type checker and evaluator on one expression.
///
/// Invariants: a parse gives a tree or a diagnostic, never neither; the canonical text of a tree parses to
/// the same tree; type checking and evaluation finish on every tree.
public enum ExpressionHarness {
    /// Runs one input (its bytes as UTF-8; invalid bytes become U+FFFD, as the YAML reader would refuse them).
    public static func run(_ bytes: [UInt8]) {
        let source = String(decoding: bytes, as: UTF8.self)
        let origin = SourcePosition(line: 3, column: 9)
        let (parsed, diagnostics) = ExpressionParser.parse(source, origin: origin)
        guard let expr = parsed else {
            if diagnostics.isEmpty { FuzzFinding.fail("no tree and no diagnostic for \(source.debugDescription)") }
            return
        }
        let text = expr.sourceText
        let (again, problems) = ExpressionParser.parse(text, origin: origin)
        guard let again, again.isSameTree(as: expr) else {
            FuzzFinding.fail("\(source.debugDescription) prints as \(text.debugDescription), which parses differently: \(problems.map(\.message))")
        }
        _ = TypeChecker.check(expr, in: FuzzScope(), expecting: nil)
        _ = TypeChecker.check(expr, in: FuzzScope(), expecting: .boolean)
        _ = Evaluator.evaluate(expr, in: FuzzScope())
    }
}

/// A fixed set of names of every type, for the type checker and the evaluator.
struct FuzzScope: ExpressionScope, ValueEnvironment {
    static let types: [String: ValueType] = [
        "solved": .boolean, "ease": .number, "recommend": .number, "reason": .text, "visit_date": .date,
        "used": .choices([.text("app"), .text("store")]), "tier": .choice([.integer(1), .integer(2)]),
        "channel_sat": .keyed(.number), "meta.segment": .choice([.text("new"), .text("regular")]), "any": .unknown,
    ]
    static let values: [String: Value] = [
        "solved": .bool(true), "ease": .number(4), "recommend": .number(1e308), "reason": .text("slow 慢 🙂"),
        "visit_date": .text("2026-02-29"), "used": .list([.text("app"), .text("store")]), "tier": .number(2),
        "channel_sat": .keyed(["app": .number(-0.0), "store": .number(5)]), "meta.segment": .text("new"), "any": .null,
    ]

    func resolve(_ name: QualifiedName) -> NameResolution {
        if let type = Self.types[name.description] { return .value(type) }
        if name.description == "later" { return .notYetAsked(id: "later", definedAt: SourcePosition(line: 9, column: 3)) }
        return .undefined(suggestion: nil)
    }

    func value(of name: QualifiedName) -> Value { Self.values[name.description] ?? .null }
}
