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
