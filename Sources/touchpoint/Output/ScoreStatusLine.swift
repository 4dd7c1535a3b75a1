import TouchpointCore
import TouchpointTerminal

/// The line under `score`'s table heading: `read 400 · complete 363 · screened out 37 · quota full 0 ·
/// rejected 0 · incidence 90.8%`.
enum ScoreStatusLine {
    static func render(_ responses: ScoreReport.Responses, _ statuses: ScoreStatusCounts, color: Bool) -> String {
        let style = Style(colorEnabled: color)
        var parts = ["read \(ScoreTextTable.grouped(responses.read))",
                     "complete \(ScoreTextTable.grouped(statuses.complete))",
                     "screened out \(ScoreTextTable.grouped(statuses.screenedOut))",
                     "quota full \(ScoreTextTable.grouped(statuses.quotaFull))",
                     "rejected \(ScoreTextTable.grouped(responses.rejected))"]
        parts.append("incidence " + (statuses.incidence.map { ScoreNumber.text($0, places: 1) + "%" } ?? "—"))
        return style.dim(parts.joined(separator: " · ") + "; only complete responses are scored")
    }
}
