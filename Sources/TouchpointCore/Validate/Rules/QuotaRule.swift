/// `duplicate-id`, `bad-loop` and the expression codes for `quotas:`: ids unique (and apart from question,
/// section, compute and end ids), `when` checked like any condition, seen from the end of the questionnaire.
enum QuotaRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        var seen: [String: SourcePosition] = [:]
        let endIDs = Dictionary(context.flow.compactMap { f -> (String, SourcePosition)? in
            if case .end(let e) = f.item, let id = e.id { return (id, e.position) }
            return nil
        }, uniquingKeysWith: { first, _ in first })
        for quota in context.questionnaire.quotas {
            if let first = seen[quota.id] {
                bag.add(.duplicateId, at: quota.position, "the quota id `\(quota.id)` is already used at line \(first.line)",
                        hint: "give each quota an id of its own")
            } else if let symbol = context.table.symbols[quota.id] {
                bag.add(.duplicateId, at: quota.position,
                        "the quota id `\(quota.id)` is also the id of a \(symbol.kind == .section ? "section" : symbol.kind == .compute ? "compute" : "question") at line \(symbol.position.line)",
                        hint: "quota ids share the namespace of questions, sections and computes; rename the quota")
            } else if let at = endIDs[quota.id] {
                bag.add(.duplicateId, at: quota.position, "the quota id `\(quota.id)` is also the id of the end at line \(at.line)",
                        hint: "rename the quota")
            }
            seen[quota.id] = seen[quota.id] ?? quota.position
            for problem in problems(quota, context) { bag.add(problem) }
        }
    }

    /// The errors of a quota's `when`: names, types and option values as for any condition, and no name asked
    /// inside a `for_each` loop (a quota reads answers given once).
    static func problems(_ quota: Quota, _ context: ValidationContext) -> [Diagnostic] {
        guard let expr = quota.when.expr else { return [] }
        var bag = DiagnosticBag()
        for name in quota.names {
            guard let head = name.parts.first, head != "meta", let symbol = context.table.symbols[head], !symbol.loops.isEmpty
            else { continue }
            bag.add(.badLoop, at: quota.when.position,
                    "quota `\(quota.id)` reads `\(name)`, which is asked inside the loop `\(symbol.loops.joined(separator: "."))`; a quota can only read answers asked once",
                    hint: "use a question outside the loop, or a compute after it that sums the loop up")
        }
        // A looped name makes type errors that only repeat the point (a keyed answer compared with a number).
        guard bag.items.isEmpty else { return bag.items }
        let scope = FlowScope(table: context.table, allIds: [:], order: Int.max, loops: [], loopOptions: nil, current: nil)
        return TypeChecker.check(expr, in: scope, expecting: .boolean).1
    }
}
