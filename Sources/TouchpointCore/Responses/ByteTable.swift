#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A fixed set of strings looked up by their UTF-8 bytes, giving each one's position in the list it was
/// built from: the record keys, question ids, option values and loop keys that `RecordScanner` meets on
/// every line, found without making a `String`.
///
/// A hit means the bytes are exactly those of the string, so the text is equal to it; a miss says nothing
/// about canonically equivalent spellings (which `String ==` would match), so callers treat a miss on
/// anything but plain ASCII as "ask the slow path".
///
/// The table is flat memory (no arrays touched on a lookup, so no reference counting in the line loop):
/// the entries sorted by length, a start index per length, and the strings' bytes; a lookup compares the
/// candidates of the right length eight bytes at a time.
final class ByteTable: @unchecked Sendable {
    // @unchecked: every property is set in init and never written again; the buffers are freed in deinit.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// `starts[n]..<starts[n + 1]` are the entries of strings `n` bytes long, for `n < lengthCount`.
    private let starts: UnsafeMutablePointer<Int32>
    /// Each entry: the offset of its bytes in `bytes` (upper 32 bits) and its position in the list (lower).
    private let entries: UnsafeMutablePointer<UInt64>
    /// One more than the longest string's length.
    private let lengthCount: Int
    /// The strings, in the order given.
    let strings: [String]

    /// A table of `strings`; of repeated strings the first position wins.
    init(_ strings: [String]) {
        self.strings = strings
        let utf8 = strings.map { Array($0.utf8) }
        let total = utf8.reduce(0) { $0 + $1.count }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        self.bytes = bytes
        let lengthCount = (utf8.map(\.count).max() ?? 0) + 1
        self.lengthCount = lengthCount
        var byLength: [[(offset: Int, position: Int)]] = Array(repeating: [], count: lengthCount)
        var offset = 0
        for (position, string) in utf8.enumerated() {
            (bytes + offset).initialize(from: string, count: string.count)
            if !byLength[string.count].contains(where: { memcmp(bytes + $0.offset, bytes + offset, string.count) == 0 }) {
                byLength[string.count].append((offset, position))
            }
            offset += string.count
        }
        starts = UnsafeMutablePointer<Int32>.allocate(capacity: lengthCount + 1)
        let entryCount = byLength.reduce(0) { $0 + $1.count }
        entries = UnsafeMutablePointer<UInt64>.allocate(capacity: max(entryCount, 1))
        var next = 0
        for length in 0..<lengthCount {
            starts[length] = Int32(next)
            for entry in byLength[length] {
                entries[next] = UInt64(entry.offset) << 32 | UInt64(entry.position)
                next += 1
            }
        }
        starts[lengthCount] = Int32(next)
    }

    deinit {
        bytes.deallocate()
        starts.deallocate()
        entries.deallocate()
    }

    /// The position of the string whose bytes are the `count` bytes at `start`, if any.
    @inline(__always)
    func position(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count < lengthCount else { return nil }
        var index = Int(starts[count])
        let stop = Int(starts[count + 1])
        while index < stop {
            let entry = entries[index]
            if Self.equal(bytes + Int(entry >> 32), start, count) { return Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) }
            index += 1
        }
        return nil
    }

    /// Whether `count` bytes at `a` and `b` are the same, compared eight, then four, then one at a time.
    @inline(__always)
    private static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var offset = 0
        let left = UnsafeRawPointer(a)
        let right = UnsafeRawPointer(b)
        while offset + 8 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) {
                return false
            }
            offset += 8
        }
        if offset + 4 <= count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt32.self) != right.loadUnaligned(fromByteOffset: offset, as: UInt32.self) {
                return false
            }
            offset += 4
        }
        while offset < count {
            if a[offset] != b[offset] { return false }
            offset += 1
        }
        return true
    }
}
