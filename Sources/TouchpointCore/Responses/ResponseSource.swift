/// Where response lines come from: a JSON-lines file, or standard input (`-` on the command line).
public enum ResponseSource: Sendable, Hashable, CustomStringConvertible {
    case file(String)
    case standardInput

    /// The source named on a command line: `-` is standard input, anything else a path.
    public init(argument: String) {
        self = argument == "-" ? .standardInput : .file(argument)
    }

    /// How the source is named in messages: the path as given, or `<stdin>`.
    public var description: String {
        switch self {
        case .file(let path): path
        case .standardInput: "<stdin>"
        }
    }
}
