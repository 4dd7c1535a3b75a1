#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Strings that recur on every line (record keys, question ids, option values), which the parser hands out
/// from this table instead of building a new `String` each time.
///
/// Making a `String` from bytes costs more than scanning it, and a response line is mostly keys and option
/// values that every other line repeats. `JSONParser` looks each string no longer than the table's longest
/// up here first; a hit also skips UTF-8 validation, as the bytes equal a valid string. The table is
/// immutable and `Sendable`; build one per questionnaire with `adding(_:)`.
public struct JSONStringTable: Sendable, Hashable {
    /// The strings, in the order given, without repeats.
    public var strings: [String] { storage.strings }
    let storage: JSONStringStorage

    /// A table of `strings`.
    public init(_ strings: some Sequence<String>) {
        var unique: [String] = []
        var seen = Set<String>()
        for string in strings where seen.insert(string).inserted { unique.append(string) }
        storage = JSONStringStorage(unique)
    }

    /// This table with `more` strings added.
    public func adding(_ more: some Sequence<String>) -> JSONStringTable {
        JSONStringTable(strings + Array(more))
    }

    /// Whether `string` is in the table.
    public func contains(_ string: String) -> Bool {
        var copy = string
        return copy.withUTF8 { utf8 in
            guard let start = utf8.baseAddress else { return storage.strings.contains("") }
            return storage.lookup.find(start, count: utf8.count, canReadEight: false) != nil
        }
    }

    /// No strings: every string is built anew.
    public static let empty = JSONStringTable([])

    public static func == (lhs: JSONStringTable, rhs: JSONStringTable) -> Bool { lhs.strings == rhs.strings }
    public func hash(into hasher: inout Hasher) { hasher.combine(strings) }
}

/// The table's memory: an open-addressing hash table over the strings' bytes, in buffers that never move or
/// change after `init`, so scanners can read them through plain pointers (no reference counting per lookup).
final class JSONStringStorage: @unchecked Sendable {
    // @unchecked: every stored property is set once in init and never written again; the buffers are
    // freed only in deinit, when no scanner can hold the storage any more.
    let strings: [String]
    let lookup: JSONStringLookup
    private let slots: UnsafeMutablePointer<JSONStringLookup.Slot>
    private let values: UnsafeMutablePointer<String>
    private let bytes: UnsafeMutablePointer<UInt8>

    init(_ strings: [String]) {
        let utf8 = strings.map { Array($0.utf8) }
        var bits: UInt64 = 4
        while (1 << bits) < strings.count * 2 { bits += 1 }
        let slotCount = 1 << Int(bits)
        let slots = UnsafeMutablePointer<JSONStringLookup.Slot>.allocate(capacity: slotCount)
        slots.initialize(repeating: JSONStringLookup.Slot(), count: slotCount)
        let values = UnsafeMutablePointer<String>.allocate(capacity: Swift.max(1, strings.count))
        values.initialize(from: strings, count: strings.count)
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: Swift.max(1, utf8.reduce(0) { $0 + $1.count }))
        let lookup = JSONStringLookup(slots: slots, mask: slotCount - 1, shift: 64 - bits, values: values,
                                      bytes: bytes, longest: utf8.map(\.count).max() ?? -1)
        var offset = 0
        for (number, string) in utf8.enumerated() {
            string.withUnsafeBufferPointer { buffer in
                if let start = buffer.baseAddress { (bytes + offset).initialize(from: start, count: buffer.count) }
                let (first, last) = JSONStringLookup.words(buffer.baseAddress, count: buffer.count)
                var slot = Int(JSONStringLookup.hash(first, last, count: buffer.count) >> lookup.shift)
                while slots[slot].string >= 0 { slot = (slot + 1) & lookup.mask }
                slots[slot] = JSONStringLookup.Slot(count: Int32(buffer.count), string: Int32(number),
                                                    offset: Int32(offset), first: first, last: last)
            }
            offset += string.count
        }
        self.strings = strings
        self.slots = slots
        self.values = values
        self.bytes = bytes
        self.lookup = lookup
    }

    deinit {
        values.deinitialize(count: strings.count)
        values.deallocate()
        slots.deallocate()
        bytes.deallocate()
    }
}

/// A borrowed view of a `JSONStringStorage`, valid while the storage is alive.
struct JSONStringLookup {
    /// One stored string: its length, where its bytes are, and its first and last eight bytes (which alone
    /// identify strings of up to 16 bytes; longer ones are also compared in full).
    struct Slot {
        var count: Int32 = 0
        var string: Int32 = -1
        var offset: Int32 = 0
        var first: UInt64 = 0
        var last: UInt64 = 0
    }

    let slots: UnsafePointer<Slot>
    let mask: Int
    let shift: UInt64
    let values: UnsafePointer<String>
    let bytes: UnsafePointer<UInt8>
    /// The longest stored string in bytes (-1 when empty): longer input is rejected before hashing.
    let longest: Int

    init(slots: UnsafeMutablePointer<Slot>, mask: Int, shift: UInt64, values: UnsafeMutablePointer<String>,
         bytes: UnsafeMutablePointer<UInt8>, longest: Int) {
        self.slots = UnsafePointer(slots)
        self.mask = mask
        self.shift = shift
        self.values = UnsafePointer(values)
        self.bytes = UnsafePointer(bytes)
        self.longest = longest
    }

    /// The number of the stored string equal to the `count` bytes at `start`, if any. With `canReadEight`,
    /// the caller promises that eight bytes from `start` are readable even when `count` is smaller.
    @inline(__always)
    func find(_ start: UnsafePointer<UInt8>, count: Int, canReadEight: Bool) -> Int? {
        guard count <= longest else { return nil }
        let first: UInt64
        let last: UInt64
        if count >= 8 {
            first = Self.load(start)
            last = Self.load(start + count - 8)
        } else if canReadEight {
            first = Self.load(start) & ~(UInt64.max << UInt64(count &* 8))
            last = first
        } else {
            (first, last) = Self.words(start, count: count)
        }
        var slot = Int(Self.hash(first, last, count: count) >> shift)
        while true {
            let candidate = slots[slot]
            if candidate.string < 0 { return nil }
            if Int(candidate.count) == count, candidate.first == first, candidate.last == last,
                count <= 16 || memcmp(bytes + Int(candidate.offset) + 8, start + 8, count - 16) == 0
            {
                return Int(candidate.string)
            }
            slot = (slot + 1) & mask
        }
    }

    /// The stored string equal to the `count` bytes at `start`, if any.
    @inline(__always)
    func string(_ start: UnsafePointer<UInt8>, count: Int, canReadEight: Bool) -> String? {
        guard let number = find(start, count: count, canReadEight: canReadEight) else { return nil }
        return values[number]
    }

    @inline(__always)
    static func load(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The first and last eight bytes (or the bytes, zero-padded, when fewer), read without overrunning.
    static func words(_ start: UnsafePointer<UInt8>?, count: Int) -> (UInt64, UInt64) {
        guard let start, count > 0 else { return (0, 0) }
        if count >= 8 { return (load(start), load(start + count - 8)) }
        var word: UInt64 = 0
        for offset in 0..<count { word |= UInt64(start[offset]) << UInt64(offset * 8) }
        return (word, word)
    }

    @inline(__always)
    static func hash(_ first: UInt64, _ last: UInt64, count: Int) -> UInt64 {
        (first &* 0x9E37_79B9_7F4A_7C15) ^ ((last ^ UInt64(count)) &* 0xC2B2_AE3D_27D4_EB4F)
    }
}
