/// The value a response has for one `--by` name (or the period): what the record holds, or nothing.
public enum GroupValue: Sendable, Hashable, CustomStringConvertible {
    /// The meta value or answer as stored in the record: a string, number or Boolean.
    case value(JSONValue)
    /// The record has no value for the name; shown as `(missing)`.
    case missing

    /// The text shown for a missing value.
    public static let missingLabel = "(missing)"

    /// The value as JSON: itself, or the string `(missing)`.
    public var json: JSONValue {
        switch self {
        case .value(let value): value
        case .missing: .string(Self.missingLabel)
        }
    }

    /// The value as people read it: a string without quotes, a number or Boolean as written.
    public var description: String {
        switch self {
        case .value(.string(let text)): text
        case .value(let value): JSONWriter().string(value)
        case .missing: Self.missingLabel
        }
    }
}
