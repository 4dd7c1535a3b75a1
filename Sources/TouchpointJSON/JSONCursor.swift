#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJSONScan

/// A pull reader over JSON bytes that builds nothing: the caller walks objects and arrays token by token,
/// looks keys and strings up by their bytes, and reads numbers in place.
///
/// It is the scoring fast path's half of the grammar (`RecordScanner` drives it). It is at least as strict
/// as `JSONParser` and never more lenient: whatever it accepts, `JSONParser` accepts and reads to the same
/// values. It gives up (`Stop`) on anything it does not handle itself, such as string escapes, numbers with
/// an exponent, or deep nesting, besides every real error; the caller then
/// parses the text with `JSONParser`, which either accepts it or says what is wrong and where. So `Stop`
/// carries no message: it means "ask the parser", not "invalid".
///
/// A byte order mark at the start is skipped, as the parser does.
@frozen
public struct JSONCursor {
    /// Thrown when the cursor cannot go on (an error, or text it leaves to `JSONParser`).
    public struct Stop: Error {
        @inlinable public init() {}
    }

    /// One string's bytes between its quotes, borrowed from the text being read.
    @frozen
    public struct Span {
        public let start: UnsafePointer<UInt8>
        public let count: Int
        /// Whether every byte is ASCII (then the bytes are the string's characters one for one).
        public let isASCII: Bool

        @inlinable
        init(start: UnsafePointer<UInt8>, count: Int, isASCII: Bool) {
            self.start = start
            self.count = count
            self.isASCII = isASCII
        }

        /// Whether the string is exactly the ASCII text `word`.
        @inlinable
        public func equals(_ word: StaticString) -> Bool {
            count == word.utf8CodeUnitCount && memcmp(start, word.utf8Start, count) == 0
        }
    }

    /// The deepest nesting the cursor follows (the parser allows more; deeper text is left to it).
    public static let maxDepth = 32

    @usableFromInline let base: UnsafePointer<UInt8>
    @usableFromInline let end: Int
    /// The offset of the next byte to read.
    public var index: Int

    /// A cursor at the start of `bytes` (after a byte order mark), or `nil` when there are none; `bytes` must
    /// outlive it.
    @inlinable
    public init?(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count > 0 else { return nil }
        let hasByteOrderMark = bytes.count >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF
        base = UnsafePointer(start)
        end = bytes.count
        index = hasByteOrderMark ? 3 : 0
    }

