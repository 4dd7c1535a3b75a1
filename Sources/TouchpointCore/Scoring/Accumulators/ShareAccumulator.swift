/// Running totals for a share of cases (`top_box`, `bottom_box`, `percent`).
///
/// Unweighted, the counts go straight to `Proportion.wilson(successes:n:)`. Weighted, the sums are the
/// ones `Proportion.wilson(outcomes:weights:)` forms, added in the same order, so the share is the same
/// number; Kish's effective size comes from `Σw` and `Σw²`.
struct ShareAccumulator: Sendable {
    private(set) var n = 0
    private(set) var hits = 0
    private(set) var weights = WeightTotals()
    private(set) var hitWeight = 0.0

    mutating func add(_ hit: Bool, weight: Double) {
        n += 1
        weights.add(weight)
        if hit {
            hits += 1
            hitWeight += weight
        }
    }

    /// Adds the totals of cases read elsewhere (another part of the file).
    mutating func merge(_ other: ShareAccumulator) {
        n += other.n
        hits += other.hits
        weights.merge(other.weights)
        hitWeight += other.hitWeight
    }

    func estimate(weighted: Bool) -> Estimate? {
        guard weighted else { return Proportion.wilson(successes: hits, n: n) }
        guard n > 0, let nEff = weights.effectiveSize else { return nil }
        let share = hitWeight / weights.sum
        return Estimate(value: 100 * share, ci95: Proportion.wilsonInterval(share: share, size: nEff), n: n, nEff: nEff)
    }
}
