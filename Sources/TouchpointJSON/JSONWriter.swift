/// Writes `JSONValue`s as compact JSON text, deterministically: the same value always gives the same bytes.
///
/// Objects are written in their own member order. Strings keep non-ASCII characters as UTF-8 and escape
/// `"`, `\`, every control character (C0, DEL and C1, so a response line shown in a terminal cannot carry
/// an escape sequence) and U+2028 / U+2029 (which JavaScript treats as line ends). Integral numbers are
/// written without a fraction (`3`, not `3.0`); others in the shortest form that reads back to the same
/// `Double`. JSON has no NaN or infinity, so those are written as `null`.
public struct JSONWriter: Sendable, Hashable {
    public init() {}

    /// The value as JSON text.
    public func string(_ value: JSONValue) -> String {
        String(decoding: bytes(value), as: UTF8.self)
    }

    /// The value as UTF-8 JSON text.
    public func bytes(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(256)
        write(value, to: &output)
        return output
    }

    /// The value as one JSON line: the text and a newline, ready to append to a JSON-lines file.
    public func line(_ value: JSONValue) -> [UInt8] {
        var output = bytes(value)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// Appends the value's JSON text to `output`.
    public func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: flag ? "true".utf8 : "false".utf8)
        case .number(let number):
            Self.writeNumber(number, to: &output)
        case .string(let text):
            Self.writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (position, element) in elements.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let object):
            output.append(UInt8(ascii: "{"))
            for (position, member) in object.members.enumerated() {
                if position > 0 { output.append(UInt8(ascii: ",")) }
                Self.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Appends a number: integral values below 10^16 as plain integers, others in Swift's shortest
    /// round-trip form (`0.1`, `1e-05`, `1e+16`), which is valid JSON number syntax.
    public static func writeNumber(_ number: Double, to output: inout [UInt8]) {
        guard number.isFinite else {
            output.append(contentsOf: "null".utf8)
            return
        }
        // Every integral double below 10^16 fits an Int64 exactly; -0 is written as 0.
        guard number.rounded(.towardZero) == number, number.magnitude < 1e16 else {
            output.append(contentsOf: number.description.utf8)
            return
        }
        let integer = Int64(number)
        if integer < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = integer.magnitude
        var scratch: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { digits in
            var position = digits.count
            repeat {
                position -= 1
                digits[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            output.append(contentsOf: digits[position...])
        }
    }

    /// Appends a string in double quotes with the escapes described on the type.
    public static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        writeStringContents(text, to: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// Appends a string's characters with the escapes described on the type, without the quotes: for one JSON
    /// string written in pieces. Each piece is a whole `String`, so no escaped sequence is split between two, and
    /// the pieces give the bytes `writeString` gives for the text they make together.
    public static func writeStringContents(_ text: String, to output: inout [UInt8]) {
        // `withUTF8` reads a small string (up to 15 bytes: most keys and values) from a copy on the stack, where
        // `utf8.withContiguousStorageIfAvailable` gives up on it and the bytes had to be copied into an array.
        var text = text
        text.withUTF8 { writeEscaped($0, to: &output) }
    }

    /// A mask whose lowest set bit (bit 7 of a byte) marks the first byte of `word` that is not plain
    /// printable ASCII: `"`, `\`, a control byte, DEL or a byte of 0x80 and above. Bits above the lowest
    /// may be false alarms; the caller looks at that byte alone and goes on.
    @inline(__always)
    static func nonPlainBytes(in word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let deletes = word ^ (ones &* 0x7F)
        return JSONBytes.specialBytes(in: word) | (word & 0x8080_8080_8080_8080)
            | ((deletes &- ones) & ~deletes & 0x8080_8080_8080_8080)
    }

    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        var position = 0
        let count = utf8.count
        guard let start = utf8.baseAddress else { return }
        while position < count {
            // Eight bytes at a time past plain printable ASCII, the usual text of a record.
            while position + 8 <= count {
                let word = UInt64(littleEndian: UnsafeRawPointer(start + position).loadUnaligned(as: UInt64.self))
                let stop = Self.nonPlainBytes(in: word)
                if stop != 0 {
                    position += stop.trailingZeroBitCount >> 3
                    break
                }
                position += 8
            }
            guard position < count else { break }
            let byte = utf8[position]
            var length = 1
            let escape: EscapeForm
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\") {
                position += 1
                continue
            } else if byte < 0x80 {
                escape = .ascii(byte)
            } else if byte == 0xC2, position + 1 < count, utf8[position + 1] < 0xA0 {
                // U+0080...U+009F, the C1 controls (0x9B is CSI to some terminals).
                escape = .unicode(UInt32(utf8[position + 1]))
                length = 2
            } else if byte == 0xE2, position + 2 < count, utf8[position + 1] == 0x80,
                utf8[position + 2] == 0xA8 || utf8[position + 2] == 0xA9
            {
                escape = .unicode(0x2000 + UInt32(utf8[position + 2]) - 0x80)
                length = 3
            } else {
                position += 1
                continue
            }
            if runStart < position {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<position]))
            }
            escape.write(to: &output)
            position += length
            runStart = position
        }
        if runStart < count {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<count]))
        }
    }
}

/// How one character is escaped in a JSON string.
private enum EscapeForm {
    case ascii(UInt8)
    case unicode(UInt32)

    func write(to output: inout [UInt8]) {
        switch self {
        case .ascii(let byte):
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: "\\\\".utf8)
            case 0x08: output.append(contentsOf: "\\b".utf8)
            case 0x09: output.append(contentsOf: "\\t".utf8)
            case 0x0A: output.append(contentsOf: "\\n".utf8)
            case 0x0C: output.append(contentsOf: "\\f".utf8)
            case 0x0D: output.append(contentsOf: "\\r".utf8)
            default: EscapeForm.unicode(UInt32(byte)).write(to: &output)
            }
        case .unicode(let scalar):
            let digits = Array("0123456789abcdef".utf8)
            output.append(contentsOf: "\\u".utf8)
            for shift in stride(from: 12, through: 0, by: -4) {
                output.append(digits[Int(scalar >> UInt32(shift) & 0xF)])
            }
        }
    }
}
