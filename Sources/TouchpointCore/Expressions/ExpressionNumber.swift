/// How expressions write and compare numbers, which are all `Double`s.
enum ExpressionNumber {
    /// The number as an `Int` when it is whole and small enough to convert without trapping.
    static func exactInteger(_ n: Double) -> Int? {
        guard n.isFinite, n == n.rounded(), abs(n) < 9.0e15 else { return nil }
        return Int(n)
    }

    /// A number as written in source: `3`, `2.5`, `1e+20` (whole numbers without a decimal point).
    static func text(_ n: Double) -> String {
        if let i = exactInteger(n) { return String(i) }
        return "\(n)"
    }
}
