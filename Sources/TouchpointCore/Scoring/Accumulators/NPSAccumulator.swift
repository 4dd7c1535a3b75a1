/// Running totals for a Net Promoter Score: the category counts, and their weights when weighted.
///
/// Unweighted, the counts go straight to `NetPromoter.estimate(promoters:passives:detractors:)`.
/// Weighted, the category sums are those `NetPromoter.estimate(ratings:weights:)` forms, in the same
/// order, and the interval is built the same way from them and Kish's effective size.
struct NPSAccumulator: Sendable {
    private(set) var promoters = 0
    private(set) var passives = 0
    private(set) var detractors = 0
    private var weights = WeightTotals()
    private var promoterWeight = 0.0
    private var passiveWeight = 0.0
    private var detractorWeight = 0.0

    var n: Int { promoters + passives + detractors }

    mutating func add(rating: Int, weight: Double) {
        weights.add(weight)
        switch NPSCategory(rating: rating) {
        case .promoter:
            promoters += 1
            promoterWeight += weight
        case .passive:
            passives += 1
            passiveWeight += weight
        case .detractor:
            detractors += 1
            detractorWeight += weight
        }
    }

    /// Adds the totals of ratings read elsewhere (another part of the file).
    mutating func merge(_ other: NPSAccumulator) {
        promoters += other.promoters
        passives += other.passives
        detractors += other.detractors
        weights.merge(other.weights)
        promoterWeight += other.promoterWeight
        passiveWeight += other.passiveWeight
        detractorWeight += other.detractorWeight
    }

    func estimate(weighted: Bool, interval: NPSInterval) -> NPSEstimate? {
        guard weighted else {
            return NetPromoter.estimate(promoters: promoters, passives: passives, detractors: detractors, interval: interval)
        }
        guard n > 0, let nEff = weights.effectiveSize else { return nil }
        let total = weights.sum
        let p = promoterWeight / total
        let passive = passiveWeight / total
        let d = detractorWeight / total
        let ci: ConfidenceInterval
        switch interval {
        case .wald:
            ci = NetPromoter.waldInterval(promoterShare: p, detractorShare: d, size: nEff)
        case .adjustedWald:
            let adjustedSize = nEff + 3
            ci = NetPromoter.waldInterval(promoterShare: (p * nEff + 0.75) / adjustedSize,
                                          detractorShare: (d * nEff + 0.75) / adjustedSize, size: adjustedSize)
        }
        let estimate = Estimate(value: 100 * (p - d), ci95: ci, n: n, nEff: nEff)
        return NPSEstimate(promoters: promoters, passives: passives, detractors: detractors,
                           promoterPercent: 100 * p, passivePercent: 100 * passive, detractorPercent: 100 * d,
                           estimate: estimate)
    }
}
