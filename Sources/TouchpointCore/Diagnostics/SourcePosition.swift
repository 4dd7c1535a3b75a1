/// A place in a source file.
///
/// `line` and `column` are 1-based. `column` counts Unicode scalars, as libyaml (and so Yams) does, so a
/// Chinese character is one column here even though a terminal draws it two cells wide.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The start of a file, used for problems that belong to the whole file.
    public static let start = SourcePosition(line: 1, column: 1)

    /// This position moved `count` columns to the right on the same line.
    public func advanced(by count: Int) -> SourcePosition {
        SourcePosition(line: line, column: column + count)
    }

    public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
