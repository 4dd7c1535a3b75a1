#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a JSON-lines file (or standard input) line by line in large chunks, in memory bounded by the
/// chunk size and `maxLineBytes` whatever the file's size.
///
/// Every line is reported with its 1-based number and a kind (`JSONLineKind`): data, blank, torn (the
/// last line has no newline, so it is an interrupted write and never data) or too long. `\r\n` endings
/// are accepted. The reader does not own the descriptor: it neither seeks nor closes it, and reading
/// consumes it, so a reader is iterated once. Use `withFile(atPath:)` to have a file opened and closed.
///
/// `forEachLine` is the fast path: it hands each line to the closure straight from the read buffer, so a
/// line can be parsed without being copied. Iterating as a `Sequence` copies each line into a `JSONLine`.
public struct JSONLinesReader: Sequence, Sendable {
    /// The size of one read, 1 MiB.
    public static let defaultChunkSize = 1 << 20
    /// The longest line kept, 16 MiB; a response record is a few kilobytes.
    public static let defaultMaxLineBytes = 16 << 20

    /// The descriptor read from.
    public let fileDescriptor: Int32
    /// How the source is named in errors ("standard input", or the path).
    public let source: String
    /// How many bytes each read asks for.
    public let chunkSize: Int
    /// Lines longer than this (without their newline) are reported as `.tooLong` and skipped.
    public let maxLineBytes: Int

    public init(fileDescriptor: Int32, source: String, chunkSize: Int = JSONLinesReader.defaultChunkSize,
                maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes) {
        self.fileDescriptor = fileDescriptor
        self.source = source
        self.chunkSize = Swift.max(1, chunkSize)
        self.maxLineBytes = Swift.max(1, maxLineBytes)
    }

    /// A reader of the process's standard input (the `-` of `touchpoint score`).
    public static func standardInput(chunkSize: Int = defaultChunkSize, maxLineBytes: Int = defaultMaxLineBytes) -> JSONLinesReader {
        JSONLinesReader(fileDescriptor: STDIN_FILENO, source: "standard input", chunkSize: chunkSize, maxLineBytes: maxLineBytes)
    }

    /// Opens the file at `path`, hands a reader of it to `body`, and closes it afterwards.
    public static func withFile<Result>(
        atPath path: String, chunkSize: Int = defaultChunkSize, maxLineBytes: Int = defaultMaxLineBytes,
        _ body: (JSONLinesReader) throws -> Result
    ) throws -> Result {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw JSONLinesError.system(errno, source: path, lineNumber: 0) }
        defer { close(descriptor) }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            throw JSONLinesError.system(EISDIR, source: path, lineNumber: 0)
        }
        return try body(JSONLinesReader(fileDescriptor: descriptor, source: path, chunkSize: chunkSize, maxLineBytes: maxLineBytes))
    }

    /// Calls `body` with every line in order, borrowed from the read buffer (valid only during the call).
    ///
    /// Throws `JSONLinesError` when reading fails (interrupted reads are retried) and rethrows what `body`
    /// throws, which is also how a caller stops early.
    public func forEachLine(_ body: (JSONLineView) throws -> Void) throws {
        let buffer = JSONLineBuffer(self)
        while let line = try buffer.nextLine() {
            try body(JSONLineView(number: line.number, bytes: buffer.bytes(line), kind: line.kind))
        }
    }

    public func makeIterator() -> Iterator { Iterator(buffer: JSONLineBuffer(self)) }

    /// Yields each line as a copy, or the read error that ended the file (after which it yields nothing).
    public struct Iterator: IteratorProtocol {
        fileprivate let buffer: JSONLineBuffer
        private var finished = false

        fileprivate init(buffer: JSONLineBuffer) { self.buffer = buffer }

        public mutating func next() -> Result<JSONLine, JSONLinesError>? {
            guard !finished else { return nil }
            do {
                guard let line = try buffer.nextLine() else {
                    finished = true
                    return nil
                }
                return .success(JSONLine(number: line.number, bytes: Array(buffer.bytes(line)), kind: line.kind))
            } catch {
                finished = true
                return .failure(error)
            }
        }
    }
}

/// Where a line lies in the buffer.
private struct LineSpan {
    var number: Int
    var start: Int
    var count: Int
    var kind: JSONLineKind
}

