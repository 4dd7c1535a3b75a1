/// Running co-moments of paired values for a key driver's Pearson r, in constant memory.
///
/// The pairs go through West's weighted update of the means and of the sums of squares and cross-products,
/// once with every weight 1 and once with the response weights, which matches the two-pass sums of
/// `Correlation.pearson` (unweighted and weighted) to within a few units in the last place. As there, only
/// pairs with a positive weight count in the weighted r, and a series that never changes over the pairs
/// used leaves r undefined: that is checked exactly, on the values, not on a variance that rounding could
/// make tiny but not zero.
struct CorrelationAccumulator: Sendable {
    /// Co-moments of the pairs with a positive weight.
    struct CoMoments: Sendable {
        private(set) var used = 0
        private var firstX = 0.0
        private var firstY = 0.0
        private var xVaries = false
        private var yVaries = false
        private var totalWeight = 0.0
        private var meanX = 0.0
        private var meanY = 0.0
        private var sxx = 0.0
        private var syy = 0.0
        private var sxy = 0.0

        mutating func add(x: Double, y: Double, weight: Double) {
            guard weight > 0 else { return }
            used += 1
            if used == 1 {
                firstX = x
                firstY = y
            } else {
                if x != firstX { xVaries = true }
                if y != firstY { yVaries = true }
            }
            totalWeight += weight
            let share = weight / totalWeight
            let dx = x - meanX
            let dy = y - meanY
            meanX += dx * share
            meanY += dy * share
            sxx += weight * dx * (x - meanX)
            syy += weight * dy * (y - meanY)
            sxy += weight * dx * (y - meanY)
        }

        /// Adds the co-moments of pairs read elsewhere, by the pairwise update of Chan, Golub and LeVeque.
        mutating func merge(_ other: CoMoments) {
            guard other.used > 0 else { return }
            guard used > 0 else {
                self = other
                return
            }
            xVaries = xVaries || other.xVaries || other.firstX != firstX
            yVaries = yVaries || other.yVaries || other.firstY != firstY
            let total = totalWeight + other.totalWeight
            let dx = other.meanX - meanX
            let dy = other.meanY - meanY
            let product = totalWeight * other.totalWeight / total
            sxx += other.sxx + dx * dx * product
            syy += other.syy + dy * dy * product
            sxy += other.sxy + dx * dy * product
            meanX += dx * other.totalWeight / total
            meanY += dy * other.totalWeight / total
            totalWeight = total
            used += other.used
        }

        /// r, clamped to [-1, 1], or `nil` with fewer than two pairs or a series that never changes.
        var r: Double? {
            guard used >= 2, xVaries, yVaries else { return nil }
            return min(max(sxy / (sxx * syy).squareRoot(), -1), 1)
        }
    }

    private(set) var n = 0
    private var weights = WeightTotals()
    private var plain = CoMoments()
    private var weighted = CoMoments()

    mutating func add(x: Double, y: Double, weight: Double) {
        n += 1
        weights.add(weight)
        plain.add(x: x, y: y, weight: 1)
        weighted.add(x: x, y: y, weight: weight)
    }

    /// Adds the pairs read elsewhere (another part of the file).
    mutating func merge(_ other: CorrelationAccumulator) {
        n += other.n
        weights.merge(other.weights)
        plain.merge(other.plain)
        weighted.merge(other.weighted)
    }

    /// Pearson's r with its Fisher-z interval, as `Correlation.pearson` gives it for the pairs added.
    func estimate(weighted isWeighted: Bool) -> Estimate? {
        guard isWeighted else {
            guard let r = plain.r else { return nil }
            return Estimate(value: r, ci95: Correlation.fisherInterval(r: r, size: Double(n)), n: n)
        }
        guard let r = weighted.r, let nEff = weights.effectiveSize else { return nil }
        return Estimate(value: r, ci95: Correlation.fisherInterval(r: r, size: nEff), n: n, nEff: nEff)
    }
}
