/// A line that was not scored: where it is and why.
public struct LineRejection: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or `<stdin>`) the line was read from.
    public var source: ResponseSource
    /// The 1-based line number, counting blank lines, as an editor shows it.
    public var line: Int
    public var problem: LineProblem

    /// Line `line` of `source`, not scored because of `problem`.
    public init(source: ResponseSource, line: Int, problem: LineProblem) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    /// `FILE:LINE: message`, the form every command prints rejected lines in.
    public var description: String { "\(source):\(line): \(problem.message)" }
}
