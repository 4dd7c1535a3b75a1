import TouchpointCore
import TouchpointTerminal

/// Prints what `verify` finds: one `FILE:LINE: message` per problem, then a summary line per file.
struct ScoreVerifyPrinter {
    var style: Style

    init(color: Bool) {
        style = Style(colorEnabled: color)
    }

    func problem(_ rejection: LineRejection) {
        let place = style.bold("\(rejection.source):\(rejection.line):")
        Console.out("\(place) \(style.error("error:")) \(TerminalSanitizer.neutralize(rejection.problem.message)) [\(rejection.problem.kind.code)]")
    }

    /// `responses.jsonl: 1,000 lines, all valid` or `... 998 valid, 2 with problems`.
    func summary(_ source: ResponseSource, before: ResponseReader.Counts, after: ResponseReader.Counts) {
        let read = after.read - before.read
        let problems = after.rejected - before.rejected
        let lines = "\(ScoreTextTable.grouped(read)) line\(read == 1 ? "" : "s")"
        if problems == 0 {
            Console.out("\(source): \(style.success("ok")), \(lines), all valid")
        } else {
            let valid = ScoreTextTable.grouped(read - problems)
            Console.out("\(source): \(lines), \(valid) valid, \(style.error("\(ScoreTextTable.grouped(problems)) with problems"))")
        }
    }

    func note(_ text: String) {
        Console.out(style.dim("note: \(text)"))
    }
}
