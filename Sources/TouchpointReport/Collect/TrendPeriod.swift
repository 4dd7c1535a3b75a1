import TouchpointCore

/// Chooses the trend's period when `--period` is not given.
enum TrendPeriod {
    /// Most points a chosen period may give: beyond it a trend line is hard to read.
    static let maximumPoints = 24

    /// The given period's points; else the finest of day, week and month that gives at most `maximumPoints`
    /// periods, or month when even months are more.
    static func choose(_ candidates: [(ScorePeriod, [TrendPoint])], given: ScorePeriod?) -> TrendSection {
        if let given, let found = candidates.first(where: { $0.0 == given }) {
            return TrendSection(period: given, chosen: false, points: found.1)
        }
        let fitting = candidates.first { $0.1.count <= maximumPoints } ?? candidates.last
        guard let fitting else { return TrendSection(period: .month, chosen: true, points: []) }
        return TrendSection(period: fitting.0, chosen: true, points: fitting.1)
    }
}
