/// The one UTF-8 rule (RFC 3629) of the Swift JSON readers: where bytes stop being UTF-8, and why.
///
/// The parser (`JSONScanner`) turns a fault into its message; the cursor (`JSONCursor`) only asks whether there
/// is one. The C scan of CJSONScan keeps a rule of its own, on purpose: the differential test holds the two equal.
@usableFromInline
enum UTF8Rule {
    /// Why a character is not UTF-8.
    @usableFromInline
    enum Fault {
        /// The byte cannot start a character (a continuation byte, an overlong lead, or above U+10FFFF).
        case badLead
        /// The lead byte is good, but the bytes after it do not complete its character (or are missing).
        case badSequence
    }

    /// The offset of the first character in bytes `start..<stop` of `base` that is not UTF-8, and why; `nil` when
    /// all of them are.
    @inlinable
    static func firstFault(_ base: UnsafePointer<UInt8>, from start: Int, to stop: Int) -> (offset: Int, fault: Fault)? {
        var offset = start
        while offset < stop {
            let lead = base[offset]
            if lead < 0x80 {
                offset += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return (offset, .badLead)
            }
            guard offset + length <= stop else { return (offset, .badSequence) }
            let second = base[offset + 1]
            guard second >= low, second <= high else { return (offset, .badSequence) }
            for position in 2..<max(length, 2) where base[offset + position] & 0xC0 != 0x80 {
                return (offset, .badSequence)
            }
            offset += length
        }
        return nil
    }
}
