import TouchpointJSON

/// Keys in the order a writer puts them, each with its quotes, in flat memory: a reader that expects the next
/// key of a record checks it with one comparison (`JSONCursor.key(matching:count:)`) before scanning it as a
/// string and looking it up. No arrays are touched on a check, so no reference counting in the line loop.
final class QuotedKeys: @unchecked Sendable {
    // @unchecked: every property is set in init and never written again; the buffers are freed in deinit.
    private let bytes: UnsafeMutablePointer<UInt8>
    /// Key `n` is `bytes[offsets[n]..<offsets[n + 1]]`.
    private let offsets: UnsafeMutablePointer<Int>
    let count: Int

    init(_ keys: [String]) {
        count = keys.count
        let quoted = keys.map { [UInt8(ascii: "\"")] + Array($0.utf8) + [UInt8(ascii: "\"")] }
        bytes = .allocate(capacity: max(quoted.reduce(0) { $0 + $1.count }, 1))
        offsets = .allocate(capacity: keys.count + 1)
        var offset = 0
        for (index, key) in quoted.enumerated() {
            offsets[index] = offset
            (bytes + offset).initialize(from: key, count: key.count)
            offset += key.count
        }
        offsets[keys.count] = offset
    }

    deinit {
        bytes.deallocate()
        offsets.deallocate()
    }

    /// Consumes key `index` and its `:` when the cursor is at it, written exactly so.
    @inline(__always)
    func consume(_ index: Int, from cursor: inout JSONCursor) -> Bool {
        cursor.key(matching: bytes + offsets[index], count: offsets[index + 1] - offsets[index])
    }
}
