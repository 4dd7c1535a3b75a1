/// The value a response has for one `--by` name (or the period): what the record holds, or nothing.
public enum GroupValue: Sendable, Hashable, CustomStringConvertible {
    /// The meta value or answer as stored in the record: a string, number or Boolean.
    case value(JSONValue)
    /// The record has no value for the name; shown as `(missing)`.
    case missing

    /// The text shown for a missing value.
    public static let missingLabel = "(missing)"

    /// The value as JSON: itself, or the string `(missing)`.
    public var json: JSONValue {
        switch self {
        case .value(let value): value
        case .missing: .string(Self.missingLabel)
        }
    }

    /// The value as people read it: a string without quotes, a number or Boolean as written.
    public var description: String {
        switch self {
        case .value(.string(let text)): text
        case .value(let value): JSONWriter().string(value)
        case .missing: Self.missingLabel
        }
    }
}

/// The scores of all scored responses, and of each group of them (SPEC section 6).
public struct ScoreReport: Sendable {
    /// How many lines were read, scored and rejected.
    public struct Responses: Sendable, Hashable {
        public var read: Int
        public var scored: Int
        public var rejected: Int

        public init(read: Int, scored: Int, rejected: Int) {
            self.read = read
            self.scored = scored
            self.rejected = rejected
        }
    }

    /// The scores of one group of responses (or of all of them, with an empty `by`).
    public struct Group: Sendable {
        /// The group's value for each `--by` name, then for `period`, in the order asked.
        public var by: [(name: String, value: GroupValue)]
        /// Scored responses in the group.
        public var responses: Int
        /// One result per score, in the questionnaire's order.
        public var scores: [ScoreResult]
    }

    /// The questionnaire id.
    public var questionnaire: String
    public var responses: Responses
    /// The `--by` names, then `period` when grouping by period.
    public var groupNames: [String]
    /// The `--weight` name, when the estimates are weighted.
    public var weight: String?
    /// The NPS interval used.
    public var interval: NPSInterval
    /// Every scored response together.
    public var overall: Group
    /// One entry per combination of group values met, ordered by each name's values in turn.
    public var groups: [Group]
}

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
