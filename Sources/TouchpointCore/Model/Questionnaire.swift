/// A parsed questionnaire file (SPEC section 2).
public struct Questionnaire: Sendable, Hashable {
    /// The format version (`touchpoint: 1`).
    public var formatVersion: Int
    public var id: String
    public var title: LocalizedText?
    public var version: String?
    /// Language codes; the first is the default. Empty when every text is a plain string.
    public var languages: [String]
    public var intro: LocalizedText?
    public var outro: LocalizedText?
    public var defaults: Defaults
    public var budget: Budget?
    public var meta: [MetaField]
    public var items: [Item]
    public var scores: [ScoreDefinition]
    public var tests: [TestCase]
    /// Field quotas (`quotas:`), in the order written.
    public var quotas: [Quota] = []
    /// Where each top-level key was written.
    public var keyPositions: [String: SourcePosition]

    public init(id: String, items: [Item]) {
        self.formatVersion = 1
        self.id = id
        self.title = nil
        self.version = nil
        self.languages = []
        self.intro = nil
        self.outro = nil
        self.defaults = Defaults()
        self.budget = nil
        self.meta = []
        self.items = items
        self.scores = []
        self.tests = []
        self.keyPositions = [:]
    }

    /// The language used when none is asked for.
    public var defaultLanguage: String { languages.first ?? "" }

    /// The position of a top-level key if it was written, else the start of the file.
    public func position(of key: String) -> SourcePosition { keyPositions[key] ?? .start }
}

/// Defaults for question keys that a question does not set.
public struct Defaults: Sendable, Hashable {
    public var required = true
    public var dontKnow = false
    public var refuse = false

    public init() {}
}

/// The effort budget on the longest path (`budget: {questions, seconds}`).
public struct Budget: Sendable, Hashable {
    public var questions: Int?
    public var seconds: Double?
    public var position: SourcePosition

    public init(questions: Int?, seconds: Double?, at position: SourcePosition) {
        self.questions = questions
        self.seconds = seconds
        self.position = position
    }
}

/// A fact about the interview (`meta:`), given with `--set` or asked before the questions.
public struct MetaField: Sendable, Hashable {
    /// The key, referred to as `meta.<key>`; the question's id is the key too.
    public var question: Question
    /// Whether the runner asks for it when `--set` did not give it.
    public var ask: Bool

    public init(question: Question, ask: Bool) {
        self.question = question
        self.ask = ask
    }

    public var key: String { question.id }
}
