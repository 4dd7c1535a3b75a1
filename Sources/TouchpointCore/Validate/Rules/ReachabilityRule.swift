/// `unreachable`, `always-true`: questions, sections and ends whose conditions can never hold, or always do.
enum ReachabilityRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        let base = Domains.build(context)
        var deadSections = Set<String>()
        var endedAt: SourcePosition?          // an end that always fires at the top level
        var reportedAfterEnd = false
        var endedSections: [String: SourcePosition] = [:]   // sections cut short by an end that always fires in them

        for f in context.flow {
            if f.sections.contains(where: { deadSections.contains($0.id) }) { continue }
            if let at = endedAt {
                // One finding for the whole dead tail: the first item after the end.
                if !reportedAfterEnd {
                    report(f, "comes after the `end` at line \(at.line), which always ends the interview (and so does all that follows)", into: &bag)
                    reportedAfterEnd = true
                }
                markDead(f, &deadSections)
                continue
            }
            if let cut = f.sections.last.flatMap({ s in endedSections[s.id].map { (s, $0) } }) {
                report(f, "comes after the `end` at line \(cut.1.line), which always ends the interview in section `\(cut.0.id)`", into: &bag)
                markDead(f, &deadSections)
                continue
            }
            var domains = base
            if let loop = f.loops.last, let name = loop.forEach, let q = context.table.question(name) {
                domains["item"] = Domains.item(for: q)
            }
            let analysis = ConditionAnalysis(domains: domains)
            let outer = f.sections.compactMap { $0.when?.expr }
            let fires: Bool
            if f.conditions.contains(where: { context.table.invalidConditions.contains($0.position) }) { continue }
            if let own = f.item.when, let expr = own.expr {
                if analysis.isUnsatisfiable([expr]) == true {
                    report(f, "has a condition that can never hold: `\(own.source)`", at: own.position, into: &bag)
                    markDead(f, &deadSections)
                    continue
                }
                if !outer.isEmpty, analysis.isUnsatisfiable(outer + [expr]) == true {
                    report(f, "has a condition `\(own.source)` that contradicts the condition of its section", at: own.position, into: &bag)
                    markDead(f, &deadSections)
                    continue
                }
                let always = analysis.isAlwaysTrue(expr, given: outer) == true
                if always {
                    let given = outer.isEmpty ? "" : " where its section is asked"
                    bag.add(.alwaysTrue, at: own.position, "the condition `\(own.source)` of \(name(f)) always holds\(given), so it filters nothing",
                            hint: "remove the `when`, or check the condition for a mistake")
                }
                fires = always
            } else {
                fires = true
            }
            if case .end(let e) = f.item, fires {
                if f.sections.isEmpty {
                    endedAt = e.position
                } else if let inner = f.sections.last {
                    endedSections[inner.id] = e.position
                    if f.sections.allSatisfy({ $0.when == nil && $0.forEach == nil }) { endedAt = e.position }
                }
            }
        }
    }

    static func name(_ f: FlowItem) -> String {
        switch f.item {
        case .question(let q): "question `\(q.id)`"
        case .section(let s): "section `\(s.id)`"
        case .end(let e): e.id.map { "end `\($0)`" } ?? "the end at line \(e.position.line)"
        case .compute(let c): "compute `\(c.id)`"
        }
    }

    static func report(_ f: FlowItem, _ why: String, at position: SourcePosition? = nil, into bag: inout DiagnosticBag) {
        bag.add(.unreachable, at: position ?? f.item.position, "\(name(f)) is never reached: it \(why)",
                hint: "fix the condition, or remove what can never be asked")
    }

    static func markDead(_ f: FlowItem, _ dead: inout Set<String>) {
        if case .section(let s) = f.item { dead.insert(s.id) }
    }
}
