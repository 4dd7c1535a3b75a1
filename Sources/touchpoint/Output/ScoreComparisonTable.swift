import TouchpointCore
import TouchpointTerminal

/// `score --by` in table form: after the scores, each group's differences with the rest (or with each
/// other group), with `*` where p < 0.05.
struct ScoreComparisonTable {
    var style: Style

    init(color: Bool) {
        style = Style(colorEnabled: color)
    }

    func render(_ report: ScoreReport, _ comparisons: [GroupComparisons], mode: ComparisonMode) -> String {
        var body: [String] = []
        var lines = ["", style.bold(mode == .rest ? "differences with the rest (* p < 0.05)" : "differences between groups (* p < 0.05)")]
        let method = "NPS: SE of two independent multinomial estimates, z; shares: two-proportion z (pooled); means: Welch t"
        lines.append(style.dim(method))
        for score in report.overall.scores {
            var table = ScoreTextTable([.init(title: "group", alignment: .left), .init(title: mode == .rest ? "vs" : "vs group", alignment: .left),
                                        .init(title: "difference", alignment: .right), .init(title: "se", alignment: .right),
                                        .init(title: "statistic", alignment: .right), .init(title: "p", alignment: .right),
                                        .init(title: "", alignment: .left)])
            var any = false
            for (group, comparison) in zip(report.groups, comparisons) {
                let name = ScoreEngine.label(group)
                let pairs: [(String, Difference)] = mode == .rest
                    ? comparison.vsRest[score.id].map { [("rest", $0)] } ?? []
                    : comparison.vs.compactMap { other in other.differences[score.id].map { (other.group, $0) } }
                for (other, difference) in pairs {
                    any = true
                    table.add([name, other, ScoreNumber.text(difference.difference, places: 2), ScoreNumber.text(difference.se, places: 2),
                               ScoreNumber.text(difference.statistic, places: 2), ScoreNumber.text(difference.p, places: 4),
                               difference.isSignificant ? "*" : ""])
                }
            }
            guard any else { continue }
            body.append("")
            body.append(style.accent(style.bold(score.id)))
            body += table.render(indent: "  ", style: style) { _ in false }
        }
        return body.isEmpty ? "" : (lines + body).joined(separator: "\n")
    }
}
