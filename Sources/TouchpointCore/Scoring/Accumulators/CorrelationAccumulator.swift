/// Running co-moments of paired values for a key driver's Pearson r, in constant memory.
///
/// Weighted or not, the pairs go through West's weighted update of the means and of the sums of squares
/// and cross-products (every weight 1 when unweighted), which matches the two-pass sums of
/// `Correlation.pearson` to within a few units in the last place. As there, only pairs with a positive
/// weight count, and a series that never changes over them leaves r undefined: that is checked exactly,
/// on the values, not on a variance that rounding could make tiny but not zero.
struct CorrelationAccumulator: Sendable {
    private(set) var n = 0
    private var used = 0
    private var firstX = 0.0
    private var firstY = 0.0
    private var xVaries = false
    private var yVaries = false
    private var weights = WeightTotals()
    private var positiveWeight = 0.0
    private var meanX = 0.0
    private var meanY = 0.0
    private var sxx = 0.0
    private var syy = 0.0
    private var sxy = 0.0

    mutating func add(x: Double, y: Double, weight: Double) {
        n += 1
        weights.add(weight)
        guard weight > 0 else { return }
        used += 1
        if used == 1 {
            firstX = x
            firstY = y
        } else {
            if x != firstX { xVaries = true }
            if y != firstY { yVaries = true }
        }
        positiveWeight += weight
        let share = weight / positiveWeight
        let dx = x - meanX
        let dy = y - meanY
        meanX += dx * share
        meanY += dy * share
        sxx += weight * dx * (x - meanX)
        syy += weight * dy * (y - meanY)
        sxy += weight * dx * (y - meanY)
    }

    /// Adds the pairs read elsewhere (another part of the file): the co-moments combine by the pairwise
    /// update of Chan, Golub and LeVeque.
    mutating func merge(_ other: CorrelationAccumulator) {
        n += other.n
        weights.merge(other.weights)
        guard other.used > 0 else { return }
        guard used > 0 else {
            let count = n
            let totals = weights
            self = other
            n = count
            weights = totals
            return
        }
        xVaries = xVaries || other.xVaries || other.firstX != firstX
        yVaries = yVaries || other.yVaries || other.firstY != firstY
        let total = positiveWeight + other.positiveWeight
        let dx = other.meanX - meanX
        let dy = other.meanY - meanY
        let product = positiveWeight * other.positiveWeight / total
        sxx += other.sxx + dx * dx * product
        syy += other.syy + dy * dy * product
        sxy += other.sxy + dx * dy * product
        meanX += dx * other.positiveWeight / total
        meanY += dy * other.positiveWeight / total
        positiveWeight = total
        used += other.used
    }

    /// Pearson's r with its Fisher-z interval, as `Correlation.pearson` gives it for the pairs added.
    func estimate(weighted: Bool) -> Estimate? {
        guard used >= 2, xVaries, yVaries else { return nil }
        let nEff: Double?
        if weighted {
            guard let size = weights.effectiveSize else { return nil }
            nEff = size
        } else {
            nEff = nil
        }
        let r = min(max(sxy / (sxx * syy).squareRoot(), -1), 1)
        return Estimate(value: r, ci95: Correlation.fisherInterval(r: r, size: nEff ?? Double(n)), n: n, nEff: nEff)
    }
}
