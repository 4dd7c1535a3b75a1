/// Arithmetic and conversions that never trap, for numbers that come from a file (docs/robustness.md).
///
/// A questionnaire or a response file may hold any number; a count, a product of loop runs or a duration
/// built from them must stay a number, however absurd, so the message about it can be written.
enum Saturating {
    /// `d` as an `Int`: rounded toward zero, clamped to `Int`'s range; NaN is 0.
    static func int(_ d: Double) -> Int {
        if d.isNaN { return 0 }
        // 2^63 is the first Double above Int.max; every Double below it converts exactly.
        if d >= 9_223_372_036_854_775_807.0 { return .max }
        if d <= -9_223_372_036_854_775_808.0 { return .min }
        return Int(d)
    }

    /// `a + b`, or the nearest end of `Int`'s range.
    static func add(_ a: Int, _ b: Int) -> Int {
        let (sum, overflow) = a.addingReportingOverflow(b)
        return overflow ? (b > 0 ? .max : .min) : sum
    }

    /// `a * b`, or the nearest end of `Int`'s range.
    static func multiply(_ a: Int, _ b: Int) -> Int {
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        return overflow ? ((a < 0) == (b < 0) ? .max : .min) : product
    }
}
