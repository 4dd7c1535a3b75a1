/// Survey weights: their check and Kish's effective sample size, shared by the weighted estimators.
public enum Weights {
    /// Kish's effective sample size `(Σw)² / Σw²`.
    ///
    /// It is the number of unweighted cases that would give the same precision, and is what every
    /// weighted interval here is computed with. Equal weights give `n`. Returns `nil` when the
    /// weights are unusable (see `areUsable`).
    public static func kishEffectiveSize(_ weights: [Double]) -> Double? {
        guard areUsable(weights), let largest = weights.max() else { return nil }
        // Scaling by the largest weight leaves the ratio unchanged and keeps huge weights from overflowing.
        var sum = 0.0
        var sumOfSquares = 0.0
        for weight in weights {
            let scaled = weight / largest
            sum += scaled
            sumOfSquares += scaled * scaled
        }
        return sum * sum / sumOfSquares
    }

    /// Whether weights can weight an estimate: at least one, all finite and non-negative, not all zero.
    public static func areUsable(_ weights: [Double]) -> Bool {
        !weights.isEmpty && weights.allSatisfy { $0.isFinite && $0 >= 0 } && weights.contains { $0 > 0 }
    }
}

extension Weights {
    /// The weighted share (0-1) of cases whose outcome is `true`, `Σ w·[outcome] / Σ w`, with Kish's effective
    /// size; `nil` when there are no cases, the counts differ, or the weights are unusable (see `areUsable`).
    public static func share(of outcomes: [Bool], weights: [Double]) -> (share: Double, nEff: Double)? {
        guard outcomes.count == weights.count, let nEff = kishEffectiveSize(weights) else { return nil }
        var total = 0.0
        var hits = 0.0
        for (outcome, weight) in zip(outcomes, weights) {
            total += weight
            if outcome { hits += weight }
        }
        return (hits / total, nEff)
    }
}
