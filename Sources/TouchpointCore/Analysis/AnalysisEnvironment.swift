/// The values an expression (`verbatims --when`) sees for one record: answers, computes and meta values as
/// the interview stored them; a question not asked, skipped, answered "don't know" or refused reads as `null`.
struct AnalysisEnvironment: ValueEnvironment {
    let record: AnalysisRecord
    let table: SymbolTable

    func value(of name: QualifiedName) -> Value {
        let parts = name.parts
        guard let head = parts.first else { return .null }
        if head == "meta" {
            guard parts.count == 2, let value = record.meta[parts[1]] else { return .null }
            return Value(json: value)
        }
        if let symbol = table.symbols[head], let question = symbol.question {
            guard let answer = record.answers[head] else { return .null }
            if parts.count == 2, question.type == .grid {
                return Value(json: answer).gridRow(parts[1], loopDepth: symbol.loops.count)
            }
            return parts.count == 1 ? Value(json: answer) : .null
        }
        if parts.count == 1, let value = record.computed[head] { return Value(json: value) }
        return .null
    }
}

/// A condition on records (`verbatims --when EXPR`), parsed and type-checked against the questionnaire.
public struct AnalysisFilter: Sendable {
    let expr: Expr
    let table: SymbolTable
    public let source: String

    /// The filter `source` describes, or why it cannot be used.
    public init(_ source: String, table: SymbolTable) throws(TabError) {
        let (parsed, diagnostics) = ExpressionParser.parse(source, origin: .start)
        guard let parsed, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw TabError("--when \(source): \(diagnostics.first?.message ?? "not an expression")")
        }
        let (_, problems) = TypeChecker.check(parsed, in: ScoreScope(table: table), expecting: .boolean)
        if let problem = problems.first(where: { $0.severity == .error }) {
            throw TabError("--when \(source): \(problem.message)")
        }
        expr = parsed
        self.table = table
        self.source = source
    }

    /// Whether `record` passes.
    public func accepts(_ record: AnalysisRecord) -> Bool {
        Evaluator.evaluate(expr, in: AnalysisEnvironment(record: record, table: table)).isTruthy
    }
}
