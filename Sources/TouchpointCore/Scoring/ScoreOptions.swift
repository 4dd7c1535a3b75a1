/// How `touchpoint score` aggregates: groups, periods, weights and the NPS interval (SPEC section 6).
public struct ScoreOptions: Sendable, Hashable {
    /// `--by` names, in order: `meta.<key>` or a single / yes_no question outside loops.
    public var groupBy: [String]
    /// `--period`: also group by day, ISO week or month of `completed_at`.
    public var period: ScorePeriod?
    /// `--weight`: `meta.<key>` or a numeric question outside loops whose value weights each response.
    public var weight: String?
    /// `--weights FILE`: weights from a file instead of from the records (takes the place of `weight`).
    public var weightTable: WeightTable?
    /// `--ci`: the interval put around NPS values.
    public var interval: NPSInterval

    /// The options of a `score` run; the defaults score all responses together, unweighted, with Wald NPS intervals.
    public init(groupBy: [String] = [], period: ScorePeriod? = nil, weight: String? = nil, interval: NPSInterval = .wald) {
        self.groupBy = groupBy
        self.period = period
        self.weight = weight
        self.interval = interval
    }

    /// The key naming the period in a group's `by` object.
    public static let periodKey = "period"
}
