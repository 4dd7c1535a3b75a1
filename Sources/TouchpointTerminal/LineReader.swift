/// Reads one answer line from the person at the other end.
///
/// The interview engine sees only this protocol: at a terminal it is backed by GNU readline, on
/// piped input by a plain byte reader, and in tests by scripted lines.
public protocol LineReader: AnyObject {
    /// Shows `prompt` and reads one line.
    ///
    /// - Parameters:
    ///   - prompt: the text before the cursor; it may be coloured with `Style`, and must otherwise
    ///     have been neutralised.
    ///   - defaultText: text placed in the edit buffer beforehand (the earlier answer after
    ///     `:back`), accepted as it is with Enter; readers without line editing ignore it.
    ///   - completions: the only words Tab may complete (option labels and commands); readers
    ///     without line editing ignore them.
    func readLine(prompt: String, defaultText: String?, completions: [String]) -> LineReadResult

    /// Shows `request.prompt` and reads one line, completing list items and redrawing the hint after a
    /// resize where the reader edits lines (see `LineRequest`).
    func readLine(_ request: LineRequest) -> LineReadResult
}

/// What a `LineReader` got.
public enum LineReadResult: Sendable, Equatable {
    /// A line, without its line terminator.
    case line(String)
    /// The input ended: Ctrl-D on an empty line, or end of file.
    case endOfInput
    /// The person pressed Ctrl-C (or the process was asked to stop): save and leave.
    case interrupted
}
