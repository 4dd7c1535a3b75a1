/// A mean with its standard deviation and t interval.
public struct MeanEstimate: Sendable, Hashable {
    /// `value` is the mean; `ci95` its t interval, `nil` with fewer than two cases.
    public var estimate: Estimate
    /// The sample standard deviation (n - 1 in the denominator); `nil` with fewer than two cases.
    public var sd: Double?
}

/// Means of ratings and of scale scores (`method: mean` and `method: sum`) with t intervals.
///
/// For a sum scale pass each respondent's sum: the reported value is then the mean of the sums.
public enum Mean {
    /// The mean, sample standard deviation and `mean ± t(0.975, n-1)·sd/√n`; `nil` for no values.
    ///
    /// Agrees with `statsmodels.stats.weightstats.DescrStatsW(x).tconfint_mean()` and R's `t.test(x)`.
    public static func estimate(_ values: [Double]) -> MeanEstimate? {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        guard values.count > 1 else {
            return MeanEstimate(estimate: Estimate(value: mean, ci95: nil, n: 1), sd: nil)
        }
        let sumOfSquares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        let sd = (sumOfSquares / (n - 1)).squareRoot()
        let ci = tInterval(mean: mean, standardError: sd / n.squareRoot(), degreesOfFreedom: n - 1)
        return MeanEstimate(estimate: Estimate(value: mean, ci95: ci, n: values.count), sd: sd)
    }

    /// The weighted mean `Σwx / Σw` with a t interval on Kish's effective sample size.
    ///
    /// The weights are treated as analytic (precision) weights rescaled to sum to `n_eff`:
    /// `var = Σw(x - m)² / Σw · n_eff / (n_eff - 1)`, `sd = √var`, `se = sd / √n_eff`, and the t
    /// quantile has `n_eff - 1` (generally fractional) degrees of freedom. This is exactly
    /// `DescrStatsW(x, weights=w·n_eff/Σw, ddof=1)` in statsmodels (`.mean`, `.std`,
    /// `.tconfint_mean()`), and with equal weights it is the unweighted estimate. `sd` and `ci95` are
    /// `nil` when `n_eff ≤ 1` (one case, or all the weight on one case). `nil` for no values,
    /// mismatched counts, or unusable weights (see `Weights.areUsable`).
    public static func estimate(_ values: [Double], weights: [Double]) -> MeanEstimate? {
        guard values.count == weights.count, let nEff = Weights.kishEffectiveSize(weights) else { return nil }
        let total = weights.reduce(0, +)
        let mean = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 } / total
        guard nEff > 1 else {
            return MeanEstimate(estimate: Estimate(value: mean, ci95: nil, n: values.count, nEff: nEff), sd: nil)
        }
        let weightedSquares = zip(values, weights).reduce(0) { $0 + $1.1 * ($1.0 - mean) * ($1.0 - mean) }
        let variance = weightedSquares / total * nEff / (nEff - 1)
        let sd = variance.squareRoot()
        let ci = tInterval(mean: mean, standardError: sd / nEff.squareRoot(), degreesOfFreedom: nEff - 1)
        return MeanEstimate(estimate: Estimate(value: mean, ci95: ci, n: values.count, nEff: nEff), sd: sd)
    }

    private static func tInterval(mean: Double, standardError: Double, degreesOfFreedom: Double)
        -> ConfidenceInterval
    {
        let halfWidth = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) * standardError
        return ConfidenceInterval(low: mean - halfWidth, high: mean + halfWidth)
    }
}
