/// The open answers of detractors (of everyone when the questionnaire has no NPS score).
public struct VerbatimSection: Sendable {
    /// One open answer.
    public struct Verbatim: Sendable, Hashable {
        /// The answer as given.
        public var text: String
        /// The question it answers.
        public var question: String
        /// The respondent's 0-10 rating, when there is an NPS score.
        public var rating: Int?
        /// The respondent's `--by` group, as people read it.
        public var group: String?
        /// `completed_at` as written.
        public var completedAt: String?
        public var responseID: String
    }

    /// The NPS question whose detractors are listed, or nil for everyone.
    public var npsItem: String?
    /// The most recent answers, newest first, at most `VerbatimCollector.limit`.
    public var shown: [Verbatim]
    /// How many answers there were in all.
    public var total: Int
}
