/// `budget-exceeded`: the longest path is longer than the questionnaire's effort budget.
enum BudgetRule {
    static func check(_ q: Questionnaire, effort: EffortEstimate, into bag: inout DiagnosticBag) {
        guard let budget = q.budget else { return }
        if let limit = budget.questions, effort.maxQuestions > limit {
            bag.add(.budgetExceeded, at: budget.position,
                    "the longest path asks up to \(effort.maxQuestions) questions; the budget is \(limit)",
                    hint: "ask fewer questions, or add conditions so each respondent meets only those that apply")
        }
        if let limit = budget.seconds, effort.maxSeconds > limit {
            let longest = EffortEstimate.duration(effort.maxSeconds, roundingUp: true)
            bag.add(.budgetExceeded, at: budget.position,
                    "the longest path takes \(longest.hasPrefix("more than") ? "" : "about ")\(longest); the budget is \(EffortEstimate.duration(limit, roundingUp: true))",
                    hint: "shorten texts or options, or ask fewer questions on the longest path")
        }
    }
}
