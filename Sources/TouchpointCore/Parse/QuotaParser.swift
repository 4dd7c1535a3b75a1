/// Reads the top-level `quotas:` list: each `{id, when, limit, text}` with an optional `status`.
struct QuotaParser {
    let reader: NodeReader

    func quotas(_ node: YAMLNode) -> [Quota] {
        guard let list = reader.list(node, key: "quotas") else { return [] }
        return list.compactMap(quota)
    }

    func quota(_ node: YAMLNode) -> Quota? {
        let name = (node["id"]?.scalar?.text).map { "quota `\($0)`" } ?? "a quota"
        guard let f = reader.fields(node, allowed: FormatKeys.quota, required: ["id", "when", "limit"], what: name),
              let idNode = f["id"]?.value, let id = reader.identifier(idNode, key: "id"),
              let whenNode = f["when"]?.value, let when = reader.condition(whenNode, key: "when") else { return nil }
        var limit = 0
        if let n = f["limit"]?.value, let v = reader.integer(n, key: "limit") {
            if v < 0 {
                reader.report(.badRange, at: n.position, "the `limit` of quota `\(id)` is \(v); it must be 0 or more completed interviews",
                              hint: "write the number of completed interviews the quota admits, e.g. `limit: 100`")
            }
            limit = v
        }
        var quota = Quota(id: id, when: when, limit: limit, at: idNode.position)
        if let n = f["limit"]?.value { quota.limitPosition = n.position }
        if let n = f["text"]?.value { quota.text = reader.localized(n, key: "text") }
        if let n = f["status"]?.value, let status = reader.string(n, key: "status") {
            if let problem = Identifier.problem(status) {
                reader.report(.badValue, at: n.position, "the status `\(status)` of quota `\(id)` is not an identifier: \(problem)",
                              hint: "write `status: quota_full` (the default) or a name such as `quota_young`")
            } else if EndStatus(rawValue: status) != nil {
                reader.report(.badValue, at: n.position,
                              "quota `\(id)` cannot end an interview as `\(status)`: that status is for interviews an `end` item closes",
                              hint: "leave `status` out (it defaults to `quota_full`) or name a status of its own")
            } else {
                quota.status = EndStatus(named: status)
            }
        }
        return quota
    }
}
