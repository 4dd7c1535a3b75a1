/// `quota-never-fills` (warning): a quota with `limit: 0`, a `when` that no respondent can meet, or names that
/// no path asks together (so the quota is never checked).
enum QuotaFillRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        guard !context.questionnaire.quotas.isEmpty else { return }
        let analysis = ConditionAnalysis(domains: Domains.build(context))
        let flowByID = Dictionary(context.flow.compactMap { f in f.item.id.map { ($0, f) } }, uniquingKeysWith: { a, _ in a })
        for quota in context.questionnaire.quotas {
            if quota.limit == 0 {
                bag.add(.quotaNeverFills, at: quota.limitPosition,
                        "quota `\(quota.id)` has `limit: 0`: it never admits a completed interview, so every respondent it matches ends as \(quota.status.rawValue)",
                        hint: "give the number of completed interviews the quota admits, or remove the quota")
                continue
            }
            guard let expr = quota.when.expr,
                  !QuotaRule.problems(quota, context).contains(where: { $0.severity == .error }) else { continue }
            if analysis.isUnsatisfiable([expr]) == true {
                bag.add(.quotaNeverFills, at: quota.when.position,
                        "the condition `\(quota.when.source)` of quota `\(quota.id)` can never hold, so the quota never fills",
                        hint: "check the condition for a mistake, or remove the quota")
                continue
            }
            // The conditions under which each named question is asked must hold together with `when`.
            let asked = quota.names.compactMap { name -> [Expr]? in
                guard let head = name.parts.first, head != "meta", let f = flowByID[head] else { return nil }
                return f.conditions.compactMap(\.expr)
            }.flatMap { $0 }
            if !asked.isEmpty, analysis.isUnsatisfiable(asked) == true {
                let names = quota.names.map { "`\($0)`" }.joined(separator: ", ")
                bag.add(.quotaNeverFills, at: quota.when.position,
                        "quota `\(quota.id)` reads \(names), which no path asks together, so it is never checked",
                        hint: "a quota is checked once every name in its `when` has been asked: use names asked on one path")
            } else if !asked.isEmpty, analysis.isUnsatisfiable(asked + [expr]) == true {
                bag.add(.quotaNeverFills, at: quota.when.position,
                        "the condition `\(quota.when.source)` of quota `\(quota.id)` never holds where its names are asked, so the quota never fills",
                        hint: "check the condition against the `when`s of the questions it reads")
            }
        }
    }
}
