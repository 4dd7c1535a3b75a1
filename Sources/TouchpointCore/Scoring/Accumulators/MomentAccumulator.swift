/// Running moments of case values for `mean` and `sum` scores, in constant memory.
///
/// The mean is `Σx / n` (weighted `Σwx / Σw`), summed in arrival order exactly as `Mean.estimate` sums,
/// so it is the same number. The sum of squared deviations uses Welford's update (West's for weights),
/// which stays accurate for any number of cases where `Σx² - n·mean²` would cancel; it agrees with the
/// two-pass sum in `Mean.estimate` to within a few units in the last place.
struct MomentAccumulator: Sendable {
    private(set) var n = 0
    private var sum = 0.0
    private var runningMean = 0.0
    private var squares = 0.0
    private var weights = WeightTotals()
    private var weightedSum = 0.0
    private var weightedMean = 0.0
    private var weightedSquares = 0.0
    private var positiveWeight = 0.0

    mutating func add(_ x: Double, weight: Double) {
        n += 1
        sum += x
        let delta = x - runningMean
        runningMean += delta / Double(n)
        squares += delta * (x - runningMean)
        weights.add(weight)
        weightedSum += weight * x
        if weight > 0 {
            positiveWeight += weight
            let weightedDelta = x - weightedMean
            weightedMean += weightedDelta * weight / positiveWeight
            weightedSquares += weight * weightedDelta * (x - weightedMean)
        }
    }

    /// Adds the moments of values read elsewhere (another part of the file), by Chan, Golub and LeVeque's
    /// pairwise update, which is as exact as adding the values one by one.
    mutating func merge(_ other: MomentAccumulator) {
        guard other.n > 0 else { return }
        guard n > 0 else {
            self = other
            return
        }
        let count = Double(n + other.n)
        let delta = other.runningMean - runningMean
        squares += other.squares + delta * delta * Double(n) * Double(other.n) / count
        runningMean += delta * Double(other.n) / count
        n += other.n
        sum += other.sum
        weights.merge(other.weights)
        weightedSum += other.weightedSum
        if other.positiveWeight > 0 {
            if positiveWeight > 0 {
                let total = positiveWeight + other.positiveWeight
                let weightedDelta = other.weightedMean - weightedMean
                weightedSquares += other.weightedSquares + weightedDelta * weightedDelta * positiveWeight * other.positiveWeight / total
                weightedMean += weightedDelta * other.positiveWeight / total
                positiveWeight = total
            } else {
                weightedMean = other.weightedMean
                weightedSquares = other.weightedSquares
                positiveWeight = other.positiveWeight
            }
        }
    }

    /// The estimate `Mean.estimate` gives for the values added (with their weights when `weighted`).
    func estimate(weighted: Bool) -> MeanEstimate? {
        guard n > 0 else { return nil }
        if weighted {
            guard let nEff = weights.effectiveSize else { return nil }
            let mean = weightedSum / weights.sum
            guard nEff > 1 else {
                return MeanEstimate(estimate: Estimate(value: mean, ci95: nil, n: n, nEff: nEff), sd: nil)
            }
            let variance = max(weightedSquares, 0) / weights.sum * nEff / (nEff - 1)
            let sd = variance.squareRoot()
            let ci = Self.tInterval(mean: mean, standardError: sd / nEff.squareRoot(), degreesOfFreedom: nEff - 1)
            return MeanEstimate(estimate: Estimate(value: mean, ci95: ci, n: n, nEff: nEff), sd: sd)
        }
        let count = Double(n)
        let mean = sum / count
        guard n > 1 else { return MeanEstimate(estimate: Estimate(value: mean, ci95: nil, n: 1), sd: nil) }
        let sd = (max(squares, 0) / (count - 1)).squareRoot()
        let ci = Self.tInterval(mean: mean, standardError: sd / count.squareRoot(), degreesOfFreedom: count - 1)
        return MeanEstimate(estimate: Estimate(value: mean, ci95: ci, n: n), sd: sd)
    }

    /// `mean ± t(0.975, df)·se`, as `Mean.estimate` forms it.
    static func tInterval(mean: Double, standardError: Double, degreesOfFreedom: Double) -> ConfidenceInterval {
        let halfWidth = StudentT.quantile(0.975, degreesOfFreedom: degreesOfFreedom) * standardError
        return ConfidenceInterval(low: mean - halfWidth, high: mean + halfWidth)
    }
}
