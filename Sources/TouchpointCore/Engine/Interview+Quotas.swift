extension Interview {
    /// The first quota (in the order written) that must be checked now: every name of its `when` has been asked
    /// (answered or missing; meta names are known from the start), its `when` holds, and it has not been found
    /// open already. Nil once a quota has ended the interview.
    ///
    /// The engine does no I/O: the session counts the output file and calls `resolveQuota(_:full:)`, then asks
    /// again, before it shows the next prompt or writes the record. Until all names are asked a quota is never
    /// due, so a respondent is never ended by a quota before the answers weighting needs are given.
    public var dueQuota: Quota? {
        guard endedByQuota == nil else { return nil }
        // Every quota found open or quiet already (ids are unique): none can fall due.
        if openQuotas.count + quietQuotaCount >= questionnaire.quotas.count { return nil }
        for (index, quota) in questionnaire.quotas.enumerated() where !isQuiet(index) && !openQuotas.contains(quota.id) {
            guard let expr = quota.when.expr else { continue }
            guard hasAskedEveryName(ofQuotaAt: index, quota) else { continue }
            if let compiled = checked.compiled.quota(at: index, quota) {
                if compiled.evaluate(self, loop: []).isTruthy { return quota }
                continue
            }
            let env = Environment(interview: self, loop: [], loopSections: [], current: nil)
            if Evaluator.evaluate(expr, in: env).isTruthy { return quota }
        }
        return nil
    }

    private func isQuiet(_ index: Int) -> Bool { index < quietQuotas.count && quietQuotas[index] }

    /// Marks the quotas that cannot fall due before the walk starts over: every name of the `when` has been
    /// asked and it does not hold. Going forward, the answers, meta and computes a `when` names do not change
    /// (a walk that resumes only adds steps after the last one), so such a quota is not evaluated again at
    /// every prompt; `back()`, a restore or new meta walk from the start and forget them (`fresh`).
    mutating func noteQuietQuotas(fresh: Bool) {
        let count = questionnaire.quotas.count
        if quietQuotas.count != count {
            quietQuotas = Array(repeating: false, count: count)
            quietQuotaCount = 0
        } else if fresh, quietQuotaCount > 0 {
            for index in quietQuotas.indices { quietQuotas[index] = false }
            quietQuotaCount = 0
        }
        guard endedByQuota == nil, openQuotas.count + quietQuotaCount < count else { return }
        for index in quotasFallenQuiet() {
            quietQuotas[index] = true
            quietQuotaCount += 1
        }
    }

    /// The indices of the quotas not yet open or quiet whose names are all asked and whose `when` does not hold.
    /// Not `mutating`, so the expressions read this interview in place instead of a copy of it.
    private func quotasFallenQuiet() -> [Int] {
        var found: [Int] = []
        for (index, quota) in questionnaire.quotas.enumerated() where !quietQuotas[index] && !openQuotas.contains(quota.id) {
            guard quota.when.expr != nil, let compiled = checked.compiled.quota(at: index, quota) else { continue }
            guard hasAskedEveryName(ofQuotaAt: index, quota) else { continue }
            if !compiled.evaluate(self, loop: []).isTruthy { found.append(index) }
        }
        return found
    }

    /// Whether every name the `when` of the quota at `index` reads has been met on this path.
    private func hasAskedEveryName(ofQuotaAt index: Int, _ quota: Quota) -> Bool {
        // A loop, not `allSatisfy(hasBeenAsked)`: the method passed as a value captured a copy of the interview.
        for name in checked.compiled.quotaNames(at: index, quota) where !hasBeenAsked(name) { return false }
        return true
    }

    /// Whether a quota's name has been met on this interview's path: a meta key always; a question or grid row
    /// once it has a recorded step; a compute once the walk has computed it. Names inside loops never are.
    func hasBeenAsked(_ name: QualifiedName) -> Bool {
        let parts = name.parts
        guard let head = parts.first else { return false }
        if head == "meta" { return true }
        guard let symbol = table.symbols[head], symbol.loops.isEmpty else { return false }
        if symbol.kind == .compute { return computed[AnswerPath(question: head)] != nil }
        guard let q = symbol.question else { return false }
        if q.type == .grid {
            let rows = parts.count == 2 ? [parts[1]] : q.rows.map(\.id)
            return rows.allSatisfy { outcome(AnswerPath(question: head, row: $0)) != nil }
        }
        return outcome(AnswerPath(question: head)) != nil
    }
}

extension Interview {
    /// The quotas this finished interview counts toward, in the order written: it ended `complete` and each
    /// one's `when` holds on its answers, meta and computes. It is what `QuotaTally` reads back from the
    /// interview's record line, found without writing and parsing the line.
    public var filledQuotas: [String] {
        guard case .finished(let status, _) = state, status == .complete else { return [] }
        guard !questionnaire.quotas.isEmpty else { return [] }
        return questionnaire.quotas.enumerated().compactMap { index, quota in
            guard let expr = quota.when.expr else { return nil }
            let holds = checked.compiled.quota(at: index, quota).map { $0.evaluate(self, loop: []) }
                ?? Evaluator.evaluate(expr, in: Environment(interview: self, loop: [], loopSections: [], current: nil))
            guard holds.isTruthy else { return nil }
            return quota.id
        }
    }
}
