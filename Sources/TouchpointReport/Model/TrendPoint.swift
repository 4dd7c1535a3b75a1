import TouchpointCore

/// The scores of one period.
public struct TrendPoint: Sendable {
    /// `2026-11`, `2026-W48`, `2026-11-23`, or `(missing)`.
    public var period: String
    public var responses: Int
    public var scores: [ScoreResult]
}
