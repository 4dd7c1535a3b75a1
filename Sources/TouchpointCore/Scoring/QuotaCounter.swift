import TouchpointJSON

/// Counts the quotas a scored record fills, as `QuotaTally.filled` does, without building an expression
/// environment for the usual `meta.key == 'text'` quota.
///
/// For such a quota whose meta key has a slot, a record fills it when the slot holds a string equal to the
/// text (a null or absent value never does: `==` with null is false); any other value, and any other form
/// of `when`, is left to the evaluator through `QuotaTally.filled`, so the counts are the same.
struct QuotaCounter: Sendable {
    /// One quota: its id, and the slot and text of a simple `meta.key == 'text'` (slot -1: not simple).
    private struct Check: Sendable {
        var id: String
        var slot: Int
        var text: String
    }

    private let checks: [Check]
    /// Whether every quota is simple (then the evaluator is never needed).
    private let allSimple: Bool

    init(_ quotas: [Quota], schema: ResponseSchema) {
        checks = quotas.map { quota in
            if case .binary(.equal, let left, let right, _)? = quota.when.expr {
                var name: QualifiedName?
                var text: String?
                if case .name(let n, _) = left, case .literal(.text(let t), _) = right { name = n; text = t }
                if case .name(let n, _) = right, case .literal(.text(let t), _) = left { name = n; text = t }
                if let name, let text, name.parts.count == 2, name.parts[0] == "meta",
                   let slot = schema.meta[name.parts[1]]?.slot, slot >= 0 {
                    return Check(id: quota.id, slot: slot, text: text)
                }
            }
            return Check(id: quota.id, slot: -1, text: "")
        }
        allSimple = checks.allSatisfy { $0.slot >= 0 }
    }

    var isEmpty: Bool { checks.isEmpty }

    /// Calls `body` with the id of each quota the complete `record` fills, in the questionnaire's order.
    func forEachFilled(by record: CheckedResponse, schema: ResponseSchema, _ body: (String) -> Void) {
        guard allSimple, record.values.count == schema.slotCount else {
            QuotaTally.filled(by: record, schema: schema).forEach(body)
            return
        }
        for check in checks {
            switch record.values[check.slot] {
            case nil, .null?, .string?: continue
            default:
                // A number or another value compared with text: the evaluator's rules decide.
                QuotaTally.filled(by: record, schema: schema).forEach(body)
                return
            }
        }
        for check in checks {
            if case .string(let value)? = record.values[check.slot], value == check.text { body(check.id) }
        }
    }
}
