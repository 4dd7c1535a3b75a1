/// The running totals of every score for one group of responses.
struct GroupState: Sendable {
    var responses = 0
    /// Responses read by `status` (`complete`, `screened_out`...); only complete ones are scored.
    var statusTally = StatusTally()
    /// The same counts by status name.
    var statuses: [String: Int] { statusTally.byName }
    /// Complete responses for which each quota's `when` holds, by quota id (kept for all responses only).
    var quotaFill: [String: Int] = [:]
    var nps: [NPSAccumulator] = []
    var shares: [ShareAccumulator] = []
    var moments: [MomentAccumulator] = []
    var alphas: [AlphaAccumulator] = []
    var targets: [Int] = []
    var correlations: [[CorrelationAccumulator]] = []

    /// Adds the totals of the same group read elsewhere (another part of the file).
    mutating func merge(_ other: GroupState) {
        responses += other.responses
        for (index, name) in other.statusTally.names.enumerated() { statusTally.add(name, count: other.statusTally.counts[index]) }
        for (id, count) in other.quotaFill { quotaFill[id, default: 0] += count }
        for index in nps.indices { nps[index].merge(other.nps[index]) }
        for index in shares.indices { shares[index].merge(other.shares[index]) }
        for index in moments.indices { moments[index].merge(other.moments[index]) }
        for index in alphas.indices { alphas[index].merge(other.alphas[index]) }
        for index in targets.indices { targets[index] += other.targets[index] }
        for (slot, items) in other.correlations.enumerated() {
            for (index, item) in items.enumerated() { correlations[slot][index].merge(item) }
        }
    }

    /// Empty totals shaped for `plans`.
    init(plans: [ScorePlan]) {
        for plan in plans {
            switch plan.kind {
            case .nps: nps.append(NPSAccumulator())
            case .box, .percent: shares.append(ShareAccumulator())
            case .scale(let layout, _, _, _):
                moments.append(MomentAccumulator())
                alphas.append(AlphaAccumulator(items: layout.readers.count))
            case .drivers(_, let items):
                targets.append(0)
                correlations.append(Array(repeating: CorrelationAccumulator(), count: items.count))
            case .usability(let plan) where plan.isShare:
                shares.append(ShareAccumulator())
            case .usability(let plan):
                moments.append(MomentAccumulator())
                alphas.append(AlphaAccumulator(items: plan.alphaItems))
            case .unavailable:
                break
            }
        }
    }
}

/// Counts by status: a look along the few statuses met (two or three), which costs less on every record than
/// hashing the name into a dictionary.
struct StatusTally: Sendable {
    private(set) var names: [String] = []
    private(set) var counts: [Int] = []

    mutating func add(_ name: String, count: Int = 1) {
        if let index = names.firstIndex(of: name) {
            counts[index] += count
        } else {
            names.append(name)
            counts.append(count)
        }
    }

    var byName: [String: Int] {
        var result: [String: Int] = [:]
        for (index, name) in names.enumerated() { result[name, default: 0] += counts[index] }
        return result
    }
}
