/// One list of items of the flow (the questionnaire's own, or a section's) with what the interview's walk needs
/// of each item looked up once: its compiled `when`, its interview order, a compute's compiled value, a loop's
/// compiled `for_each` name and the plan of a section's items.
///
/// The walk reads these by index beside the items, instead of finding each condition by its position and text
/// and each order by position at every step of every interview.
final class FlowPlan: Sendable {
    /// What the walk needs of one item.
    struct Entry: Sendable {
        /// Whether the item has a parsed `when`.
        let hasWhen: Bool
        /// Its compiled `when`; nil when it has none or it was left to the evaluator.
        let when: CompiledExpression?
        /// Interview order of the item (0 when the flow does not list it).
        let order: Int
        /// A compute's compiled value, or a loop section's compiled `for_each` name.
        let value: CompiledExpression?
        /// The plan of a section's items.
        let inner: FlowPlan?
        /// A question's answer slot (`CompiledExpressions.slots`): outside loops and not a grid.
        let slot: Int?
    }

    let entries: [Entry]

    init(_ items: [Item], compiled: CompiledExpressions, order: [SourcePosition: Int]) {
        entries = items.map { item in
            let when = item.when
            var value: CompiledExpression?
            var inner: FlowPlan?
            var slot: Int?
            switch item {
            case .compute(let c): value = compiled.flow(c.value)
            case .section(let s):
                value = compiled.forEach(s)
                inner = FlowPlan(s.items, compiled: compiled, order: order)
            case .question(let q): slot = compiled.slots[q.id]
            case .end: break
            }
            return Entry(hasWhen: when?.expr != nil, when: when.flatMap(compiled.flow), order: order[item.position] ?? 0,
                         value: value, inner: inner, slot: slot)
        }
    }
}
