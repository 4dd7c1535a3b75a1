/// Why a score cannot be written as SQL: the score's id and what stands in the way, for people.
public struct SQLCompileError: Error, Sendable, CustomStringConvertible {
    /// The score that cannot be compiled.
    public var score: String
    public var reason: String

    /// The error for `score`, with the reason in words.
    public init(score: String, _ reason: String) {
        self.score = score
        self.reason = reason
    }

    public var description: String { "score `\(score)` cannot be compiled to SQL: \(reason)" }
}
