/// The byte-level engine behind `JSONParser`: one instance per parse, reading straight from the caller's bytes.
///
/// Strings are scanned eight bytes at a time and made into `String`s without an intermediate copy when they
/// hold no escapes. Members of the objects and arrays being read wait on shared stacks (`members`,
/// `elements`) and are moved out at the closing bracket, so each container is allocated once, at its size.
struct JSONScanner: ~Copyable {
    private let bytes: UnsafeRawBufferPointer
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var index: Int
    private var depth = 0
    private let maxDepth: Int
    private let rejectsDuplicateKeys: Bool
    /// Keeps the parser's string table alive while `known` points into it.
    private let strings: JSONStringTable
    private let known: JSONStringLookup
    private var members = JSONStack<JSONObject.Member>()
    private var elements = JSONStack<JSONValue>()
    private var text: [UInt8] = []

    init(_ bytes: UnsafeRawBufferPointer, parser: JSONParser) throws(JSONError) {
        guard let start = bytes.baseAddress, bytes.count > 0 else {
            throw JSONError(offset: 0, column: 1, message: "the text is empty; expected a JSON value")
        }
        self.bytes = bytes
        self.base = start.assumingMemoryBound(to: UInt8.self)
        self.end = bytes.count
        self.maxDepth = min(parser.maxDepth, 256)
        self.rejectsDuplicateKeys = parser.rejectsDuplicateKeys
        self.strings = parser.strings
        self.known = parser.strings.storage.lookup
        // A byte order mark is noise from an editor, not data (RFC 8259 section 8.1 lets parsers skip it).
        let hasByteOrderMark = end >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF
        self.index = hasByteOrderMark ? 3 : 0
    }

    // MARK: - Values

