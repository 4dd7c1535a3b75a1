import TouchpointCore

/// Scores per period.
public struct TrendSection: Sendable {
    public var period: ScorePeriod
    /// Whether the period was chosen by the report (no `--period`).
    public var chosen: Bool
    /// Periods in time order, responses without a usable time last.
    public var points: [TrendPoint]
}
