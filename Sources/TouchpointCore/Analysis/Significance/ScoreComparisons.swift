/// How `score --by` compares groups (SPEC section 6).
public enum ComparisonMode: String, Sendable, CaseIterable {
    /// Each group against all the other responses together.
    case rest
    /// Each group against every other group.
    case pairwise
}

/// The significance tests of one group's scores: against the rest, or against each other group.
public struct GroupComparisons: Sendable {
    /// By score id: the group minus the rest.
    public var vsRest: [String: Difference] = [:]
    /// By other group's label (its `--by` values joined by ` / `), then score id: this group minus that one.
    public var vs: [(group: String, differences: [String: Difference])] = []

    public init() {}
}

extension ScoreEngine {
    /// The report, with each group's scores compared with the rest of the responses or with every other group.
    ///
    /// The rest of a group is every other group merged (every scored response falls in exactly one group),
    /// so weighted comparisons use the same weighted totals and Kish sizes as the groups' own estimates.
    public func report(comparing mode: ComparisonMode) -> (report: ScoreReport, comparisons: [GroupComparisons]) {
        var report = report().aligningDrivers()
        guard !dimensions.isEmpty else { return (report, []) }
        // A group nobody complete fell into (screen-outs without the grouping answer, say) has nothing to show.
        report.groups = report.groups.filter { group in
            self.states[groupIndex[group.by.map(\.value)] ?? 0].statuses["complete", default: 0] > 0
        }
        let order = report.groups.map { group in group.by.map(\.value) }
        let states = order.map { key in self.states[groupIndex[key] ?? 0] }
        let results = states.map { self.results($0) }
        let labels = report.groups.map(Self.label)
        var comparisons: [GroupComparisons] = []
        for (index, own) in results.enumerated() {
            var entry = GroupComparisons()
            switch mode {
            case .rest:
                var rest = GroupState(plans: plans)
                for (other, state) in states.enumerated() where other != index { rest.merge(state) }
                let restResults = self.results(rest)
                for (score, restScore) in zip(own, restResults) {
                    if let difference = Difference.between(score, restScore) { entry.vsRest[score.id] = difference }
                }
            case .pairwise:
                for (other, otherResults) in results.enumerated() where other != index {
                    var differences: [String: Difference] = [:]
                    for (score, otherScore) in zip(own, otherResults) {
                        if let difference = Difference.between(score, otherScore) { differences[score.id] = difference }
                    }
                    entry.vs.append((labels[other], differences))
                }
            }
            comparisons.append(entry)
        }
        return (report, comparisons)
    }

    /// A group's values joined by ` / `: `regular`, `regular / 2026-11`.
    public static func label(_ group: ScoreReport.Group) -> String {
        group.by.map(\.value.description).joined(separator: " / ")
    }
}

extension ScoreReport {
    /// The JSON report with `vs_rest` (or `vs`) added to each group's scores.
    public func json(with comparisons: [GroupComparisons]) -> JSONValue {
        guard case .object(var object) = json, case .array(let groups)? = object["groups"], groups.count == comparisons.count else {
            return json
        }
        object["groups"] = .array(zip(groups, comparisons).map { group, comparison in
            guard case .object(var entry) = group, case .object(let scores)? = entry["scores"] else { return group }
            var updated = JSONObject()
            for member in scores.members {
                guard case .object(var score) = member.value else {
                    updated.append(key: member.key, value: member.value)
                    continue
                }
                if let difference = comparison.vsRest[member.key] {
                    score["vs_rest"] = difference.json
                } else if !comparison.vs.isEmpty {
                    score["vs"] = .object(JSONObject(comparison.vs.compactMap { other in
                        other.differences[member.key].map { (key: other.group, value: $0.json) }
                    }))
                } else {
                    score["vs_rest"] = .null
                }
                updated.append(key: member.key, value: .object(score))
            }
            entry["scores"] = .object(updated)
            return .object(entry)
        })
        return .object(object)
    }
}
