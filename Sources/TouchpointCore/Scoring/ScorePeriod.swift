import Foundation

/// The time periods `--period` groups responses by, on `completed_at` in UTC.
public enum ScorePeriod: String, Sendable, Hashable, CaseIterable {
    /// `2026-11-23`
    case day
    /// The ISO 8601 week, Monday to Sunday, in its week-numbering year: `2026-W48`.
    case week
    /// `2026-11`
    case month

    /// The period an RFC 3339 time falls in, or `nil` when `time` is not one.
    public func key(of time: String) -> String? {
        guard let date = Timestamp.parseRFC3339(time) else { return nil }
        var seconds = date.timeIntervalSince1970
        guard seconds.isFinite else { return nil }
        // A leap second (`23:59:60`) counts as the next second for `Date`, but it belongs to the day it is in.
        let bytes = Array(time.utf8)
        if bytes.count >= 19, bytes[17] == UInt8(ascii: "6"), bytes[18] == UInt8(ascii: "0") { seconds -= 1 }
        // Offsets can move a time past the years RFC 3339 writes (0000-9999); the label stays inside them.
        let day = min(max(Saturating.int((seconds / 86_400).rounded(.down)), Self.firstDay), Self.lastDay)
        return key(ofDay: day)
    }

    /// 0000-01-01 and 9999-12-31, the first and last days an RFC 3339 time can name.
    static let firstDay = days(year: 0, month: 1, day: 1)
    static let lastDay = days(year: 9999, month: 12, day: 31)

    /// The period of the day `days` after 1970-01-01.
    func key(ofDay days: Int) -> String {
        switch self {
        case .day:
            let (year, month, day) = Self.civil(days)
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))"
        case .month:
            let (year, month, _) = Self.civil(days)
            return "\(Self.pad(year, 4))-\(Self.pad(month, 2))"
        case .week:
            // ISO weeks belong to the year of their Thursday; 1970-01-01 was a Thursday.
            let weekday = ((days + 3) % 7 + 7) % 7
            let thursday = days - weekday + 3
            let (year, _, _) = Self.civil(thursday)
            let week = (thursday - Self.days(year: year, month: 1, day: 1)) / 7 + 1
            return "\(Self.pad(year, 4))-W\(Self.pad(week, 2))"
        }
    }

    /// Year, month and day of a day count from 1970-01-01 (proleptic Gregorian; Howard Hinnant's algorithm).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The day count from 1970-01-01 of a date.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// `value` in at least `width` digits; a negative year (the ISO week-numbering year of 0000-01-01 is -1)
    /// is written with its sign before the digits: `-0001`.
    private static func pad(_ value: Int, _ width: Int) -> String {
        if value < 0 { return "-" + pad(-value, width) }
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
