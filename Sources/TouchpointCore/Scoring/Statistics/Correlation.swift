import Foundation

/// Pearson correlations for key-driver analysis (`method: drivers`), with Fisher-z intervals.
///
/// The interval is `tanh(atanh(r) ± z/√(n - 3))`, as `scipy.stats.pearsonr(x, y).confidence_interval()`
/// and `pingouin.corr` compute it. It needs at least four pairs (`ci95` is `nil` below that) and is
/// `[r, r]` when the correlation is perfect.
public enum Correlation {
    /// Pearson's r of paired values; `nil` when the counts differ, there are fewer than two pairs,
    /// or either series is constant (r is undefined).
    public static func pearson(x: [Double], y: [Double]) -> Estimate? {
        guard x.count == y.count else { return nil }
        return weightedPearson(x: x, y: y, weights: Array(repeating: 1, count: x.count), nEff: nil)
    }

    /// The weighted Pearson r: weighted covariance over the product of weighted standard deviations.
    ///
    /// Matches `statsmodels.stats.weightstats.DescrStatsW(np.column_stack([x, y]), weights=w).corrcoef`.
    /// The interval uses Kish's effective sample size, `se = 1/√(n_eff - 3)`, and is `nil` when
    /// `n_eff ≤ 3`. A series counts as constant when it does not vary over the cases with a positive
    /// weight. `nil` also for mismatched counts or unusable weights (see `Weights.areUsable`).
    public static func pearson(x: [Double], y: [Double], weights: [Double]) -> Estimate? {
        guard x.count == y.count, x.count == weights.count, let nEff = Weights.kishEffectiveSize(weights) else {
            return nil
        }
        return weightedPearson(x: x, y: y, weights: weights, nEff: nEff)
    }

    private static func weightedPearson(x: [Double], y: [Double], weights: [Double], nEff: Double?) -> Estimate? {
        let used = weights.indices.filter { weights[$0] > 0 }
        guard used.count >= 2, let first = used.first else { return nil }
        // An exact check, as scipy makes: a constant series' deviations are rounding noise, not data.
        guard used.contains(where: { x[$0] != x[first] }), used.contains(where: { y[$0] != y[first] }) else {
            return nil
        }
        let total = used.reduce(0) { $0 + weights[$1] }
        let meanX = used.reduce(0) { $0 + weights[$1] * x[$1] } / total
        let meanY = used.reduce(0) { $0 + weights[$1] * y[$1] } / total
        var sxx = 0.0
        var syy = 0.0
        var sxy = 0.0
        for i in used {
            let dx = x[i] - meanX
            let dy = y[i] - meanY
            sxx += weights[i] * dx * dx
            syy += weights[i] * dy * dy
            sxy += weights[i] * dx * dy
        }
        let r = min(max(sxy / (sxx * syy).squareRoot(), -1), 1)
        let size = nEff ?? Double(x.count)
        return Estimate(value: r, ci95: fisherInterval(r: r, size: size), n: x.count, nEff: nEff)
    }

    /// `tanh(atanh(r) ± z/√(size - 3))`, or `nil` when `size ≤ 3`.
    static func fisherInterval(r: Double, size: Double) -> ConfidenceInterval? {
        guard size > 3 else { return nil }
        if abs(r) == 1 { return ConfidenceInterval(low: r, high: r) }
        let z = atanh(r)
        let halfWidth = Normal.z95 / (size - 3).squareRoot()
        return ConfidenceInterval(low: tanh(z - halfWidth), high: tanh(z + halfWidth))
    }
}
