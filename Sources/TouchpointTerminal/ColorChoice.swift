/// What the command line asked for colour: `--color auto|always|never` (`--no-color` is `never`).
///
/// The rule, strongest first: `--color always` or `never` (and `--no-color`) on the command line; then
/// `NO_COLOR` (any non-empty value turns colour off, per no-color.org); then `FORCE_COLOR` (any non-empty value
/// other than `0` or `false` turns it on, per force-color.org, for CI logs that render colour); then whether
/// the stream is a terminal.
public enum ColorChoice: String, Sendable, CaseIterable {
    case auto, always, never

    /// Whether a stream gets colour under this choice and the environment.
    ///
    /// - Parameters:
    ///   - outputIsTerminal: `isatty` of the stream that will be written.
    ///   - noColorVariable: the value of `NO_COLOR`, nil when unset.
    ///   - forceColorVariable: the value of `FORCE_COLOR`, nil when unset.
    public func enabled(outputIsTerminal: Bool, noColorVariable: String?, forceColorVariable: String?) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if !(noColorVariable ?? "").isEmpty { return false }
            if let force = forceColorVariable, !force.isEmpty, force != "0", force.lowercased() != "false" { return true }
            return outputIsTerminal
        }
    }
}
