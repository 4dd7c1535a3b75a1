/// Why a JSON text was rejected, and where.
///
/// `offset` counts bytes from the start of the text (0-based). `line` and `column` are 1-based; `column`
/// counts Unicode scalars from the start of its line, like `SourcePosition`, so a Chinese character is one
/// column. For one JSON line, `line` is always 1 and the caller supplies the file's line number.
public struct JSONError: Error, Sendable, Hashable, CustomStringConvertible {
    public var offset: Int
    public var line: Int
    public var column: Int
    /// What is wrong and how to fix it, without the position.
    public var message: String

    public init(offset: Int, line: Int = 1, column: Int, message: String) {
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    /// The message followed by where it happened: "... at column 87" (or "at line 3, column 5").
    public var description: String {
        line == 1 ? "\(message) at column \(column)" : "\(message) at line \(line), column \(column)"
    }

    /// An error at byte `offset` of `bytes`, with its line and column worked out from the bytes before it.
    static func at(_ offset: Int, in bytes: UnsafeRawBufferPointer, _ message: String) -> JSONError {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        var column = 1
        // Continuation bytes (10xxxxxx) do not start a scalar, so they do not move the column.
        for index in lineStart..<end where bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        return JSONError(offset: offset, line: line, column: column, message: message)
    }
}
