/// Where a 0-10 likelihood-to-recommend rating puts a respondent.
public enum NPSCategory: String, Sendable, Hashable, CaseIterable {
    case promoter
    case passive
    case detractor

    /// 9-10 promote, 7-8 are passive, 0-6 detract.
    ///
    /// Ratings are expected on the 0-10 scale; anything above 10 counts as a promoter and anything
    /// below 0 as a detractor, so validating the range is the caller's job.
    public init(rating: Int) {
        switch rating {
        case 9...: self = .promoter
        case 7...8: self = .passive
        default: self = .detractor
        }
    }
}

/// Which confidence interval `touchpoint score` puts around a Net Promoter Score (`--ci`).
public enum NPSInterval: String, Sendable, Hashable, CaseIterable {
    /// `NPS ± z·se` with `se² = (p + d - (p - d)²) / n`, the multinomial variance of the NPS.
    case wald
    /// The same after adding 0.75 promoters, 1.5 passives and 0.75 detractors (`n + 3`), after
    /// Rocks (2016) and Sauro & Lewis; it behaves far better for small samples and extreme scores.
    case adjustedWald = "adjusted-wald"
}

/// A Net Promoter Score with its category counts and shares.
public struct NPSEstimate: Sendable, Hashable {
    /// Cases in each category (unweighted counts, even for a weighted score).
    public var promoters: Int
    public var passives: Int
    public var detractors: Int
    /// Shares of each category in percent, weighted when the score is.
    public var promoterPercent: Double
    public var passivePercent: Double
    public var detractorPercent: Double
    /// `value` is `%promoters - %detractors` (-100 to 100) and `ci95` the interval asked for.
    public var estimate: Estimate
}

/// The Net Promoter Score (`method: nps`) and its confidence intervals.
///
/// The point estimate is always the raw NPS, `100·(p - d)`. With `.adjustedWald` the interval is
/// centred on the adjusted estimate `100·(p' - d')`, `p' = (P + 0.75) / (n + 3)`, not on the raw
/// NPS, so the reported value need not sit in the middle of its interval: that shift towards 0 is
/// the point of the adjustment. Both intervals are clipped to [-100, 100], the range an NPS can take
/// (a Wald interval on two cases can otherwise reach ±139). Weighted scores use weighted shares and
/// Kish's effective sample size `n_eff` in place of `n` (and `p'·(n_eff + 3) = p·n_eff + 0.75`).
public enum NetPromoter {
    /// The NPS of the given category counts; `nil` when there are no cases or a count is negative.
    public static func estimate(promoters: Int, passives: Int, detractors: Int,
                                interval: NPSInterval = .wald) -> NPSEstimate? {
        guard promoters >= 0, passives >= 0, detractors >= 0 else { return nil }
        let n = promoters + passives + detractors
        guard n > 0 else { return nil }
        let size = Double(n)
        return make(counts: (promoters, passives, detractors),
                    shares: (Double(promoters) / size, Double(passives) / size, Double(detractors) / size),
                    size: size, nEff: nil, interval: interval)
    }

    /// The NPS of 0-10 ratings; `nil` when there are none.
    public static func estimate(ratings: [Int], interval: NPSInterval = .wald) -> NPSEstimate? {
        let counts = tally(ratings)
        return estimate(promoters: counts.promoters, passives: counts.passives, detractors: counts.detractors,
                        interval: interval)
    }

    /// The weighted NPS of 0-10 ratings; `nil` when there are none, the counts differ, or the weights
    /// are unusable (see `Weights.areUsable`).
    public static func estimate(ratings: [Int], weights: [Double], interval: NPSInterval = .wald) -> NPSEstimate? {
        guard ratings.count == weights.count, let nEff = Weights.kishEffectiveSize(weights) else { return nil }
        var total = 0.0
        var promoterWeight = 0.0
        var passiveWeight = 0.0
        var detractorWeight = 0.0
        for (rating, weight) in zip(ratings, weights) {
            total += weight
            switch NPSCategory(rating: rating) {
            case .promoter: promoterWeight += weight
            case .passive: passiveWeight += weight
            case .detractor: detractorWeight += weight
            }
        }
        let counts = tally(ratings)
        return make(counts: (counts.promoters, counts.passives, counts.detractors),
                    shares: (promoterWeight / total, passiveWeight / total, detractorWeight / total),
                    size: nEff, nEff: nEff, interval: interval)
    }

    private static func tally(_ ratings: [Int]) -> (promoters: Int, passives: Int, detractors: Int) {
        var counts = (promoters: 0, passives: 0, detractors: 0)
        for rating in ratings {
            switch NPSCategory(rating: rating) {
            case .promoter: counts.promoters += 1
            case .passive: counts.passives += 1
            case .detractor: counts.detractors += 1
            }
        }
        return counts
    }

    private static func make(counts: (Int, Int, Int), shares: (Double, Double, Double), size: Double,
                             nEff: Double?, interval: NPSInterval) -> NPSEstimate {
        let (p, passive, d) = shares
        let ci: ConfidenceInterval
        switch interval {
        case .wald:
            ci = waldInterval(promoterShare: p, detractorShare: d, size: size)
        case .adjustedWald:
            let adjustedSize = size + 3
            ci = waldInterval(promoterShare: (p * size + 0.75) / adjustedSize,
                              detractorShare: (d * size + 0.75) / adjustedSize, size: adjustedSize)
        }
        let estimate = Estimate(value: 100 * (p - d), ci95: ci, n: counts.0 + counts.1 + counts.2, nEff: nEff)
        return NPSEstimate(promoters: counts.0, passives: counts.1, detractors: counts.2,
                           promoterPercent: 100 * p, passivePercent: 100 * passive, detractorPercent: 100 * d,
                           estimate: estimate)
    }

    /// `100·(p - d) ± z·100·√((p + d - (p - d)²) / n)`, clipped to [-100, 100].
    static func waldInterval(promoterShare p: Double, detractorShare d: Double, size n: Double)
        -> ConfidenceInterval
    {
        let difference = p - d
        // Rounding can push the variance a hair below zero when everyone is a promoter.
        let variance = max(p + d - difference * difference, 0)
        let halfWidth = Normal.z95 * (variance / n).squareRoot()
        return ConfidenceInterval(low: 100 * max(difference - halfWidth, -1),
                                  high: 100 * min(difference + halfWidth, 1))
    }
}