    /// The bytes from `offset` to the current position, for handing one value to `JSONParser`.
    @inlinable
    public func bytes(from offset: Int) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base + offset, count: index - offset)
    }

    // MARK: Structure

    @inlinable
    public mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            guard byte <= 0x20, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index += 1
        }
    }

    /// The next byte after whitespace, not consumed (0 at the end of the text).
    @inlinable
    public mutating func peek() -> UInt8 {
        // Records are written without white space between tokens: look at the next byte before looping.
        if index < end {
            let byte = base[index]
            if byte > 0x20 { return byte }
        }
        skipWhitespace()
        return index < end ? base[index] : 0
    }

    /// Consumes `{`; true when a member follows, false when the object is empty (its `}` consumed too).
    @inlinable
    public mutating func beginObject() throws(Stop) -> Bool {
        guard peek() == 0x7B else { throw Stop() }
        index += 1
        if peek() == 0x7D {
            index += 1
            return false
        }
        return true
    }

    /// Reads a member's key and the `:` after it.
    @inlinable
    public mutating func key() throws(Stop) -> Span {
        guard peek() == 0x22 else { throw Stop() }
        let span = try string()
        guard peek() == 0x3A else { throw Stop() }
        index += 1
        return span
    }

    /// Consumes a member's key and its `:` when the key is written exactly as the `count` bytes at `quoted`
    /// (the key with its quotes, so no escape and no longer key can match); otherwise consumes nothing but
    /// white space and returns false, and `key()` reads the key. For readers that know which key usually comes
    /// next: one comparison instead of a scan of the string and a lookup.
    @inlinable
    public mutating func key(matching quoted: UnsafePointer<UInt8>, count: Int) -> Bool {
        guard peek() == 0x22, end - index > count, memcmp(base + index, quoted, count) == 0 else { return false }
        let start = index
        index += count
        guard peek() == 0x3A else {
            index = start
            return false
        }
        index += 1
        return true
    }

    /// After a member's value: true when another member follows (`,`), false at the object's `}`.
    @inlinable
    public mutating func nextMember() throws(Stop) -> Bool {
        switch peek() {
        case 0x2C:
            index += 1
            return true
        case 0x7D:
            index += 1
            return false
        default:
            throw Stop()
        }
    }

    /// Consumes `[`; true when an element follows, false when the array is empty (its `]` consumed too).
    @inlinable
    public mutating func beginArray() throws(Stop) -> Bool {
        guard peek() == 0x5B else { throw Stop() }
        index += 1
        if peek() == 0x5D {
            index += 1
            return false
        }
        return true
    }

    /// After an element: true when another follows (`,`, and no `]` right after it), false at the `]`.
    @inlinable
    public mutating func nextElement() throws(Stop) -> Bool {
        switch peek() {
        case 0x2C:
            index += 1
            if peek() == 0x5D { throw Stop() }
            return true
        case 0x5D:
            index += 1
            return false
        default:
            throw Stop()
        }
    }

    /// Fails unless only whitespace is left.
    @inlinable
    public mutating func expectEnd() throws(Stop) {
        skipWhitespace()
        guard index == end else { throw Stop() }
    }

    // MARK: Values

    /// Reads a string from its opening quote. Stops at an escape, a control character or bytes that are
    /// not UTF-8.
    ///
    /// The text is checked 16 or 32 bytes at a time by CJSONScan (`tp_json_string_end`), which accepts
    /// exactly what `stringInSwift()` accepts (the tests compare the two).
    @inlinable
    public mutating func string() throws(Stop) -> Span {
        guard index < end, base[index] == 0x22 else { throw Stop() }
        let start = base + index + 1
        var isASCII: Int32 = 0
        guard let quote = tp_json_string_end(start, base + end, &isASCII) else { throw Stop() }
        index = quote - base + 1
        return Span(start: start, count: quote - start, isASCII: isASCII != 0)
    }

    /// `string()` written in Swift, eight bytes at a time: the reference the C scan is tested against.
    @inlinable
    public mutating func stringInSwift() throws(Stop) -> Span {
        guard index < end, base[index] == 0x22 else { throw Stop() }
        let start = index + 1
        var position = start
        var seen: UInt64 = 0
        while true {
            if position + 8 <= end {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self))
                let special = JSONBytes.specialBytes(in: word)
                if special == 0 {
                    seen |= word
                    position += 8
                    continue
                }
                let before = special.trailingZeroBitCount >> 3
                seen |= word & ~(UInt64.max << UInt64(before << 3))
                position += before
            } else {
                guard position < end else { throw Stop() }
                let byte = base[position]
                if byte != 0x22, byte != 0x5C, byte >= 0x20 {
                    seen |= UInt64(byte)
                    position += 1
                    continue
                }
            }
            // A quote ends the string; a backslash or a control character is left to the parser.
            guard base[position] == 0x22 else { throw Stop() }
            index = position + 1
            let isASCII = seen & 0x8080_8080_8080_8080 == 0
            if !isASCII, UTF8Rule.firstFault(base, from: start, to: position) != nil { throw Stop() }
            return Span(start: base + start, count: position - start, isASCII: isASCII)
        }
    }

    /// Reads a number as the parser does: integers and short decimals by the exact fast conversion, longer
    /// ones (such as 3.6666666666666665) from their text by `Double(String)`, the parser's slow conversion;
    /// stops at exponents.
    @inlinable
    public mutating func number() throws(Stop) -> Double {
        var position = index
        var negative = false
        if position < end, base[position] == 0x2D {
            negative = true
            position += 1
        }
        guard position < end, JSONBytes.isDigit(base[position]) else { throw Stop() }
        var mantissa: UInt64 = 0
        var exponent = 0
        // Set when the digits do not fit the exact fast conversion (more than 2^53, or beyond 10^-22).
        var long = false
        let start = index
        if base[position] == 0x30 {
            position += 1
            if position < end, JSONBytes.isDigit(base[position]) { throw Stop() }
        } else {
            while position < end, JSONBytes.isDigit(base[position]) {
                if mantissa <= 1 << 53 {
                    mantissa = mantissa &* 10 &+ UInt64(base[position] &- 0x30)
                } else {
                    long = true
                }
                position += 1
            }
        }
        if position < end, base[position] == 0x2E {
            position += 1
            guard position < end, JSONBytes.isDigit(base[position]) else { throw Stop() }
            while position < end, JSONBytes.isDigit(base[position]) {
                if mantissa <= 1 << 53 {
                    mantissa = mantissa &* 10 &+ UInt64(base[position] &- 0x30)
                    exponent -= 1
                } else {
                    long = true
                }
                position += 1
            }
        }
        // Exponents (which may overflow) are the parser's.
        if position < end, base[position] | 0x20 == 0x65 { throw Stop() }
        if long || mantissa > 1 << 53 || exponent < -22 {
            // A long decimal such as 3.6666666666666665 (a mean of three answers): converted as the parser
            // converts it, from its text.
            let value = try Self.convertedLiteral(base + start, count: position - start)
            index = position
            return value
        }
        index = position
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        var value = Double(mantissa)
        if exponent < 0 { value /= JSONBytes.powerOfTen(-exponent) }
        return negative ? -value : value
    }

    /// Reads `true` or `false`.
    @inlinable
    public mutating func bool() throws(Stop) -> Bool {
        if literal(0x65_75_72_74, count: 4) { return true }  // "true"
        if index + 5 <= end, base[index + 4] == 0x65, literal(0x73_6C_61_66, count: 4, plus: 1) { return false }  // "false"
        throw Stop()
    }

    /// Reads `null` when it is next; false (nothing consumed) otherwise.
    @inlinable
    public mutating func null() -> Bool {
        literal(0x6C_6C_75_6E, count: 4)  // "null"
    }

    /// Moves past the next value, checking it, building nothing.
    @inlinable
    public mutating func skipValue() throws(Stop) {
        try skipValue(depth: 1)
    }

    /// Moves past the next value at nesting `depth` (the containers it is inside).
    ///
    /// The value is checked and skipped in C (`tp_json_skip_value`), which accepts what `skipValueInSwift`
    /// accepts and ends at the same byte; it may refuse more (an integer part of over 308 digits), which only
    /// sends the line to the parser.
    @inlinable
    public mutating func skipValue(depth: Int) throws(Stop) {
        guard index < end, let after = tp_json_skip_value(base + index, base + end, Int32(clamping: depth)) else { throw Stop() }
        index = after - base
    }

    /// `skipValue(depth:)` written in Swift over `stringInSwift()`: the reference the C skipper is tested
    /// against.
    public mutating func skipValueInSwift(depth: Int) throws(Stop) {
        switch peek() {
        case 0x22: _ = try stringInSwift()
        case 0x2D, 0x30...0x39: _ = try number()
        case 0x74, 0x66: _ = try bool()
        case 0x6E: guard null() else { throw Stop() }
        case 0x7B:
            guard depth < Self.maxDepth else { throw Stop() }
            guard try beginObject() else { return }
            repeat {
                guard peek() == 0x22 else { throw Stop() }
                _ = try stringInSwift()
                guard peek() == 0x3A else { throw Stop() }
                index += 1
                try skipValueInSwift(depth: depth + 1)
            } while try nextMember()
        case 0x5B:
            guard depth < Self.maxDepth else { throw Stop() }
            guard try beginArray() else { return }
            repeat {
                try skipValueInSwift(depth: depth + 1)
            } while try nextElement()
        default:
            throw Stop()
        }
    }

    // MARK: Helpers

    /// The number written in `count` bytes at `start` (checked grammar, no exponent) by the parser's own slow
    /// conversion, `Double(String)`, which rounds correctly; stops when it is not finite.
    @usableFromInline
    static func convertedLiteral(_ start: UnsafePointer<UInt8>, count: Int) throws(Stop) -> Double {
        let literal = String(decoding: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else { throw Stop() }
        return value
    }

    @inlinable
    mutating func literal(_ word: UInt32, count: Int, plus extra: Int = 0) -> Bool {
        guard index + 4 <= end,
              UInt32(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self)) == word else { return false }
        index += count + extra
        return true
    }
}
