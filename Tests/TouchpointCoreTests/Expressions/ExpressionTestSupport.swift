import Testing
@testable import TouchpointCore

/// Where the test expressions sit in an imaginary YAML file: `when: ` on line 12 puts column 7 first.
let exprOrigin = SourcePosition(line: 12, column: 7)

/// The position of the scalar at `offset` in a one-line expression that starts at `exprOrigin`.
func exprAt(_ offset: Int) -> SourcePosition { exprOrigin.advanced(by: offset) }

/// Parses an expression that must be valid.
func parsedExpr(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> Expr? {
    let (expr, diagnostics) = ExpressionParser.parse(source, origin: exprOrigin)
    #expect(diagnostics.isEmpty, "unexpected diagnostics for \(source): \(diagnostics.map(\.fullMessage))",
            sourceLocation: sourceLocation)
    #expect(expr != nil, sourceLocation: sourceLocation)
    return expr
}

/// The diagnostics of an expression that must not parse.
func exprSyntaxErrors(_ source: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Diagnostic] {
    let (expr, diagnostics) = ExpressionParser.parse(source, origin: exprOrigin)
    #expect(expr == nil, "\(source) should not parse", sourceLocation: sourceLocation)
    #expect(!diagnostics.isEmpty, sourceLocation: sourceLocation)
    return diagnostics
}

/// The tree fully parenthesised, to see how an expression grouped: `(a or (b and c))`.
func exprShape(_ expr: Expr) -> String {
    switch expr {
    case .literal, .name: expr.sourceText
    case .list(let items, _): "[" + items.map(exprShape).joined(separator: ", ") + "]"
    case .call(let f, let args, _): f + "(" + args.map(exprShape).joined(separator: ", ") + ")"
    case .unary(.not, let e, _): "(not " + exprShape(e) + ")"
    case .unary(.negate, let e, _): "(-" + exprShape(e) + ")"
    case .binary(let op, let l, let r, _): "(" + exprShape(l) + " " + op.symbol + " " + exprShape(r) + ")"
    }
}

/// A scope from a table of names and types; names in `later` are asked after the expression.
struct ExprTestScope: ExpressionScope {
    var types: [String: ValueType]
    var later: [String: SourcePosition] = [:]

    func resolve(_ name: QualifiedName) -> NameResolution {
        if let type = types[name.description] { return .value(type) }
        if let position = later[name.description] { return .notYetAsked(id: name.description, definedAt: position) }
        let close = types.keys.sorted().first { ExpressionEditDistance.between($0, name.description) <= 2 }
        return .undefined(suggestion: close)
    }
}

/// The questionnaire of SPEC section 2, as the type checker sees it after `used`.
let exprServiceScope = ExprTestScope(types: [
    "solved": .boolean,
    "ease": .number,
    "recommend": .number,
    "reason": .text,
    "visit_date": .date,
    "used": .choices([.text("app"), .text("store"), .text("none")]),
    "meta.segment": .choice([.text("new"), .text("regular"), .text("high_value")]),
    "rating": .choice([.integer(1), .integer(2), .integer(3), .integer(4), .integer(5)]),
    "channel_sat": .keyed(.number),
    "service.speed": .number,
    "promoter": .boolean,
    "anything": .unknown,
], later: ["outro_rating": SourcePosition(line: 40, column: 9)])

/// Type-checks `source` (which must parse) in the service scope.
func typeCheck(_ source: String, expecting: ValueType? = .boolean, in scope: ExprTestScope = exprServiceScope,
           sourceLocation: SourceLocation = #_sourceLocation) -> (ValueType, [Diagnostic]) {
    guard let expr = parsedExpr(source, sourceLocation: sourceLocation) else { return (.unknown, []) }
    return TypeChecker.check(expr, in: scope, expecting: expecting)
}

/// Values by name, for the evaluator.
struct ExprTestEnvironment: ValueEnvironment {
    var values: [String: Value]

    func value(of name: QualifiedName) -> Value { values[name.description] ?? .null }
}

/// Evaluates `source` (which must parse) with `values`.
func evaluated(_ source: String, _ values: [String: Value] = [:], sourceLocation: SourceLocation = #_sourceLocation) -> Value {
    guard let expr = parsedExpr(source, sourceLocation: sourceLocation) else { return .text("<did not parse>") }
    return Evaluator.evaluate(expr, in: ExprTestEnvironment(values: values))
}
