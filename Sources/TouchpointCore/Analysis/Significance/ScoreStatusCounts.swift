/// How many responses `score` read in each status, and the incidence.
public struct ScoreStatusCounts: Sendable, Hashable {
    /// Accepted responses by `status`, as written.
    public var byStatus: [String: Int]

    public init(byStatus: [String: Int]) {
        self.byStatus = byStatus
    }

    public var complete: Int { byStatus["complete", default: 0] }
    public var screenedOut: Int { byStatus["screened_out", default: 0] }
    /// `quota_full` and any quota's own status: everything not complete and not screened out.
    public var quotaFull: Int { byStatus.filter { $0.key != "complete" && $0.key != "screened_out" }.values.reduce(0, +) }

    /// The share of respondents who qualified: (complete + quota full) / (complete + quota full + screened
    /// out), in percent; nil when nobody got that far. Quota-full respondents qualified; the quota was met.
    public var incidence: Double? {
        let qualified = complete + quotaFull
        let total = qualified + screenedOut
        return total > 0 ? 100 * Double(qualified) / Double(total) : nil
    }

    /// `{"complete", "screened_out", "quota_full", ... every other status, "incidence"}`.
    public var json: JSONObject {
        var object = JSONObject()
        object["complete"] = .number(Double(complete))
        object["screened_out"] = .number(Double(screenedOut))
        object["quota_full"] = .number(Double(byStatus["quota_full", default: 0]))
        for (status, count) in byStatus.sorted(by: { $0.key < $1.key })
        where !["complete", "screened_out", "quota_full"].contains(status) {
            object[status] = .number(Double(count))
        }
        object["incidence"] = ScoreNumber.json(incidence)
        return object
    }
}

extension ScoreEngine {
    /// The responses read so far by status.
    public var statusCounts: ScoreStatusCounts { ScoreStatusCounts(byStatus: states[0].statuses) }
}

extension ScoreReport {
    /// The JSON report with the counts by status (`responses.by_status`, `responses.incidence`) and, with
    /// `--by`, each group's comparisons.
    public func json(statuses: ScoreStatusCounts, comparisons: [GroupComparisons]) -> JSONValue {
        guard case .object(var object) = json(with: comparisons), case .object(var responses)? = object["responses"] else {
            return json(with: comparisons)
        }
        var byStatus = statuses.json
        let incidence = byStatus["incidence"] ?? .null
        byStatus = JSONObject(byStatus.members.filter { $0.key != "incidence" }.map { ($0.key, $0.value) })
        responses["by_status"] = .object(byStatus)
        responses["incidence"] = incidence
        object["responses"] = .object(responses)
        return .object(object)
    }
}
