/// Why scoring cannot start with the options given: a `--by` or `--weight` that names nothing usable.
public struct ScoreSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The option concerned, as typed (`--by meta.segmnt`).
    public var option: String
    /// What is wrong and how to fix it.
    public var message: String

    /// The error for `option`, explained by `message`.
    public init(option: String, message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { "\(option): \(message)" }
}
