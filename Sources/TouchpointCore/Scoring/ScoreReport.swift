/// The scores of all scored responses, and of each group of them (SPEC section 6).
public struct ScoreReport: Sendable {
    /// How many lines were read, scored and rejected.
    public struct Responses: Sendable, Hashable {
        public var read: Int
        public var scored: Int
        public var rejected: Int

        /// Counts of lines read, scored and rejected.
        public init(read: Int, scored: Int, rejected: Int) {
            self.read = read
            self.scored = scored
            self.rejected = rejected
        }
    }

    /// The scores of one group of responses (or of all of them, with an empty `by`).
    public struct Group: Sendable {
        /// The group's value for each `--by` name, then for `period`, in the order asked.
        public var by: [(name: String, value: GroupValue)]
        /// Scored responses in the group.
        public var responses: Int
        /// One result per score, in the questionnaire's order.
        public var scores: [ScoreResult]
    }

    /// The questionnaire id.
    public var questionnaire: String
    public var responses: Responses
    /// The `--by` names, then `period` when grouping by period.
    public var groupNames: [String]
    /// The `--weight` name, when the estimates are weighted.
    public var weight: String?
    /// The NPS interval used.
    public var interval: NPSInterval
    /// Every scored response together.
    public var overall: Group
    /// One entry per combination of group values met, ordered by each name's values in turn.
    public var groups: [Group]
}
