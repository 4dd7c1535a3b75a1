/// Every expression of a checked questionnaire compiled once against the names' slots (`CompiledExpression`),
/// found by where its condition is written.
///
/// The answers of questions outside loops (grids aside) get a slot each: an interview keeps their values in an
/// array by slot, and a compiled name reads its slot instead of looking the question and its answer up.
/// A condition whose position is shared by another one with a different text is left out (never expected);
/// the engine then evaluates its tree, which gives the same value.
struct CompiledExpressions: Sendable {
    /// Slots of the answers of questions outside loops, grids aside, by question id.
    let slots: [String: Int]
    /// `when`s, compute values and the `for_each` names of loops, by the condition's (or section's) position.
    private let flow: [SourcePosition: Entry]
    /// Check rules, by the rule's position; compiled for their question, which they may name.
    private let checks: [SourcePosition: Entry]
    /// Quota `when`s, by quota id: compiled at the top level, where quotas are checked, with the names they read.
    private let quotas: [String: (entry: Entry, names: [QualifiedName])]
    /// The same, by the quota's index in the list compiled from, so that an interview checking its quotas at
    /// every prompt finds them without hashing their ids.
    private let quotasByIndex: [(id: String, entry: Entry, names: [QualifiedName])?]

    private struct Entry: Sendable {
        var source: String
        var compiled: CompiledExpression?
    }

    /// How many answer slots an interview keeps.
    var slotCount: Int { slots.count }

    init(flow items: [FlowItem], table: SymbolTable, quotas: [Quota] = []) {
        var slots: [String: Int] = [:]
        for f in items {
            guard case .question(let q) = f.item, q.type != .grid, f.loops.isEmpty,
                  table.symbols[q.id]?.loops.isEmpty == true, slots[q.id] == nil else { continue }
            slots[q.id] = slots.count
        }
        var flow: [SourcePosition: Entry] = [:]
        var checks: [SourcePosition: Entry] = [:]
        func add(_ condition: Condition?, to map: inout [SourcePosition: Entry], _ context: CompiledExpression.Context) {
            guard let condition, let expr = condition.expr else { return }
            if let existing = map[condition.position] {
                if existing.source != condition.source { map[condition.position] = Entry(source: condition.source, compiled: nil) }
                return
            }
            map[condition.position] = Entry(source: condition.source, compiled: CompiledExpression.compile(expr, in: context))
        }
        for f in items {
            let context = CompiledExpression.Context(table: table, slots: slots, loopSections: f.loops.map(\.id), currentID: nil)
            add(f.item.when, to: &flow, context)
            switch f.item {
            case .compute(let c):
                add(c.value, to: &flow, context)
            case .section(let s):
                if let name = s.forEach {
                    add(Condition(source: "for_each " + name, expr: .name(QualifiedName(parts: [name]), s.position), at: s.position),
                        to: &flow, context)
                }
            case .question(let q):
                var own = context
                own.loopSections = table.symbols[q.id]?.loops ?? []
                own.currentID = q.id
                for check in q.checks { add(check.rule, to: &checks, own) }
            case .end:
                break
            }
        }
        var compiledQuotas: [String: (entry: Entry, names: [QualifiedName])] = [:]
        let top = CompiledExpression.Context(table: table, slots: slots, loopSections: [], currentID: nil)
        for quota in quotas where compiledQuotas[quota.id] == nil {
            guard let expr = quota.when.expr else { continue }
            compiledQuotas[quota.id] = (Entry(source: quota.when.source, compiled: CompiledExpression.compile(expr, in: top)),
                                        quota.names)
        }
        quotasByIndex = quotas.map { quota in compiledQuotas[quota.id].map { (quota.id, $0.entry, $0.names) } }
        self.slots = slots
        self.flow = flow
        self.checks = checks
        self.quotas = compiledQuotas
    }

    /// The compiled `when` of `quota`, the quota at `index` of the questionnaire's list.
    func quota(at index: Int, _ quota: Quota) -> CompiledExpression? {
        compiledQuota(at: index, quota)?.entry.compiled
    }

    /// The names the `when` of `quota`, the quota at `index`, reads (`Quota.names`), worked out once.
    func quotaNames(at index: Int, _ quota: Quota) -> [QualifiedName] {
        compiledQuota(at: index, quota)?.names ?? quota.names
    }

    /// The compiled quota at `index` when it is `quota` (otherwise the one with its id, for a list other than the
    /// one compiled from), if its `when` is the one compiled.
    private func compiledQuota(at index: Int, _ quota: Quota) -> (entry: Entry, names: [QualifiedName])? {
        let found: (entry: Entry, names: [QualifiedName])?
        if index < quotasByIndex.count, let indexed = quotasByIndex[index], indexed.id == quota.id {
            found = (indexed.entry, indexed.names)
        } else {
            found = quotas[quota.id]
        }
        guard let found, found.entry.source == quota.when.source else { return nil }
        return found
    }

    /// The compiled form of a `when` or compute value of the flow.
    func flow(_ condition: Condition) -> CompiledExpression? {
        guard let entry = flow[condition.position], entry.source == condition.source else { return nil }
        return entry.compiled
    }

    /// The compiled `for_each` name of a loop section.
    func forEach(_ section: Section) -> CompiledExpression? {
        guard let name = section.forEach, let entry = flow[section.position],
              entry.source.utf8.count == name.utf8.count + 9, entry.source.hasPrefix("for_each "),
              entry.source.hasSuffix(name) else { return nil }
        return entry.compiled
    }

    /// The compiled rule of a check.
    func check(_ check: Check) -> CompiledExpression? {
        guard let entry = checks[check.rule.position], entry.source == check.rule.source else { return nil }
        return entry.compiled
    }
}
