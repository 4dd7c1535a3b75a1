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
        guard let (year, month, day) = DateText.fields(text) else { return .form }
        guard (1...12).contains(month) else { return .noSuchMonth(month) }
        guard day >= 1 else { return .dayZero }
        if month == 2 && day == 29 && !DateText.isLeap(year) { return .notALeapYear(year) }
        guard day > DateText.days(inMonth: month, of: year) else { return nil }
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
            // Not February, so any year gives the month's length.
            return EngineText.text(.dateNoSuchDay, language, EngineText.monthName(month, language),
                                   EngineText.dayOrdinal(day, language), String(DateText.days(inMonth: month, of: 2001)))
        }
    }
}
