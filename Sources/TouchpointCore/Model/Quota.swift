/// A field quota (`quotas:`, SPEC section 2): at most `limit` completed interviews for which `when` holds.
///
/// It is checked as soon as every name in `when` has been asked (meta names are known from the start); when
/// `when` holds and the output file already holds `limit` such completes, the interview ends with `status`,
/// showing `text`.
public struct Quota: Sendable, Hashable {
    public var id: String
    public var when: Condition
    /// Completed interviews for which `when` holds that the quota admits.
    public var limit: Int
    public var text: LocalizedText?
    /// The status of an interview the quota ends: `quota_full` unless the quota names its own.
    public var status: EndStatus
    /// Where the quota's `id` is written.
    public var position: SourcePosition
    /// Where `limit` is written (the quota's position when it is missing).
    public var limitPosition: SourcePosition

    public init(id: String, when: Condition, limit: Int, at position: SourcePosition) {
        self.id = id
        self.when = when
        self.limit = limit
        self.text = nil
        self.status = .quotaFull
        self.position = position
        self.limitPosition = position
    }

    /// The names `when` reads, each once, in the order written.
    public var names: [QualifiedName] {
        guard let expr = when.expr else { return [] }
        var seen = Set<QualifiedName>()
        return expr.names.filter { seen.insert($0).inserted }
    }
}

extension Questionnaire {
    /// Every status a record of this questionnaire may carry: `complete`, `screened_out`, then each quota's
    /// status once, in the order the quotas are written.
    public var statuses: [EndStatus] {
        var all = EndStatus.allCases
        for quota in quotas where !all.contains(quota.status) { all.append(quota.status) }
        return all
    }

    /// The status named `name` if this questionnaire declares it (see `statuses`).
    public func status(named name: String) -> EndStatus? {
        if let builtIn = EndStatus(rawValue: name) { return builtIn }
        return quotas.first { $0.status.rawValue == name }?.status
    }
}
