/// A name used in an expression: a question or compute id, a grid cell (`grid_id.row_id`) or a meta key
/// (`meta.segment`), stored as its dot-separated parts.
public struct QualifiedName: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The parts between the dots; one to three of them.
    public var parts: [String]

    /// A name from its parts: `["meta", "segment"]`.
    public init(parts: [String]) {
        self.parts = parts
    }

    /// A name from its dotted spelling (`"meta.segment"`).
    public init(_ dotted: String) {
        self.parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    }

    /// A name written as a literal, `"meta.segment"`, split at its dots.
    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The name as written in a questionnaire (`meta.segment`).
    public var description: String { parts.joined(separator: ".") }
}
