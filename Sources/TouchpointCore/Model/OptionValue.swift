/// The stored value of a choice option: a string or an integer, as written in the questionnaire.
public enum OptionValue: Hashable, Sendable, Comparable, CustomStringConvertible {
    case text(String)
    case integer(Int)

    /// The value as written in a questionnaire or a response (`app`, `3`).
    public var description: String {
        switch self {
        case .text(let s): s
        case .integer(let i): String(i)
        }
    }

    public static func < (lhs: OptionValue, rhs: OptionValue) -> Bool {
        switch (lhs, rhs) {
        case let (.integer(a), .integer(b)): a < b
        case let (.text(a), .text(b)): a < b
        case (.integer, .text): true
        case (.text, .integer): false
        }
    }
}
