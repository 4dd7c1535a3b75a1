/// Why a typed date is not a calendar date, in words a person can act on.
///
/// `2026-02-30` is in the right form but names a day February does not have; saying so helps more than
/// repeating the form. The form itself (`YYYY-MM-DD`) is checked first.
public enum DateProblem: Sendable, Hashable {
    /// Not `YYYY-MM-DD` with digits.
    case form
    /// A month outside 1 to 12.
    case noSuchMonth(Int)
    /// Day 0.
    case dayZero
    /// February 29 in a year that is not a leap year.
    case notALeapYear(Int)
    /// A day after the month's last (February 30 and 31 included).
    case noSuchDay(month: Int, day: Int)

    /// What is wrong with `text` as a `YYYY-MM-DD` date, or nil when it is a real calendar date.
    public static func of(_ text: String) -> DateProblem? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return .form }
        func number(_ range: Range<Int>) -> Int? {
            var v = 0
            for i in range {
                guard u[i] >= 48 && u[i] <= 57 else { return nil }
                v = v * 10 + Int(u[i] - 48)
            }
            return v
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return .form }
        guard (1...12).contains(month) else { return .noSuchMonth(month) }
        guard day >= 1 else { return .dayZero }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        if month == 2 && day == 29 && !leap { return .notALeapYear(year) }
        guard day > days(in: month, leap: leap) else { return nil }
        return .noSuchDay(month: month, day: day)
    }

    /// The message in `language`.
    public func message(_ language: String) -> String {
        switch self {
        case .form:
            return EngineText.text(.dateFormat, language)
        case .noSuchMonth(let month):
            return EngineText.text(.dateNoSuchMonth, language, String(month))
        case .dayZero:
            return EngineText.text(.dateDayZero, language)
        case .notALeapYear(let year):
            return EngineText.text(.dateNotLeapYear, language, String(year))
        case .noSuchDay(let month, let day):
            if month == 2 {
                return EngineText.text(.dateFebruaryDays, language, EngineText.dayOrdinal(day, language))
            }
            return EngineText.text(.dateNoSuchDay, language, EngineText.monthName(month, language),
                                   EngineText.dayOrdinal(day, language), String(Self.days(in: month, leap: false)))
        }
    }

    private static func days(in month: Int, leap: Bool) -> Int {
        [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
