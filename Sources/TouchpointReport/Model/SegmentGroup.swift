import TouchpointCore

/// One group of a segment section.
public struct SegmentGroup: Sendable {
    public var value: GroupValue
    /// The group's value as people read it (the option label in the page's language).
    public var label: String
    public var responses: Int
    public var scores: [ScoreResult]
    /// The difference with the rest, by score id; absent when it cannot be computed.
    public var comparisons: [String: Difference]
}
