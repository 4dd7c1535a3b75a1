import TouchpointCore

/// A score's point estimate, interval and base, whatever its method.
struct ScoreFigure {
    var value: Double
    var low: Double?
    var high: Double?
    var n: Int

    init(value: Double, low: Double?, high: Double?, n: Int) {
        self.value = value
        self.low = low
        self.high = high
        self.n = n
    }

    /// The figure of `result`, or nil for drivers and scores without an estimate.
    init?(_ result: ScoreResult) {
        let estimate: Estimate?
        switch result.outcome {
        case .nps(_, let nps): estimate = nps?.estimate
        case .share(_, _, let share): estimate = share
        case .mean(_, let mean, _): estimate = mean?.estimate
        case .drivers, .unavailable: estimate = nil
        }
        guard let estimate, estimate.value.isFinite else { return nil }
        value = estimate.value
        low = estimate.ci95?.low
        high = estimate.ci95?.high
        n = result.n
    }

    /// Bases below this are flagged as small.
    static let smallBase = 30

    var isSmallBase: Bool { n < Self.smallBase }
}