/// The read buffer: unconsumed bytes lie in `start..<end`; `scanned` marks how far a newline was looked for.
///
/// The buffer starts at the chunk size and doubles while a single line does not fit, up to `maxLineBytes`
/// plus room for `\r\n`; a longer line is reported by its prefix and then skipped chunk by chunk.
private final class JSONLineBuffer {
    private let descriptor: Int32
    private let source: String
    private let chunkSize: Int
    private let maxLineBytes: Int
    private let maxCapacity: Int
    private var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private var start = 0
    private var end = 0
    private var scanned = 0
    private var lineNumber = 0
    private var atEndOfFile = false
    private var skippingLongLine = false

    init(_ reader: JSONLinesReader) {
        descriptor = reader.fileDescriptor
        source = reader.source
        chunkSize = reader.chunkSize
        maxLineBytes = reader.maxLineBytes
        maxCapacity = max(reader.maxLineBytes + 2, reader.chunkSize)
        capacity = reader.chunkSize
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit { storage.deallocate() }

    func bytes(_ line: LineSpan) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage + line.start, count: line.count)
    }

    /// The next line, or `nil` at the end of the input. The span stays valid until the next call.
    func nextLine() throws(JSONLinesError) -> LineSpan? {
        while true {
            if skippingLongLine {
                if let newline = findNewline(from: start) {
                    start = newline + 1
                    scanned = start
                    skippingLongLine = false
                    continue
                }
                start = 0
                end = 0
                scanned = 0
                if atEndOfFile { return nil }
                try fill()
                continue
            }
            if let newline = findNewline(from: scanned) {
                let lineStart = start
                start = newline + 1
                scanned = start
                return span(from: lineStart, to: newline, ended: true)
            }
            scanned = end
            if atEndOfFile {
                guard start < end else { return nil }
                let lineStart = start
                start = end
                return span(from: lineStart, to: end, ended: false)
            }
            try makeRoom()
            if skippingLongLine {
                // The buffer is full of one line: report its prefix now, skip the rest on the next call.
                lineNumber += 1
                let prefix = LineSpan(number: lineNumber, start: start, count: maxLineBytes, kind: .tooLong)
                start = end
                scanned = end
                return prefix
            }
            try fill()
        }
    }

    private func span(from lineStart: Int, to lineEnd: Int, ended: Bool) -> LineSpan {
        lineNumber += 1
        let bytes = storage.assumingMemoryBound(to: UInt8.self)
        var stop = lineEnd
        if stop > lineStart, bytes[stop - 1] == UInt8(ascii: "\r") { stop -= 1 }
        let count = stop - lineStart
        if count > maxLineBytes {
            return LineSpan(number: lineNumber, start: lineStart, count: maxLineBytes, kind: .tooLong)
        }
        if !ended { return LineSpan(number: lineNumber, start: lineStart, count: count, kind: .torn) }
        var blank = true
        for offset in lineStart..<stop {
            let byte = bytes[offset]
            if byte != 0x20, byte != 0x09, byte != 0x0D {
                blank = false
                break
            }
        }
        return LineSpan(number: lineNumber, start: lineStart, count: count, kind: blank ? .blank : .data)
    }

    private func findNewline(from offset: Int) -> Int? {
        guard offset < end, let found = memchr(storage + offset, 0x0A, end - offset) else { return nil }
        return storage.distance(to: found)
    }

    /// Frees space for the next read: moves the unfinished line to the front, or grows the buffer, or, when
    /// the line already fills the largest buffer allowed, marks it as too long.
    private func makeRoom() throws(JSONLinesError) {
        let free = capacity - end
        if start > 0, free < chunkSize / 2 || free == 0 {
            let pending = end - start
            if pending > 0 { memmove(storage, storage + start, pending) }
            scanned -= start
            end = pending
            start = 0
        }
        guard end == capacity else { return }
        guard capacity < maxCapacity else {
            skippingLongLine = true
            return
        }
        let grown = min(capacity * 2, maxCapacity)
        let larger = UnsafeMutableRawPointer.allocate(byteCount: grown, alignment: 16)
        larger.copyMemory(from: storage, byteCount: end)
        storage.deallocate()
        storage = larger
        capacity = grown
    }

    /// Reads once into the free space, retrying interrupted reads and waiting on non-blocking input.
    private func fill() throws(JSONLinesError) {
        while true {
            let count = read(descriptor, storage + end, capacity - end)
            if count > 0 {
                end += count
                return
            }
            if count == 0 {
                atEndOfFile = true
                return
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
                _ = poll(&request, 1, -1)
                continue
            }
            throw JSONLinesError.system(code, source: source, lineNumber: lineNumber + 1)
        }
    }
}
