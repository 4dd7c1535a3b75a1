/// Every name a questionnaire defines, with types, built in interview order.
public struct SymbolTable: Sendable {
    /// Questions, computes and sections by id.
    public var symbols: [String: Symbol] = [:]
    /// Meta keys (`meta.<key>`).
    public var meta: [String: Symbol] = [:]
    /// Computes' types, found by checking their expressions.
    public var computeTypes: [String: ValueType] = [:]
    /// Expressions that failed to type-check, by position: flow analysis leaves them alone.
    public var invalidConditions: Set<SourcePosition> = []

    public init() {}

    /// The question with this id, if there is one.
    public func question(_ id: String) -> Question? { symbols[id]?.question }

    /// Names a score or an in-file test may use: questions, grid cells (`grid.row`) and computes.
    public var valueNames: [String] {
        symbols.values.filter { $0.kind != .section && $0.question?.type != .note }.map(\.id).sorted()
    }
}

/// The names visible to one expression: what was defined before it, in its loops, and itself in its checks.
struct FlowScope: ExpressionScope {
    let table: SymbolTable
    /// Every id in the file with where it is defined, to tell "asked later" from "not defined".
    let allIds: [String: (order: Int, position: SourcePosition, kind: Symbol.Kind)]
    /// Interview order of the item the expression belongs to.
    let order: Int
    /// Loop sections around the expression, outermost first.
    let loops: [String]
    /// The `for_each` question of the innermost loop, whose chosen option is `item`.
    let loopOptions: [OptionValue]?
    /// The question whose `checks` are being read: it may name itself.
    let current: (id: String, type: ValueType)?

    func resolve(_ name: QualifiedName) -> NameResolution {
        let parts = name.parts
        guard let head = parts.first else { return .undefined(suggestion: nil) }
        if head == "meta" {
            guard parts.count == 2 else { return .undefined(suggestion: nil) }
            if let symbol = table.meta[parts[1]] { return .value(symbol.type) }
            return .undefined(suggestion: TextSimilarity.closest(to: parts[1], in: table.meta.keys.sorted()).map { "meta.\($0)" })
        }
        if head == "item" && parts.count == 1 {
            guard let loopOptions else { return .undefined(suggestion: nil) }
            return .value(.choice(loopOptions))
        }
        if let current, current.id == head, parts.count == 1 { return .value(current.type) }
        if let symbol = table.symbols[head], symbol.kind != .section, symbol.order < order {
            let type = typeSeenFromHere(symbol)
            if parts.count == 1 { return .value(type) }
            if parts.count == 2, let q = symbol.question, q.type == .grid {
                guard q.rows.contains(where: { $0.id == parts[1] }) else {
                    return .undefined(suggestion: TextSimilarity.closest(to: parts[1], in: q.rows.map(\.id)).map { "\(head).\($0)" })
                }
                return .value(rewrap(symbol, cell: Symbol.gridCellType(of: q)))
            }
            return .undefined(suggestion: nil)
        }
        if let later = allIds[head], later.kind != .section {
            return .notYetAsked(id: head, definedAt: later.position)
        }
        let candidates = table.symbols.values.filter { $0.kind != .section && $0.order < order }.map(\.id).sorted()
        return .undefined(suggestion: TextSimilarity.closest(to: head, in: candidates))
    }

    /// A loop question seen from inside the same loop is one answer; from outside, answers keyed by option.
    private func typeSeenFromHere(_ symbol: Symbol) -> ValueType {
        rewrap(symbol, cell: symbol.type)
    }

    private func rewrap(_ symbol: Symbol, cell: ValueType) -> ValueType {
        var shared = 0
        while shared < symbol.loops.count, shared < loops.count, symbol.loops[shared] == loops[shared] { shared += 1 }
        return symbol.loops.dropFirst(shared).reduce(cell) { inner, _ in .keyed(inner) }
    }
}
