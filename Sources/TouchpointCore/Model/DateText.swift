/// Calendar dates written `YYYY-MM-DD`, as date questions store them.
public enum DateText {
    /// Whether `text` is a real calendar date in `YYYY-MM-DD` form (leap years included).
    public static func isValid(_ text: String) -> Bool { parts(text) != nil }

    /// Year, month and day of a valid `YYYY-MM-DD` date.
    public static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard u[i] >= 48 && u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10), (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return d <= days[m - 1] ? (y, m, d) : nil
    }
}
