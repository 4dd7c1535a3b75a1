import TouchpointCore

/// What `touchpoint report` is asked for: the segment grouping, the trend period and the page's language.
public struct ReportOptions: Sendable, Hashable {
    /// `--by`: a meta key (`meta.x`) or a single / yes_no question outside loops; nil shows no segment section.
    public var groupBy: String?
    /// `--period`; nil lets the report choose day, week or month from the span of the data (see `TrendPeriod`).
    public var period: ScorePeriod?
    /// `--lang`; nil is the questionnaire's first language.
    public var language: String?

    /// Options for one report.
    public init(groupBy: String? = nil, period: ScorePeriod? = nil, language: String? = nil) {
        self.groupBy = groupBy
        self.period = period
        self.language = language
    }
}
