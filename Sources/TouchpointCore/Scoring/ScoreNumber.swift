import Foundation

/// How score figures are rounded for output.
///
/// Rounding is done on the exact binary value, half to even, as C's `printf` and Python's `round(x, 6)` and
/// `format(x, ".6f")` do, so a figure checked against scipy or R rounded the same way agrees digit for digit.
public enum ScoreNumber {
    /// Decimal places of estimates in JSON and CSV output.
    public static let decimals = 6

    /// `value` rounded to `places` decimals, as text (`-0` written as `0`).
    public static func text(_ value: Double, places: Int = decimals) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "-inf") }
        let text = String(format: "%.\(places)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// `value` rounded to `places` decimals, trailing zeros dropped (`12.5`, `3`), for CSV cells.
    public static func compact(_ value: Double, places: Int = decimals) -> String {
        var text = self.text(value, places: places)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// `value` rounded to `places` decimals as a JSON number, or `null` when there is none.
    public static func json(_ value: Double?, places: Int = decimals) -> JSONValue {
        guard let value, value.isFinite, let rounded = Double(text(value, places: places)) else { return .null }
        return .number(rounded)
    }
}
