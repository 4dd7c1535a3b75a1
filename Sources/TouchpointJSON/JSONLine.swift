/// What the reader found on a line of a JSON-lines file.
public enum JSONLineKind: Sendable, Hashable {
    /// A line ended by a newline, with something other than whitespace on it: parse it.
    case data
    /// An empty or whitespace-only line ended by a newline: skip it.
    case blank
    /// The last line of the file, with no newline after it: a write that was cut short (a crash, a full
    /// disk), so never data. SPEC section 6 reports it as incomplete.
    case torn
    /// A line longer than the reader's `maxLineBytes`; `bytes` holds only its first `maxLineBytes` bytes and
    /// the rest was skipped without being kept in memory.
    case tooLong
}

/// One line of a JSON-lines file, copied out of the reader's buffer.
public struct JSONLine: Sendable, Hashable {
    /// The 1-based line number in the file, counting blank lines, as an editor shows it.
    public var number: Int
    /// The line without its newline (and without the `\r` of a CRLF ending).
    public var bytes: [UInt8]
    public var kind: JSONLineKind

    public init(number: Int, bytes: [UInt8], kind: JSONLineKind) {
        self.number = number
        self.bytes = bytes
        self.kind = kind
    }

    /// Whether this is the unfinished last line of the file.
    public var isTorn: Bool { kind == .torn }
    /// Whether this line is empty or only whitespace.
    public var isBlank: Bool { kind == .blank }
}

/// One line of a JSON-lines file, borrowed from the reader's buffer during a `forEachLine` call.
///
/// `bytes` is valid only inside the closure it is passed to; copy it (or parse it) there.
public struct JSONLineView {
    /// The 1-based line number in the file, counting blank lines.
    public let number: Int
    /// The line without its newline (and without the `\r` of a CRLF ending).
    public let bytes: UnsafeRawBufferPointer
    public let kind: JSONLineKind

    /// Whether this is the unfinished last line of the file.
    public var isTorn: Bool { kind == .torn }
    /// Whether this line is empty or only whitespace.
    public var isBlank: Bool { kind == .blank }

    /// A copy that outlives the closure.
    public func copy() -> JSONLine { JSONLine(number: number, bytes: Array(bytes), kind: kind) }
}
