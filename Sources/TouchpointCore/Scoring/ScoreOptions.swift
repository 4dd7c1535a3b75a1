/// How `touchpoint score` aggregates: groups, periods, weights and the NPS interval (SPEC section 6).
public struct ScoreOptions: Sendable, Hashable {
    /// `--by` names, in order: `meta.<key>` or a single / yes_no question outside loops.
    public var groupBy: [String]
    /// `--period`: also group by day, ISO week or month of `completed_at`.
    public var period: ScorePeriod?
    /// `--weight`: `meta.<key>` or a numeric question outside loops whose value weights each response.
    public var weight: String?
    /// `--ci`: the interval put around NPS values.
    public var interval: NPSInterval

    public init(groupBy: [String] = [], period: ScorePeriod? = nil, weight: String? = nil, interval: NPSInterval = .wald) {
        self.groupBy = groupBy
        self.period = period
        self.weight = weight
        self.interval = interval
    }

    /// The key naming the period in a group's `by` object.
    public static let periodKey = "period"
}

/// Why scoring cannot start with the options given: a `--by` or `--weight` that names nothing usable.
public struct ScoreSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The option concerned, as typed (`--by meta.segmnt`).
    public var option: String
    /// What is wrong and how to fix it.
    public var message: String

    public init(option: String, message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { "\(option): \(message)" }
}
