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
final class ByteTable: @unchecked Sendable {
    // @unchecked: every property is set in init and never written again; the buffer is freed in deinit.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Per length, the entries of that length as (offset in `bytes`, position in the list); lengths past
    /// `longest` have none.
    private let byLength: [[(offset: Int, position: Int)]]
    /// The strings, in the order given.
    let strings: [String]

    /// A table of `strings`; of repeated strings the first position wins.
    init(_ strings: [String]) {
        self.strings = strings
        let utf8 = strings.map { Array($0.utf8) }
        let total = utf8.reduce(0) { $0 + $1.count }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(total, 1))
        self.bytes = bytes
        var byLength: [[(offset: Int, position: Int)]] = Array(repeating: [], count: (utf8.map(\.count).max() ?? 0) + 1)
        var offset = 0
        for (position, string) in utf8.enumerated() {
            (bytes + offset).initialize(from: string, count: string.count)
            if !byLength[string.count].contains(where: { memcmp(bytes + $0.offset, bytes + offset, string.count) == 0 }) {
                byLength[string.count].append((offset, position))
            }
            offset += string.count
        }
        self.byLength = byLength
    }

    deinit { bytes.deallocate() }

    /// The position of the string whose bytes are the `count` bytes at `start`, if any.
    @inline(__always)
    func position(_ start: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count < byLength.count else { return nil }
        for entry in byLength[count] where memcmp(bytes + entry.offset, start, count) == 0 { return entry.position }
        return nil
    }
}
