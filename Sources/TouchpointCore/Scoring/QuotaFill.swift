/// How far one quota has filled over the responses `score` read: completes for which its `when` holds.
public struct QuotaFill: Sendable, Hashable {
    public var id: String
    public var limit: Int
    /// Complete responses for which the quota's `when` holds.
    public var completes: Int
    /// The responses the quota ended (with its status; shared statuses are counted under each quota that has it).
    public var status: EndStatus

    /// `completes / limit` in percent; nil for `limit: 0`.
    public var percent: Double? { limit > 0 ? 100 * Double(completes) / Double(limit) : nil }

    /// `{"limit", "completes", "fill", "status"}`, `fill` in percent.
    public var json: JSONObject {
        var object = JSONObject()
        object["limit"] = .number(Double(limit))
        object["completes"] = .number(Double(completes))
        object["fill"] = ScoreNumber.json(percent)
        object["status"] = .string(status.rawValue)
        return object
    }
}

extension ScoreEngine {
    /// Each quota's fill over the responses read so far, in the order the quotas are written.
    public var quotaFills: [QuotaFill] {
        questionnaire.quotas.map { quota in
            QuotaFill(id: quota.id, limit: quota.limit, completes: states[0].quotaFill[quota.id, default: 0], status: quota.status)
        }
    }
}
