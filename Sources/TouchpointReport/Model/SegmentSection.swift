/// Each score per group of `--by`, with a comparison with the rest of the responses.
public struct SegmentSection: Sendable {
    /// The `--by` name as given.
    public var name: String
    /// Groups in the order of their values (option order), each with its comparisons, one per score.
    public var groups: [SegmentGroup]
}
