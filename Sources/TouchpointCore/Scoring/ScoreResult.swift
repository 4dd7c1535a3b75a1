/// The result of one score over a set of responses.
public struct ScoreResult: Sendable {
    /// A key driver: how strongly one item moves with the target.
    public struct Driver: Sendable, Hashable {
        /// The item as written in the score (`need_met`, `service.speed`).
        public var item: String
        /// Pairs of item and target values.
        public var n: Int
        /// Pearson's r with its Fisher-z interval; `nil` when undefined (fewer than two pairs, a constant series).
        public var estimate: Estimate?
    }

    /// The aggregate, by method family.
    public enum Outcome: Sendable {
        /// `nps`: `n` ratings; `nil` estimate when there are none (or no usable weights).
        case nps(n: Int, NPSEstimate?)
        /// `top_box`, `bottom_box`, `percent`: `count` of `n` cases in the box or holding the rule.
        case share(n: Int, count: Int, Estimate?)
        /// `mean`, `sum`: `n` cases; alpha over the complete ones when the scale has two or more items.
        case mean(n: Int, MeanEstimate?, alpha: AlphaEstimate?)
        /// `drivers`: `n` target values; the items sorted by r, strongest first, undefined ones last.
        case drivers(n: Int, [Driver])
        /// The score cannot be computed from records (for example, items in different loops); the reason.
        case unavailable(String)
    }

    public var id: String
    public var method: ScoreMethod
    public var outcome: Outcome

    /// The number of cases behind the aggregate.
    public var n: Int {
        switch outcome {
        case .nps(let n, _), .share(let n, _, _), .mean(let n, _, _), .drivers(let n, _): n
        case .unavailable: 0
        }
    }
}
