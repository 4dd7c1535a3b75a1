import TouchpointCore

/// Everything the report page shows, computed from the questionnaire and the responses read.
///
/// It holds figures only, no markup, so that the page and its tests look at the same values.
public struct ReportData: Sendable {
    /// The questionnaire the responses answer.
    public var questionnaire: Questionnaire
    /// The page's language (a code of the questionnaire, or "" for a questionnaire with plain texts).
    public var language: String
    /// Every score over all scored responses, with the line counts.
    public var scores: ScoreReport
    /// The `--by` name and its groups' scores compared with the rest, when asked for.
    public var segments: SegmentSection?
    /// Scores per period of `completed_at`.
    public var trend: TrendSection
    /// One matrix per loop over stages.
    public var journeys: [JourneyMatrix]
    /// One quadrant per `drivers` score.
    public var drivers: [DriverMap]
    /// Open answers of detractors (of everyone, without an NPS score).
    public var verbatims: VerbatimSection
    /// Scored responses by status, and the lines not scored.
    public var statuses: StatusCounts
    /// The first and last `completed_at` day of the scored responses (`2026-11-23`).
    public var firstDay: String?
    public var lastDay: String?
    /// The response files read, as named on the command line.
    public var sources: [String]
}

/// Each score per group of `--by`, with a comparison with the rest of the responses.
public struct SegmentSection: Sendable {
    /// The `--by` name as given.
    public var name: String
    /// Groups in the order of their values (option order), each with its comparisons, one per score.
    public var groups: [SegmentGroup]
}

/// One group of a segment section.
public struct SegmentGroup: Sendable {
    public var value: GroupValue
    /// The group's value as people read it (the option label in the page's language).
    public var label: String
    public var responses: Int
    public var scores: [ScoreResult]
    /// The difference with the rest, by score id; absent when it cannot be computed.
    public var comparisons: [String: GroupComparison]
}

/// Scores per period.
public struct TrendSection: Sendable {
    public var period: ScorePeriod
    /// Whether the period was chosen by the report (no `--period`).
    public var chosen: Bool
    /// Periods in time order, responses without a usable time last.
    public var points: [TrendPoint]
}

/// The scores of one period.
public struct TrendPoint: Sendable {
    /// `2026-11`, `2026-W48`, `2026-11-23`, or `(missing)`.
    public var period: String
    public var responses: Int
    public var scores: [ScoreResult]
}

/// Scored responses by status and the lines that were not scored.
public struct StatusCounts: Sendable, Hashable {
    /// One status value and how many scored responses ended with it.
    public struct Entry: Sendable, Hashable {
        public var status: String
        public var count: Int
    }

    /// Counts in the order of `EndStatus.allCases`, then any other status met.
    public var byStatus: [Entry]
    /// Lines read (not blank) and lines not scored.
    public var read: Int
    public var rejected: Int
}
