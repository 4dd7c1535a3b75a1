import Foundation

/// RFC 3339 timestamps in UTC, as the response record's `started_at` and `completed_at` carry them.
///
/// Written by hand rather than with `DateFormatter` or `ISO8601DateFormatter`: the output must not depend on the
/// locale, the calendar or the time zone of the machine, and calendar arithmetic on whole seconds is short.
public enum Timestamp {
    /// `date` as `YYYY-MM-DDTHH:MM:SSZ` in UTC, fractions of a second dropped (rounded down).
    ///
    /// Dates outside the years 0000 to 9999, which RFC 3339 cannot write, are clamped to the nearest one it can.
    public static func rfc3339(_ date: Date) -> String {
        let raw = date.timeIntervalSince1970
        let total = raw.isNaN ? 0 : Int64(min(max(raw.rounded(.down), -62_167_219_200), 253_402_300_799))
        let days = floorDivide(total, 86_400)
        let secondOfDay = total - days * 86_400
        let (year, month, day) = civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay % 3600 / 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The moment an RFC 3339 date-time names, or nil when `text` is not one.
    ///
    /// Accepts what RFC 3339 section 5.6 allows: `T`, `t` or a space between date and time, fractional seconds,
    /// `Z`/`z` or a `+HH:MM`/`-HH:MM` offset, and a leap second `:60`, which counts as the first second of the next
    /// minute because `Date` has no leap seconds.
    public static func parseRFC3339(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        var position = 0

        func number(_ width: Int) -> Int64? {
            guard position + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[position..<(position + width)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int64(byte - 0x30)
            }
            position += width
            return value
        }
        func expect(_ allowed: [UInt8]) -> Bool {
            guard position < bytes.count, allowed.contains(bytes[position]) else { return false }
            position += 1
            return true
        }

        guard let year = number(4), expect([0x2D]), let month = number(2), expect([0x2D]), let day = number(2),
              expect([0x54, 0x74, 0x20]),
              let hour = number(2), expect([0x3A]), let minute = number(2), expect([0x3A]), let second = number(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month),
              hour <= 23, minute <= 59, second <= 60 else { return nil }

        var fraction = 0.0
        if position < bytes.count, bytes[position] == 0x2E {
            position += 1
            let start = position
            var scale = 0.1
            while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
                fraction += Double(bytes[position] - 0x30) * scale
                scale /= 10
                position += 1
            }
            guard position > start else { return nil }
        }

        var offsetSeconds: Int64 = 0
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case 0x5A, 0x7A:
            position += 1
        case 0x2B, 0x2D:
            let sign: Int64 = bytes[position] == 0x2D ? -1 : 1
            position += 1
            guard let offsetHour = number(2), expect([0x3A]), let offsetMinute = number(2),
                  offsetHour <= 23, offsetMinute <= 59 else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        default:
            return nil
        }
        guard position == bytes.count else { return nil }

        let seconds = days(fromYear: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
            - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    // Days since 1970-01-01 and back, for the proleptic Gregorian calendar (Howard Hinnant's algorithms).

    private static func days(fromYear year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
