/// One open-text answer with who gave it (`touchpoint verbatims`).
public struct Verbatim: Sendable, Hashable {
    public var responseID: String
    public var respondent: String?
    /// The loop item the answer belongs to (its option value), when the question is in a loop.
    public var item: String?
    public var text: String
    /// The `--by` values as labels, in order.
    public var groups: [String]
    /// The `--with` values as people read them (`9 (promoter)`, `Regular customer`), in order.
    public var with: [String]
}
