/// Bounds that keep a hostile questionnaire file from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest file accepted, in bytes. A 2,000-question questionnaire is well under 1 MB.
    public var maxFileBytes: Int = 8 * 1024 * 1024
    /// Deepest nesting of lists and mappings. A questionnaire needs about 10.
    public var maxDepth: Int = 64
    /// Most nodes after expanding aliases; stops "billion laughs" alias bombs.
    public var maxNodes: Int = 1_000_000
    /// Longest scalar, in bytes.
    public var maxScalarBytes: Int = 256 * 1024

    public init() {}

    /// The limits `validate` and `run` use.
    public static let standard = YAMLLimits()
}
