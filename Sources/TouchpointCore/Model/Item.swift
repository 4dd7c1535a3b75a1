/// One entry of a `questions:` list: a question, a section, an end or a compute.
public enum Item: Sendable, Hashable {
    case question(Question)
    case section(Section)
    case end(End)
    case compute(Compute)

    /// The id, or nil for an end without one.
    public var id: String? {
        switch self {
        case .question(let q): q.id
        case .section(let s): s.id
        case .end(let e): e.id
        case .compute(let c): c.id
        }
    }

    /// Where the item starts in the file.
    public var position: SourcePosition {
        switch self {
        case .question(let q): q.position
        case .section(let s): s.position
        case .end(let e): e.position
        case .compute(let c): c.position
        }
    }

    /// The item's own `when`, if any (a compute has none).
    public var when: Condition? {
        switch self {
        case .question(let q): q.when
        case .section(let s): s.when
        case .end(let e): e.when
        case .compute: nil
        }
    }
}

/// A group of items with an optional title, condition and `for_each` loop.
public struct Section: Sendable, Hashable {
    public var id: String
    public var title: LocalizedText?
    public var when: Condition?
    /// The multi (or single) question whose chosen options the section loops over.
    public var forEach: String?
    public var forEachPosition: SourcePosition?
    public var items: [Item]
    public var position: SourcePosition

    public init(id: String, items: [Item], at position: SourcePosition) {
        self.id = id
        self.title = nil
        self.when = nil
        self.forEach = nil
        self.forEachPosition = nil
        self.items = items
        self.position = position
    }
}

/// How an interview ended: `complete` or `screened_out` (the statuses of an `end` item), `quota_full` or a
/// quota's own `status` (SPEC sections 2 and 5).
///
/// Not a closed enum: a quota may name its own status, so which statuses a record may carry depends on the
/// questionnaire (`Questionnaire.statuses`).
public struct EndStatus: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: String

    /// The status an `end` item or a record names; nil unless it is `complete` or `screened_out`. Statuses of
    /// quotas are read against the questionnaire (`Questionnaire.status(named:)`).
    public init?(rawValue: String) {
        guard Self.allCases.contains(where: { $0.rawValue == rawValue }) else { return nil }
        self.rawValue = rawValue
    }

    /// Any status name, unchecked: the parser checks a quota's own status before making one.
    public init(named rawValue: String) {
        self.rawValue = rawValue
    }

    public static let complete = EndStatus(named: "complete")
    public static let screenedOut = EndStatus(named: "screened_out")
    /// The default status of an interview ended by a full quota.
    public static let quotaFull = EndStatus(named: "quota_full")

    /// The statuses every questionnaire has, the ones an `end` item may name: `complete`, `screened_out`.
    public static let allCases: [EndStatus] = [.complete, .screenedOut]

    public var description: String { rawValue }
}

/// Ends the interview when its `when` holds (always, without one).
public struct End: Sendable, Hashable {
    public var status: EndStatus
    public var id: String?
    public var when: Condition?
    public var text: LocalizedText?
    public var position: SourcePosition

    public init(status: EndStatus, at position: SourcePosition) {
        self.status = status
        self.id = nil
        self.when = nil
        self.text = nil
        self.position = position
    }
}

/// A value derived from earlier answers, stored in the response's `computed`.
public struct Compute: Sendable, Hashable {
    public var id: String
    public var value: Condition
    public var position: SourcePosition

    public init(id: String, value: Condition, at position: SourcePosition) {
        self.id = id
        self.value = value
        self.position = position
    }
}
