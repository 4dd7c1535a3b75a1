/// A share of cases (top box, bottom box, a rule that holds) with its Wilson score interval.
///
/// Values and bounds are percentages (0-100). The Wilson interval is the one statsmodels'
/// `proportion_confint(method="wilson")` returns, clipped to [0, 100] as statsmodels clips it; unlike
/// the Wald interval it stays inside the range and does not collapse at 0% or 100%.
public enum Proportion {
    /// The share of `successes` among `n` cases; `nil` when `n` is not positive or `successes` is
    /// outside `0...n`.
    public static func wilson(successes: Int, n: Int) -> Estimate? {
        guard n > 0, successes >= 0, successes <= n else { return nil }
        let share = Double(successes) / Double(n)
        return Estimate(value: 100 * share, ci95: wilsonInterval(share: share, size: Double(n)), n: n)
    }

    /// The weighted share of cases whose outcome is `true`.
    ///
    /// The share is `Σ w·[outcome] / Σ w`; the interval is Wilson's with Kish's effective sample size
    /// in place of `n`, which equals the unweighted interval when all weights are equal. `nil` when
    /// there are no cases, the counts differ, or the weights are unusable (see `Weights.areUsable`).
    public static func wilson(outcomes: [Bool], weights: [Double]) -> Estimate? {
        guard let (share, nEff) = Weights.share(of: outcomes, weights: weights) else { return nil }
        return Estimate(value: 100 * share, ci95: wilsonInterval(share: share, size: nEff),
                        n: outcomes.count, nEff: nEff)
    }

    /// Wilson's score interval for a share observed on `size` cases (which may be an effective size).
    static func wilsonInterval(share p: Double, size n: Double) -> ConfidenceInterval {
        let z = Normal.z95
        let z2 = z * z
        let denominator = 1 + z2 / n
        let centre = (p + z2 / (2 * n)) / denominator
        let halfWidth = z * (p * (1 - p) / n + z2 / (4 * n * n)).squareRoot() / denominator
        return ConfidenceInterval(low: 100 * min(max(centre - halfWidth, 0), 1),
                                  high: 100 * min(max(centre + halfWidth, 0), 1))
    }
}
