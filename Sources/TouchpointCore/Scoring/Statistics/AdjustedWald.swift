/// A task's success rate with the adjusted-Wald interval, which Sauro and Lewis recommend for the small
/// samples of usability tests (`method: completion`).
///
/// Values and bounds are percentages (0-100). The interval is Agresti and Coull's: add z²/2 successes and
/// z²/2 failures, `p̃ = (x + z²/2) / (n + z²)`, then `p̃ ± z·√(p̃(1 - p̃) / (n + z²))`, clipped to [0, 100].
/// It is `statsmodels.stats.proportion.proportion_confint(method="agresti_coull")`; 7 successes of 10 give
/// [39.23, 89.67].
public enum AdjustedWald {
    /// The share of `successes` among `n` attempts; `nil` when `n` is not positive or `successes` is outside
    /// `0...n`.
    public static func estimate(successes: Int, n: Int) -> Estimate? {
        guard n > 0, successes >= 0, successes <= n else { return nil }
        let share = Double(successes) / Double(n)
        return Estimate(value: 100 * share, ci95: interval(share: share, size: Double(n)), n: n)
    }

    /// The weighted share of attempts whose outcome is `true`, the interval at Kish's effective size; `nil`
    /// when there are none, the counts differ, or the weights are unusable (see `Weights.areUsable`).
    public static func estimate(outcomes: [Bool], weights: [Double]) -> Estimate? {
        guard let (share, nEff) = Weights.share(of: outcomes, weights: weights) else { return nil }
        return Estimate(value: 100 * share, ci95: interval(share: share, size: nEff), n: outcomes.count, nEff: nEff)
    }

    /// The adjusted-Wald interval, in percent, for a share observed on `size` attempts (maybe an effective size).
    static func interval(share p: Double, size n: Double) -> ConfidenceInterval {
        let z = Normal.z95
        let z2 = z * z
        let adjustedSize = n + z2
        let adjusted = (p * n + z2 / 2) / adjustedSize
        let halfWidth = z * (adjusted * (1 - adjusted) / adjustedSize).squareRoot()
        return ConfidenceInterval(low: 100 * min(max(adjusted - halfWidth, 0), 1),
                                  high: 100 * min(max(adjusted + halfWidth, 0), 1))
    }
}
