import TouchpointCore
import TouchpointTerminal

/// Reports rejected lines on stderr: the first few of each kind in full (`FILE:LINE: message`), then one
/// summary line per kind for the rest, so 300 lines of another questionnaire give a handful of lines, not 300.
final class RejectionDigest {
    /// How many lines of one kind are printed in full.
    static let shownPerKind = 5

    private let style: Style
    private var counts: [LineProblem.Kind: Int] = [:]
    private var order: [LineProblem.Kind] = []

    init(color: Bool) {
        style = Style(colorEnabled: color)
    }

    func print(_ rejection: LineRejection) {
        let kind = rejection.problem.kind
        if counts[kind] == nil { order.append(kind) }
        counts[kind, default: 0] += 1
        guard counts[kind, default: 0] <= Self.shownPerKind else { return }
        let place = style.bold("\(rejection.source):\(rejection.line):")
        Console.error("\(place) \(TerminalSanitizer.neutralize(rejection.problem.message))")
    }

    /// One line per kind with lines not shown, then `touchpoint: 3 of 1,002 lines not scored`.
    func summary(read: Int, rejected: Int, verb: String = "scored") {
        for kind in order {
            let count = counts[kind, default: 0]
            guard count > Self.shownPerKind else { continue }
            Console.error(style.warning("touchpoint: \(ScoreTextTable.grouped(count - Self.shownPerKind)) more \(kind.rawValue) lines like these not shown (\(ScoreTextTable.grouped(count)) in all)"))
        }
        guard rejected > 0 else { return }
        let lines = read == 1 ? "line" : "lines"
        Console.error(style.warning("touchpoint: \(ScoreTextTable.grouped(rejected)) of \(ScoreTextTable.grouped(read)) \(lines) not \(verb) (see above)"))
    }
}
