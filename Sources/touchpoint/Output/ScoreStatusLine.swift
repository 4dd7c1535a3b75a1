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

    /// The line under the status line when the questionnaire has quotas: `quotas: young 3/3 (100%) · ...`.
    static func quotas(_ fills: [QuotaFill], color: Bool) -> String? {
        guard !fills.isEmpty else { return nil }
        let parts = fills.map { fill in
            "\(fill.id) \(ScoreTextTable.grouped(fill.completes))/\(ScoreTextTable.grouped(fill.limit))"
                + (fill.percent.map { " (" + ScoreNumber.text($0, places: 0) + "%)" } ?? "")
        }
        return Style(colorEnabled: color).dim("quotas: " + parts.joined(separator: " · ") + " completes matching / limit")
    }

    /// The JSON report with `"quotas": {ID: {"limit", "completes", "fill", "status"}}` when there are quotas.
    static func withQuotas(_ json: JSONValue, _ fills: [QuotaFill]) -> JSONValue {
        guard !fills.isEmpty, case .object(var object) = json else { return json }
        var quotas = JSONObject()
        for fill in fills { quotas[fill.id] = .object(fill.json) }
        object["quotas"] = .object(quotas)
        return .object(object)
    }
}