    mutating func parseValue() throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard index < end else { throw fail(index, "expected a value, but the text ends here") }
        // Literal patterns, so the dispatch compiles to a jump table.
        switch base[index] {
        case 0x22: return .string(try parseString())  // "
        case 0x2D, 0x30...0x39: return .number(try parseNumber())  // - and digits
        case 0x7B: return .object(try parseObjectBody(keeping: nil))  // {
        case 0x5B: return .array(try parseArray())  // [
        case 0x74:  // t
            try expectLiteral("true")
            return .bool(true)
        case 0x66:  // f
            try expectLiteral("false")
            return .bool(false)
        case 0x6E:  // n
            try expectLiteral("null")
            return .null
        default: throw unexpectedValue()
        }
    }

    /// Checks the next value and moves past it without building anything.
    mutating func skipValue() throws(JSONError) {
        skipWhitespace()
        guard index < end else { throw fail(index, "expected a value, but the text ends here") }
        switch base[index] {
        case 0x22: try skipString()  // "
        case 0x2D, 0x30...0x39: try skipNumber()  // - and digits
        case 0x7B: try skipObject()  // {
        case 0x5B: try skipArray()  // [
        case 0x74: try expectLiteral("true")  // t
        case 0x66: try expectLiteral("false")  // f
        case 0x6E: try expectLiteral("null")  // n
        default: throw unexpectedValue()
        }
    }

    /// Fails unless only whitespace is left.
    mutating func expectEnd() throws(JSONError) {
        skipWhitespace()
        guard index < end else { return }
        throw fail(index, "unexpected \(found(at: index)) after the end of the JSON value; only one value is allowed (one a line in a JSON-lines file)")
    }

    /// The top-level object, every member or only those in `keys`.
    mutating func parseTopLevelObject(keeping keys: JSONKeySet?) throws(JSONError) -> JSONObject {
        skipWhitespace()
        guard index < end, base[index] == Byte.openBrace else {
            if index >= end { throw fail(index, "expected a JSON object starting with `{`, but the text ends here") }
            throw fail(index, "expected a JSON object starting with `{`, found \(found(at: index))")
        }
        return try parseObjectBody(keeping: keys)
    }

    /// The top-level value; of an object, the members whose keys are in `keys` are checked and left out.
    mutating func parseTopLevelValue(skipping keys: JSONKeySet) throws(JSONError) -> JSONValue {
        skipWhitespace()
        guard index < end, base[index] == Byte.openBrace else { return try parseValue() }
        return .object(try parseSelectedMembers(keys, listedKept: false))
    }

    // MARK: - Containers

    private mutating func enter(_ open: Int) throws(JSONError) {
        depth += 1
        if depth > maxDepth {
            throw fail(open, "arrays and objects are nested more than \(maxDepth) levels deep; flatten the data")
        }
    }

    private mutating func parseArray() throws(JSONError) -> [JSONValue] {
        let open = index
        try enter(open)
        index += 1
        skipWhitespace()
        if index < end, base[index] == Byte.closeBracket {
            index += 1
            depth -= 1
            return []
        }
        let mark = elements.count
        while true {
            elements.push(try parseValue())
            if try afterArrayElement(open: open) { break }
        }
        depth -= 1
        return elements.popArray(from: mark)
    }

    private mutating func skipArray() throws(JSONError) {
        let open = index
        try enter(open)
        index += 1
        skipWhitespace()
        if index < end, base[index] == Byte.closeBracket {
            index += 1
            depth -= 1
            return
        }
        while true {
            try skipValue()
            if try afterArrayElement(open: open) { break }
        }
        depth -= 1
    }

    /// Reads the `,` or `]` after an element; true when the array has ended.
    @inline(__always)
    private mutating func afterArrayElement(open: Int) throws(JSONError) -> Bool {
        skipWhitespace()
        guard index < end else {
            throw fail(open, "this array is never closed; add `]` at its end")
        }
        switch base[index] {
        case Byte.comma:
            let comma = index
            index += 1
            skipWhitespace()
            if index < end, base[index] == Byte.closeBracket {
                throw fail(comma, "trailing comma before `]`; remove the comma")
            }
            return false
        case Byte.closeBracket:
            index += 1
            return true
        default:
            throw fail(index, "expected `,` or `]` after an array element, found \(found(at: index))")
        }
    }

    /// Reads an object from its `{`; with `keys`, keeps only those members and skips the other values.
    private mutating func parseObjectBody(keeping keys: JSONKeySet?) throws(JSONError) -> JSONObject {
        if let keys { return try parseSelectedMembers(keys) }
        let open = index
        try enter(open)
        index += 1
        skipWhitespace()
        if index < end, base[index] == Byte.closeBrace {
            index += 1
            depth -= 1
            return JSONObject()
        }
        let mark = members.count
        var seen = DuplicateKeyCheck()
        while true {
            let keyOffset = index
            let key = try parseKey(open: open)
            if rejectsDuplicateKeys, !seen.insert(key) {
                throw fail(keyOffset, "the key `\(key)` appears twice in this object; keep one of them")
            }
            try expectColon()
            members.push(JSONObject.Member(key: key, value: try parseValue()))
            if try afterObjectMember(open: open) { break }
        }
        depth -= 1
        return JSONObject(members: members.popArray(from: mark))
    }

    /// Reads an object from its `{`, keeping the members named in `keys` and skipping the other values, or,
    /// with `listedKept` false, keeping every member but those named in `keys`. Skipped values are checked
    /// as strictly as built ones.
    private mutating func parseSelectedMembers(_ keys: JSONKeySet, listedKept: Bool = true) throws(JSONError) -> JSONObject {
        let open = index
        try enter(open)
        index += 1
        skipWhitespace()
        if index < end, base[index] == Byte.closeBrace {
            index += 1
            depth -= 1
            return JSONObject()
        }
        let mark = members.count
        var seen = DuplicateKeyCheck()
        let selection = keys.table.storage.lookup
        while true {
            let keyOffset = index
            let listed = try parseSelectedKey(keys, selection, open: open)
            let keeps = listedKept == (listed != nil)
            // The key as a string: a listed one from the table; another one decoded when it is kept, or when
            // repeats must be found among the skipped members too.
            var name = listed?.0
            if name == nil, keeps || rejectsDuplicateKeys { name = try decodeKey(at: keyOffset) }
            if rejectsDuplicateKeys, let name, !seen.insert(name) {
                throw fail(keyOffset, "the key `\(name)` appears twice in this object; keep one of them")
            }
            try expectColon()
            if keeps, let name {
                skipWhitespace()
                let value: JSONValue
                if listedKept, keys.hasNested, index < end, base[index] == Byte.openBrace, let number = listed?.1,
                   let child = keys.children[number] {
                    value = .object(try parseSelectedMembers(child))
                } else {
                    value = try parseValue()
                }
                members.push(JSONObject.Member(key: name, value: value))
            } else {
                try skipValue()
            }
            if try afterObjectMember(open: open) { break }
        }
        depth -= 1
        return JSONObject(members: members.popArray(from: mark))
    }

    private mutating func skipObject() throws(JSONError) {
        let open = index
        try enter(open)
        index += 1
        skipWhitespace()
        if index < end, base[index] == Byte.closeBrace {
            index += 1
            depth -= 1
            return
        }
        var seen = DuplicateKeyCheck()
        while true {
            let keyOffset = index
            if rejectsDuplicateKeys {
                let name = try parseKey(open: open)
                if !seen.insert(name) {
                    throw fail(keyOffset, "the key `\(name)` appears twice in this object; keep one of them")
                }
            } else {
                try expectKeyStart(open: open)
                try skipString()
            }
            try expectColon()
            try skipValue()
            if try afterObjectMember(open: open) { break }
        }
        depth -= 1
    }

    @inline(__always)
    private mutating func parseKey(open: Int) throws(JSONError) -> String {
        try expectKeyStart(open: open)
        return try parseString()
    }

    /// Reads a key and returns it with its position in `keys` when it is one of them (sharing the set's
    /// `String`), else `nil`.
    private mutating func parseSelectedKey(_ keys: JSONKeySet, _ selection: JSONStringLookup,
                                           open: Int) throws(JSONError) -> (String, Int)? {
        try expectKeyStart(open: open)
        let start = index + 1
        let hadEscape = try skipString()
        if hadEscape {
            index = start - 1
            let key = try parseString()
            return keys.keys.firstIndex(of: key).map { (key, $0) }
        }
        let count = index - 1 - start
        guard let number = selection.find(base + start, count: count, canReadEight: start + 8 <= end) else {
            return nil
        }
        return (selection.values[number], number)
    }

    /// Decodes the key string that starts at `offset` without moving on.
    private mutating func decodeKey(at offset: Int) throws(JSONError) -> String {
        let resume = index
        index = offset
        let key = try parseString()
        index = resume
        return key
    }

    @inline(__always)
    private mutating func expectKeyStart(open: Int) throws(JSONError) {
        guard index < end else { throw fail(open, "this object is never closed; add `}` at its end") }
        guard base[index] == Byte.quote else {
            if base[index] == Byte.closeBrace {
                throw fail(index, "expected a key in double quotes, found `}`")
            }
            if base[index] == Byte.singleQuote {
                throw fail(index, "keys must be in double quotes `\"`, not single quotes")
            }
            throw fail(index, "expected a key in double quotes, found \(found(at: index))")
        }
    }

    @inline(__always)
    private mutating func expectColon() throws(JSONError) {
        skipWhitespace()
        guard index < end, base[index] == Byte.colon else {
            if index >= end { throw fail(index, "expected `:` after the key, but the text ends here") }
            throw fail(index, "expected `:` after the key, found \(found(at: index))")
        }
        index += 1
    }

    /// Reads the `,` or `}` after a member; true when the object has ended.
    @inline(__always)
    private mutating func afterObjectMember(open: Int) throws(JSONError) -> Bool {
        skipWhitespace()
        guard index < end else {
            throw fail(open, "this object is never closed; add `}` at its end")
        }
        switch base[index] {
        case Byte.comma:
            let comma = index
            index += 1
            skipWhitespace()
            if index < end, base[index] == Byte.closeBrace {
                throw fail(comma, "trailing comma before `}`; remove the comma")
            }
            return false
        case Byte.closeBrace:
            index += 1
            return true
        default:
            throw fail(index, "expected `,` or `}` after a value, found \(found(at: index))")
        }
    }

    // MARK: - Strings

    /// Reads a string from its opening quote.
    private mutating func parseString() throws(JSONError) -> String {
        let open = index
        let start = open + 1
        var position = start
        var seen: UInt64 = 0
        while true {
            if position + 8 <= end {
                let word = Self.load(at: base + position)
                let special = JSONBytes.specialBytes(in: word)
                if special == 0 {
                    seen |= word
                    position += 8
                    continue
                }
                let before = special.trailingZeroBitCount >> 3
                seen |= word & ~(UInt64.max << (before << 3))
                position += before
            } else {
                guard position < end else { throw fail(open, "this string is never closed; end it with `\"`") }
                let byte = base[position]
                if byte != 0x22, byte != 0x5C, byte >= 0x20 {
                    seen |= UInt64(byte)
                    position += 1
                    continue
                }
            }
            let byte = base[position]
            if byte == 0x22 {
                index = position + 1
                let count = position - start
                if let shared = known.string(base + start, count: count, canReadEight: start + 8 <= end) {
                    return shared
                }
                let raw = UnsafeBufferPointer(start: base + start, count: count)
                if seen & 0x8080_8080_8080_8080 == 0 { return String(decoding: raw, as: UTF8.self) }
                if let string = String(validating: raw, as: UTF8.self) { return string }
                throw invalidUTF8(from: start, to: position)
            }
            if byte == 0x5C {
                index = position
                return try parseEscapedString(open: open, start: start)
            }
            throw controlCharacter(at: position)
        }
    }

    /// Continues a string at its first backslash, decoding escapes into `text`.
    ///
    /// The UTF-8 check covers the string's raw bytes from its opening quote, those before the first
    /// backslash too, so this path rejects exactly what `skipString` rejects (escapes are ASCII, so the raw
    /// bytes are valid exactly when the decoded text is).
    private mutating func parseEscapedString(open: Int, start: Int) throws(JSONError) -> String {
        text.removeAll(keepingCapacity: true)
        text.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
        while index < end {
            let byte = base[index]
            if byte == Byte.quote {
                index += 1
                if let invalid = checkUTF8(from: start, to: index - 1) { throw invalid }
                return String(decoding: text, as: UTF8.self)
            }
            if byte == Byte.backslash {
                try readEscape(decoding: true, open: open)
            } else if byte < 0x20 {
                throw controlCharacter(at: index)
            } else {
                text.append(byte)
                index += 1
            }
        }
        throw fail(open, "this string is never closed; end it with `\"`")
    }

    /// Checks a string from its opening quote and moves past it; true when it holds an escape.
    @discardableResult
    private mutating func skipString() throws(JSONError) -> Bool {
        let open = index
        let start = open + 1
        var position = start
        var seen: UInt64 = 0
        var hadEscape = false
        while true {
            if position + 8 <= end {
                let word = Self.load(at: base + position)
                let special = JSONBytes.specialBytes(in: word)
                if special == 0 {
                    seen |= word
                    position += 8
                    continue
                }
                let before = special.trailingZeroBitCount >> 3
                seen |= word & ~(UInt64.max << (before << 3))
                position += before
            } else {
                guard position < end else { throw fail(open, "this string is never closed; end it with `\"`") }
                let byte = base[position]
                if byte != 0x22, byte != 0x5C, byte >= 0x20 {
                    seen |= UInt64(byte)
                    position += 1
                    continue
                }
            }
            let byte = base[position]
            if byte == 0x22 {
                index = position + 1
                if seen & 0x8080_8080_8080_8080 != 0, let invalid = checkUTF8(from: start, to: position) {
                    throw invalid
                }
                return hadEscape
            }
            if byte == 0x5C {
                index = position
                try readEscape(decoding: false, open: open)
                position = index
                hadEscape = true
                continue
            }
            throw controlCharacter(at: position)
        }
    }

    /// Reads one escape from its backslash, appending the character to `text` when `decoding`.
    private mutating func readEscape(decoding: Bool, open: Int) throws(JSONError) {
        let backslash = index
        guard index + 1 < end else { throw fail(open, "this string is never closed; end it with `\"`") }
        let letter = base[index + 1]
        index += 2
        let decoded: UInt8
        switch letter {
        case Byte.quote, Byte.backslash, Byte.slash: decoded = letter
        case Byte.b: decoded = 0x08
        case Byte.f: decoded = 0x0C
        case Byte.n: decoded = 0x0A
        case Byte.r: decoded = 0x0D
        case Byte.t: decoded = 0x09
        case Byte.u:
            let scalar = try readUnicodeEscape(backslash: backslash)
            if decoding { appendUTF8(scalar) }
            return
        default:
            throw fail(backslash, "`\\\(printable(letter))` is not a JSON escape; use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
        if decoding { text.append(decoded) }
    }

    /// Reads the four hex digits after `\u` (and a second escape for a surrogate pair).
    private mutating func readUnicodeEscape(backslash: Int) throws(JSONError) -> UInt32 {
        let first = try readHex4(escapeAt: backslash)
        switch first {
        case 0xD800...0xDBFF:
            let second = index
            guard index + 1 < end, base[index] == Byte.backslash, base[index + 1] == Byte.u else {
                throw fail(backslash, "`\\u\(hex(first))` is the first half of a surrogate pair but no `\\uDC00`-`\\uDFFF` follows it")
            }
            index += 2
            let low = try readHex4(escapeAt: second)
            guard (0xDC00...0xDFFF).contains(low) else {
                throw fail(backslash, "`\\u\(hex(first))` is the first half of a surrogate pair but no `\\uDC00`-`\\uDFFF` follows it")
            }
            return 0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
        case 0xDC00...0xDFFF:
            throw fail(backslash, "`\\u\(hex(first))` is the second half of a surrogate pair with no first half before it")
        default:
            return first
        }
    }

    private mutating func readHex4(escapeAt backslash: Int) throws(JSONError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < end, let digit = Self.hexValue(base[index]) else {
                throw fail(backslash, "`\\u` must be followed by four hex digits, like `\\u00e9`")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            text.append(UInt8(scalar))
        case 0x80..<0x800:
            text.append(UInt8(0xC0 | scalar >> 6))
            text.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            text.append(UInt8(0xE0 | scalar >> 12))
            text.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
        default:
            text.append(UInt8(0xF0 | scalar >> 18))
            text.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            text.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            text.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Eight bytes in memory order: the byte at `pointer` is the lowest.
    @inline(__always)
    private static func load(at pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    @inline(__always)
    private static func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case Byte.zero...Byte.nine: return UInt32(byte - Byte.zero)
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    // MARK: - Numbers and literals

    /// Reads a number; integers up to 2^53 and short decimals are converted exactly here, the rest by the
    /// standard library's correctly rounded conversion.
    private mutating func parseNumber() throws(JSONError) -> Double {
        let start = index
        // A local cursor keeps the digit loops in registers; `index` is written back once.
        var position = index
        defer { index = position }
        var negative = false
        if base[position] == Byte.minus {
            negative = true
            position += 1
        }
        guard position < end, JSONBytes.isDigit(base[position]) else {
            if position < end, base[position] == UInt8(ascii: "I") {
                throw fail(start, "`-Infinity` is not a JSON number; write null for a missing value")
            }
            throw fail(position, "expected a digit after `-`")
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var exact = true
        if base[position] == Byte.zero {
            position += 1
            if position < end, JSONBytes.isDigit(base[position]) {
                throw fail(start, "a number may not start with a leading zero; write it without the zero")
            }
        } else {
            while position < end, JSONBytes.isDigit(base[position]) {
                if mantissa <= Self.mantissaLimit {
                    mantissa = mantissa &* 10 &+ UInt64(base[position] &- Byte.zero)
                } else {
                    exact = false
                }
                position += 1
            }
        }
        if position < end, base[position] == Byte.dot {
            position += 1
            guard position < end, JSONBytes.isDigit(base[position]) else {
                throw fail(position, "expected a digit after the decimal point")
            }
            while position < end, JSONBytes.isDigit(base[position]) {
                if mantissa <= Self.mantissaLimit {
                    mantissa = mantissa &* 10 &+ UInt64(base[position] &- Byte.zero)
                    exponent -= 1
                } else {
                    exact = false
                }
                position += 1
            }
        }
        if position < end, base[position] | 0x20 == Byte.e {
            position += 1
            var exponentNegative = false
            if position < end, base[position] == Byte.minus || base[position] == Byte.plus {
                exponentNegative = base[position] == Byte.minus
                position += 1
            }
            guard position < end, JSONBytes.isDigit(base[position]) else {
                throw fail(position, "expected a digit in the number's exponent")
            }
            var written = 0
            while position < end, JSONBytes.isDigit(base[position]) {
                if written < 100_000 { written = written * 10 + Int(base[position] - Byte.zero) }
                position += 1
            }
            exponent += exponentNegative ? -written : written
        }
        if exact {
            if mantissa == 0 { return negative ? -0.0 : 0.0 }
            // Both the mantissa and the power of ten are exact doubles here, so one IEEE operation rounds
            // correctly (Clinger's fast path).
            if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
                var value = Double(mantissa)
                if exponent < 0 {
                    value /= JSONBytes.powerOfTen(-exponent)
                } else if exponent > 0 {
                    value *= JSONBytes.powerOfTen(exponent)
                }
                return negative ? -value : value
            }
        }
        let literal = String(decoding: UnsafeBufferPointer(start: base + start, count: position - start), as: UTF8.self)
        guard let value = Double(literal), value.isFinite else {
            throw fail(start, "the number \(literal) is too large to store; the largest is about 1.8e308")
        }
        return value
    }

    /// Moves past a plain number (digits, a fraction) checking its grammar only; anything unusual (an
    /// exponent, which may overflow, a very long number, an error) is handed to `parseNumber`, so skipping
    /// accepts and rejects exactly what parsing does.
    private mutating func skipNumber() throws(JSONError) {
        let start = index
        var position = index
        if base[position] == Byte.minus { position += 1 }
        var plain = position < end && JSONBytes.isDigit(base[position])
        if plain, base[position] == Byte.zero {
            position += 1
            plain = position >= end || !JSONBytes.isDigit(base[position])
        } else {
            while position < end, JSONBytes.isDigit(base[position]) { position += 1 }
        }
        if plain, position < end, base[position] == Byte.dot {
            position += 1
            plain = position < end && JSONBytes.isDigit(base[position])
            while position < end, JSONBytes.isDigit(base[position]) { position += 1 }
        }
        if plain, position < end, base[position] | 0x20 == Byte.e { plain = false }
        if plain, position - start < 300 {
            index = position
            return
        }
        index = start
        _ = try parseNumber()
    }

    private static let mantissaLimit: UInt64 = (UInt64.max - 9) / 10

    private mutating func expectLiteral(_ word: StaticString) throws(JSONError) {
        let count = word.utf8CodeUnitCount
        let expected = word.utf8Start
        if index + count <= end {
            var same = true
            for offset in 0..<count where base[index + offset] != expected[offset] { same = false }
            if same {
                index += count
                return
            }
        }
        throw unexpectedValue()
    }

    @inline(__always)
    private mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            guard byte <= Byte.space, byte == Byte.space || byte == Byte.newline || byte == Byte.carriageReturn || byte == Byte.tab else {
                return
            }
            index += 1
        }
    }

    // MARK: - Errors

    private func fail(_ offset: Int, _ message: String) -> JSONError {
        JSONError.at(offset, in: bytes, message)
    }

    /// The error for text that cannot start a value, with a hint for the usual mistakes.
    private func unexpectedValue() -> JSONError {
        let byte = base[index]
        if byte == Byte.singleQuote {
            return fail(index, "strings must be in double quotes `\"`, not single quotes")
        }
        if byte == Byte.plus { return fail(index, "a number may not start with `+`; write it without the sign") }
        if byte == Byte.dot { return fail(index, "a number must start with a digit; write `0.5`, not `.5`") }
        if byte == Byte.closeBracket || byte == Byte.closeBrace || byte == Byte.comma {
            return fail(index, "expected a value, found `\(printable(byte))`")
        }
        if byte == UInt8(ascii: "/") { return fail(index, "JSON has no comments; remove it") }
        let word = self.word(at: index)
        if !word.isEmpty {
            switch word {
            case "NaN", "Infinity", "inf", "nan":
                return fail(index, "`\(word)` is not a JSON number; write null for a missing value")
            case "None", "nil", "undefined", "NULL", "Null":
                return fail(index, "found `\(word)`; JSON writes a missing value as null")
            default:
                if ["true", "false", "null"].contains(word.lowercased()) {
                    return fail(index, "found `\(word)`; JSON's literals are lowercase: true, false and null")
                }
                if let literal = ["true", "false", "null"].first(where: { $0.hasPrefix(word) }) {
                    return fail(index, "found `\(word)`; did you mean `\(literal)`?")
                }
                return fail(index, "expected a value, found `\(word)`; text must be in double quotes")
            }
        }
        return fail(index, "expected a value (an object, array, string, number, true, false or null), found \(found(at: index))")
    }

    /// The run of letters and digits at `offset`, at most 24 of them.
    private func word(at offset: Int) -> String {
        var stop = offset
        while stop < end, stop - offset < 24 {
            let byte = base[stop]
            let isWordByte = (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || JSONBytes.isDigit(byte) || byte == UInt8(ascii: "_")
            guard isWordByte else { break }
            stop += 1
        }
        guard stop > offset, !JSONBytes.isDigit(base[offset]) else { return "" }
        return String(decoding: UnsafeBufferPointer(start: base + offset, count: stop - offset), as: UTF8.self)
    }

    /// How the byte at `offset` reads in a message: "`x`", "the control character U+0001", "the end of the text".
    private func found(at offset: Int) -> String {
        guard offset < end else { return "the end of the text" }
        let byte = base[offset]
        if byte < 0x20 || byte == 0x7F { return "the control character U+\(hex(UInt32(byte)))" }
        if byte < 0x80 { return "`\(printable(byte))`" }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        if offset + length <= end, firstInvalidUTF8(from: offset, to: offset + length) == nil {
            let raw = UnsafeBufferPointer(start: base + offset, count: length)
            return "`\(String(decoding: raw, as: UTF8.self))`"
        }
        return "the byte 0x\(hex(UInt32(byte), digits: 2)), which is not UTF-8"
    }

    private func controlCharacter(at offset: Int) -> JSONError {
        let byte = base[offset]
        let escape: String
        switch byte {
        case 0x09: escape = "\\t"
        case 0x0A: escape = "\\n"
        case 0x0D: escape = "\\r"
        case 0x08: escape = "\\b"
        case 0x0C: escape = "\\f"
        default: escape = "\\u\(hex(UInt32(byte)))"
        }
        return fail(offset, "the control character U+\(hex(UInt32(byte))) must be escaped inside a string; write `\(escape)`")
    }

    private func invalidUTF8(from start: Int, to stop: Int) -> JSONError {
        firstInvalidUTF8(from: start, to: stop)
            ?? fail(start, "this string is not valid UTF-8; save the file as UTF-8")
    }

    /// The error for the first byte in `start..<stop` that breaks UTF-8, or `nil`: a fast pass over ASCII
    /// and the common two- and three-byte sequences (Chinese text), then the exact check for what is left.
    @inline(__always)
    private func checkUTF8(from start: Int, to stop: Int) -> JSONError? {
        var offset = start
        while offset < stop {
            if offset + 8 <= stop, Self.load(at: base + offset) & 0x8080_8080_8080_8080 == 0 {
                offset += 8
                continue
            }
            let lead = base[offset]
            if lead < 0x80 {
                offset += 1
            } else if lead >= 0xC2, lead <= 0xDF, offset + 1 < stop, base[offset + 1] & 0xC0 == 0x80 {
                offset += 2
            } else if lead >= 0xE1, lead <= 0xEF, lead != 0xED, offset + 2 < stop,
                base[offset + 1] & 0xC0 == 0x80, base[offset + 2] & 0xC0 == 0x80
            {
                offset += 3
            } else {
                return firstInvalidUTF8(from: offset, to: stop)
            }
        }
        return nil
    }

    /// The error for the first byte in `start..<stop` that breaks UTF-8 (RFC 3629), or `nil` if all is well.
    private func firstInvalidUTF8(from start: Int, to stop: Int) -> JSONError? {
        guard let (offset, fault) = UTF8Rule.firstFault(base, from: start, to: stop) else { return nil }
        let lead = hex(UInt32(base[offset]), digits: 2)
        switch fault {
        case .badLead: return fail(offset, "the byte 0x\(lead) is not valid UTF-8; save the file as UTF-8")
        case .badSequence: return fail(offset, "the bytes starting with 0x\(lead) are not valid UTF-8; save the file as UTF-8")
        }
    }

    private func printable(_ byte: UInt8) -> String {
        byte >= 0x20 && byte < 0x7F ? String(UnicodeScalar(byte)) : "U+\(hex(UInt32(byte)))"
    }

    private func hex(_ value: UInt32, digits: Int = 4) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// Finds repeated keys in one object: a linear scan while small, a set once the object grows, so a hostile
/// object with a million keys costs linear time rather than quadratic.
private struct DuplicateKeyCheck {
    private var small: [String] = []
    private var large: Set<String>?

    /// Records `key`; false when it was already there.
    mutating func insert(_ key: String) -> Bool {
        if large != nil { return large?.insert(key).inserted ?? true }
        if small.contains(key) { return false }
        small.append(key)
        if small.count > 16 {
            large = Set(small)
            small = []
        }
        return true
    }
}

/// The bytes JSON's grammar names.
private enum Byte {
    static var quote: UInt8 { UInt8(ascii: "\"") }
    static var singleQuote: UInt8 { UInt8(ascii: "'") }
    static var backslash: UInt8 { UInt8(ascii: "\\") }
    static var slash: UInt8 { UInt8(ascii: "/") }
    static var openBrace: UInt8 { UInt8(ascii: "{") }
    static var closeBrace: UInt8 { UInt8(ascii: "}") }
    static var openBracket: UInt8 { UInt8(ascii: "[") }
    static var closeBracket: UInt8 { UInt8(ascii: "]") }
    static var comma: UInt8 { UInt8(ascii: ",") }
    static var colon: UInt8 { UInt8(ascii: ":") }
    static var minus: UInt8 { UInt8(ascii: "-") }
    static var plus: UInt8 { UInt8(ascii: "+") }
    static var dot: UInt8 { UInt8(ascii: ".") }
    static var zero: UInt8 { UInt8(ascii: "0") }
    static var nine: UInt8 { UInt8(ascii: "9") }
    static var space: UInt8 { UInt8(ascii: " ") }
    static var newline: UInt8 { UInt8(ascii: "\n") }
    static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    static var tab: UInt8 { UInt8(ascii: "\t") }
    static var b: UInt8 { UInt8(ascii: "b") }
    static var e: UInt8 { UInt8(ascii: "e") }
    static var f: UInt8 { UInt8(ascii: "f") }
    static var n: UInt8 { UInt8(ascii: "n") }
    static var r: UInt8 { UInt8(ascii: "r") }
    static var t: UInt8 { UInt8(ascii: "t") }
    static var u: UInt8 { UInt8(ascii: "u") }
}
