/// How a score aggregates answers (SPEC section 6).
public enum ScoreMethod: String, Sendable, Hashable, CaseIterable {
    case nps
    case topBox = "top_box"
    case bottomBox = "bottom_box"
    case percent
    case mean
    case sum
    case drivers
    /// The System Usability Scale (usability tests; see `SystemUsabilityScale`).
    case sus
    /// UMUX-Lite, two 1-7 items (usability tests; see `UMUXLite`).
    case umuxLite = "umux_lite"
    /// A task's success rate with the adjusted-Wald interval (usability tests).
    case completion
    /// The geometric mean of timed task attempts (usability tests).
    case timeOnTask = "time_on_task"
}

/// One item of a `mean`/`sum` scale or of `drivers`, possibly reverse-coded.
public struct ScoreItem: Sendable, Hashable {
    public var name: String
    public var reverse: Bool
    public var position: SourcePosition

    public init(name: String, reverse: Bool = false, at position: SourcePosition) {
        self.name = name
        self.reverse = reverse
        self.position = position
    }
}

/// A score declared under `scores:`.
public struct ScoreDefinition: Sendable, Hashable {
    public var id: String
    public var method: ScoreMethod
    /// `nps`, `top_box`, `bottom_box`: the question scored.
    public var item: ScoreItem?
    /// `mean`, `sum`, `drivers`: the questions scored.
    public var items: [ScoreItem]
    /// `top_box` / `bottom_box`: how many points make the box.
    public var box: Int
    /// `percent`: the rule counted.
    public var rule: Condition?
    /// `drivers`: the outcome the items are correlated with.
    public var target: ScoreItem?
    /// `mean`, `sum`: fewest answered items for a respondent to count (nil: all).
    public var minAnswered: Int?
    /// `percent`: whether a response whose named question was answered "don't know" stays in the base
    /// (counting as not holding the rule; `dont_know: in_base`, the default) or leaves it (`dont_know: excluded`).
    public var dontKnowInBase = true
    /// `completion` and `time_on_task`: which answers count as success and which attempts are timed.
    public var task = TaskScoreKeys()
    public var position: SourcePosition
    public var keyPositions: [String: SourcePosition]

    public init(id: String, method: ScoreMethod, at position: SourcePosition) {
        self.id = id
        self.method = method
        self.item = nil
        self.items = []
        self.box = 2
        self.rule = nil
        self.target = nil
        self.minAnswered = nil
        self.position = position
        self.keyPositions = [:]
    }

    public func position(of key: String) -> SourcePosition { keyPositions[key] ?? position }
}
