/// Calendar dates written `YYYY-MM-DD`, as date questions store them.
public enum DateText {
    /// Whether `text` is a real calendar date in `YYYY-MM-DD` form (leap years included).
    public static func isValid(_ text: String) -> Bool { parts(text) != nil }

    /// Year, month and day of a valid `YYYY-MM-DD` date.
    public static func parts(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard let (y, m, d) = fields(text), (1...12).contains(m), d >= 1 else { return nil }
        return d <= days(inMonth: m, of: y) ? (y, m, d) : nil
    }

    /// The three numbers of text in `YYYY-MM-DD` form (digits and dashes), whether or not they name a day of
    /// the calendar; nil when the form is wrong.
    static func fields(_ text: String) -> (year: Int, month: Int, day: Int)? {
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
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        return (y, m, d)
    }

    /// Whether `year` is a leap year of the Gregorian calendar.
    static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// How many days `month` (1-12) has in `year`.
    static func days(inMonth month: Int, of year: Int) -> Int {
        [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
