/// An in-file test: scripted answers and what the interview must do with them.
public struct TestCase: Sendable, Hashable {
    public var name: String
    public var language: String?
    /// Meta values by key, as written.
    public var meta: [String: YAMLNode]
    /// Answers by question id, as written (loop answers as a mapping by option value).
    public var answers: [String: YAMLNode]
    /// Don't know / refused / skipped by question id.
    public var missing: [String: YAMLNode]
    public var expect: Expectation
    public var position: SourcePosition
    /// Where each answer's key was written.
    public var answerPositions: [String: SourcePosition]

    public init(name: String, at position: SourcePosition) {
        self.name = name
        self.language = nil
        self.meta = [:]
        self.answers = [:]
        self.missing = [:]
        self.expect = Expectation()
        self.position = position
        self.answerPositions = [:]
    }

    /// What a test case expects.
    public struct Expectation: Sendable, Hashable {
        public var status: EndStatus?
        /// `rejected: true` expects the answers to be refused (a check fails, a required answer is missing).
        public var rejected: Bool?
        public var asked: [String] = []
        public var notAsked: [String] = []
        public var computed: [String: YAMLNode] = [:]
        public var position: SourcePosition = .start
        public var keyPositions: [String: SourcePosition] = [:]

        public init() {}
    }
}
