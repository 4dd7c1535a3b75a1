/// The keys of the task scores of usability tests: `success` of `completion`, `successful` of `time_on_task`.
public struct TaskScoreKeys: Sendable, Hashable {
    /// One value of `success`: `true`/`false` for a yes_no item, an option value for a single item.
    public enum SuccessValue: Sendable, Hashable, CustomStringConvertible {
        case bool(Bool)
        case option(OptionValue)

        public var description: String {
            switch self {
            case .bool(let b): b ? "true" : "false"
            case .option(let value): value.description
            }
        }
    }

    /// Which attempts `time_on_task` times.
    public enum Attempts: Sendable, Hashable {
        /// Every attempt (`successful: false`).
        case all
        /// Only the attempts the `completion` score with this id counts as successes.
        case successfulBy(String)
    }

    /// `completion`: the answers counted as success; empty means the default, `true`.
    public var success: [SuccessValue] = []
    /// `time_on_task`: `nil` when `successful` is not written (the one `completion` score is used).
    public var successful: Attempts?

    public init() {}
}
