extension EngineText {
    /// The name of month 1 to 12 in `language` (the number itself in Chinese, which writes `4月`).
    static func monthName(_ month: Int, _ language: String) -> String {
        let names = text(.monthNames, language).split(separator: " ").map(String.init)
        return (1...names.count).contains(month) ? names[month - 1] : String(month)
    }

    /// A day of the month as an ordinal: `30th`, `1st`, `22nd` in English; the number in Chinese (`30日`
    /// is in the sentence).
    static func dayOrdinal(_ day: Int, _ language: String) -> String {
        guard !language.hasPrefix("zh") else { return String(day) }
        let suffix: String
        switch (day % 10, day % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return String(day) + suffix
    }
}
