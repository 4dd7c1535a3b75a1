import TouchpointCore
import TouchpointTerminal

/// Reports lines that `score` did not score on stderr, as `FILE:LINE: message`, then a one-line count.
struct ScoreRejectionPrinter {
    var style: Style

    init(color: Bool) {
        style = Style(colorEnabled: color)
    }

    func print(_ rejection: LineRejection) {
        let place = style.bold("\(rejection.source):\(rejection.line):")
        Console.error("\(place) \(TerminalSanitizer.neutralize(rejection.problem.message))")
    }

    /// `touchpoint: 3 of 1,002 lines not scored`, only when some were not.
    func summary(_ responses: ScoreReport.Responses) {
        guard responses.rejected > 0 else { return }
        let lines = responses.read == 1 ? "line" : "lines"
        Console.error(style.warning("touchpoint: \(ScoreTextTable.grouped(responses.rejected)) of \(ScoreTextTable.grouped(responses.read)) \(lines) not scored (see above)"))
    }
}
