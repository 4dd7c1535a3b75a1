import TouchpointCore

/// Numeric readings of stored answers, as scores read them: numbers as they are, yes/no as 1 and 0.
enum RecordValues {
    /// The number a leaf answer stands for, or nil for text, lists and objects.
    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .number(let number): number.isFinite ? number : nil
        case .bool(let flag): flag ? 1 : 0
        default: nil
        }
    }

    /// Every number an answer or compute holds: itself, or each leaf of a loop object, in the record's order.
    static func numbers(_ value: JSONValue, depth: Int = 0) -> [Double] {
        if let number = number(value) { return [number] }
        guard depth < 4, case .object(let keyed) = value else { return [] }
        return keyed.members.flatMap { numbers($0.value, depth: depth + 1) }
    }
}
