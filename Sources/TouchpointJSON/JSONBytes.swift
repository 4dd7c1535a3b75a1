/// Byte-level pieces shared by the parser (`JSONScanner`) and the pull reader (`JSONCursor`).
@usableFromInline
enum JSONBytes {
    /// Whether `byte` is an ASCII digit.
    @inlinable
    static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    /// A mask with the high bit set in each byte of `word` that is `"`, `\` or below 0x20 (the bytes that end
    /// a plain run of string text). Only the lowest set bit is exact: bits above it may be false alarms,
    /// which is all the callers need, as they stop at the first one.
    @inlinable
    static func specialBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quotes = word ^ (ones &* 0x22)
        let backslashes = word ^ (ones &* 0x5C)
        let zeroInQuotes = (quotes &- ones) & ~quotes
        let zeroInBackslashes = (backslashes &- ones) & ~backslashes
        let control = (word &- ones &* 0x20) & ~word
        return (zeroInQuotes | zeroInBackslashes | control) & 0x8080_8080_8080_8080
    }

    /// 10^`exponent` for 1...22, exactly (the powers a double holds without rounding).
    @inlinable
    static func powerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        case 17: return 1e17
        case 18: return 1e18
        case 19: return 1e19
        case 20: return 1e20
        case 21: return 1e21
        default: return 1e22
        }
    }
}
