extension ScoreReport {
    /// The report with each group's driver items in the order of the overall (headline) result, so that
    /// the rows of every group line up; only the headline is sorted by r.
    public func aligningDrivers() -> ScoreReport {
        var copy = self
        for (scoreIndex, score) in overall.scores.enumerated() {
            guard case .drivers(_, let headline) = score.outcome else { continue }
            let order = Dictionary(headline.enumerated().map { ($1.item, $0) }, uniquingKeysWith: { first, _ in first })
            for groupIndex in copy.groups.indices {
                guard case .drivers(let n, let drivers) = copy.groups[groupIndex].scores[scoreIndex].outcome else { continue }
                let aligned = drivers.sorted { (order[$0.item] ?? Int.max) < (order[$1.item] ?? Int.max) }
                copy.groups[groupIndex].scores[scoreIndex].outcome = .drivers(n: n, aligned)
            }
        }
        return copy
    }
}
