import TouchpointCore

/// Running count, mean and sum of squared deviations (Welford), for means and shares of report cells.
struct Moments: Sendable {
    private(set) var n = 0
    private(set) var mean = 0.0
    private(set) var squares = 0.0

    mutating func add(_ value: Double) {
        n += 1
        let delta = value - mean
        mean += delta / Double(n)
        squares += delta * (value - mean)
    }

    /// The mean with its t interval (`nil` interval below two values); nil with no values.
    var meanEstimate: Estimate? {
        guard n > 0 else { return nil }
        guard n > 1 else { return Estimate(value: mean, ci95: nil, n: n) }
        let sd = (squares / Double(n - 1)).squareRoot()
        let half = StudentT.quantile(0.975, degreesOfFreedom: Double(n - 1)) * sd / Double(n).squareRoot()
        return Estimate(value: mean, ci95: ConfidenceInterval(low: mean - half, high: mean + half), n: n)
    }

    /// The share of 1s in percent with its Wilson interval, for 0/1 values; nil with no values.
    var shareEstimate: Estimate? {
        Proportion.wilson(successes: Int((mean * Double(n)).rounded()), n: n)
    }
}
