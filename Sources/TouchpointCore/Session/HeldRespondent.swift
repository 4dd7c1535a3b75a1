import TouchpointJSON

/// One respondent of a chunk as read, held for the worker that replays it: the worker takes the parsed JSON
/// out, so the tree is freed on that worker rather than on the thread that reads and writes in order.
final class HeldRespondent: @unchecked Sendable {
    // @unchecked: `value` is taken by exactly one worker of one `ParallelMap.map`; `line` never changes.
    /// The respondent's first input line.
    let line: Int
    private var value: Result<JSONValue, RespondentRejection>?

    init(_ item: RespondentReader.Item) {
        line = item.line
        value = item.value
    }

    /// The parsed respondent (or why its line is not one); taken once.
    func take() -> Result<JSONValue, RespondentRejection> {
        defer { value = nil }
        return value ?? .failure(RespondentRejection("line \(line) was already replayed"))
    }
}
