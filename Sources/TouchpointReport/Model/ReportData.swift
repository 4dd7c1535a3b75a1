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
