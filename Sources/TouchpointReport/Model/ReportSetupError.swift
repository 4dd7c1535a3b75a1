/// A report option that cannot be used with the questionnaire, with a message for people.
public struct ReportSetupError: Error, Sendable, CustomStringConvertible {
    /// The option as written (`--lang fr`, `--by meta.x`).
    public var option: String
    public var message: String

    /// An error about `option`.
    public init(option: String, message: String) {
        self.option = option
        self.message = message
    }

    public var description: String { "\(option): \(message)" }
}
