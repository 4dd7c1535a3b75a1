/// Where a line was read: which of the sources of one run, and which line of it.
public struct ResponseLocation: Sendable, Hashable {
    /// The position of the source in the list given to the reader.
    public var sourceIndex: Int
    /// The 1-based line number.
    public var line: Int

    /// Line `line` of the source at `sourceIndex`.
    public init(sourceIndex: Int, line: Int) {
        self.sourceIndex = sourceIndex
        self.line = line
    }

    fileprivate var packed: UInt64 { UInt64(sourceIndex) << 40 | UInt64(line) & (1 << 40 - 1) }

    fileprivate init(packed: UInt64) {
        self.init(sourceIndex: Int(packed >> 40), line: Int(packed & (1 << 40 - 1)))
    }
}

/// The `response_id`s already scored, with where each was first seen, in little memory.
///
/// A million UUIDs as `String`s would take about 100 MB; here a lowercase canonical UUID (what `touchpoint
/// run` writes) is kept as its 128 bits, 24 bytes with its location, plus an 8-byte slot of an open-addressing
/// index (at most 3/4 full). Any other id is kept as a string. The set is exact: two ids are the same only
/// when their text is, so `ABC…` and `abc…` differ, as they do in the files.
public struct ResponseIDSet: Sendable {
    /// An id prepared for lookups, so that a line's id is parsed and hashed once.
    struct Key: Sendable {
        fileprivate enum Storage: Sendable {
            case uuid(high: UInt64, low: UInt64, hash: UInt64)
            case text(String)
        }

        fileprivate let storage: Storage

        init(_ id: String) {
            if let (high, low) = ResponseIDSet.uuidBits(id) {
                storage = .uuid(high: high, low: low, hash: ResponseIDSet.hash(high, low))
            } else {
                storage = .text(id)
            }
        }

        /// The key of the id whose ASCII text is the `count` bytes at `start`, read from the bytes (no `String`
        /// looked through), or nil when it is not a canonical UUID: then `init(_:)` with the text.
        init?(uuidBytes start: UnsafePointer<UInt8>, count: Int) {
            guard let (high, low) = ResponseIDSet.uuidBits(UnsafeBufferPointer(start: start, count: count)) else { return nil }
            self.init(high: high, low: low)
        }

        fileprivate init(high: UInt64, low: UInt64) {
            storage = .uuid(high: high, low: low, hash: ResponseIDSet.hash(high, low))
        }

        fileprivate init(storage: Storage) {
            self.storage = storage
        }
    }

    private struct Entry: Sendable {
        var high: UInt64
        var low: UInt64
        var location: UInt64
    }

    private var entries: [Entry] = []
    /// 0 is an empty slot; otherwise the hash's upper 32 bits and the entry's index plus one.
    private var slots: [UInt64] = Array(repeating: 0, count: 1024)
    private var others: [String: UInt64] = [:]
    /// Whole sets taken in by `formUnion` and kept as they were, instead of inserted id by id: the parts
    /// of a file scored on several cores join in no time and with no second copy of their ids. Lookups ask
    /// them after this set's own table.
    private var absorbed: [ResponseIDSet] = []

    /// How many whole sets `formUnion` keeps before it inserts the next one's ids instead.
    private static let absorbedLimit = 8

    /// An empty set.
    public init() {}

    /// How many distinct ids the set holds.
    public var count: Int { entries.count + others.count + absorbed.reduce(0) { $0 + $1.count } }

    /// Where `id` was first recorded, or `nil` if it never was.
    public func location(of id: String) -> ResponseLocation? { location(of: Key(id)) }

    /// Records `id` as first seen at `location`; returns the earlier location instead when it is already there.
    @discardableResult
    public mutating func insert(_ id: String, at location: ResponseLocation) -> ResponseLocation? {
        insert(Key(id), at: location)
    }

    func location(of key: Key) -> ResponseLocation? {
        if let earlier = absorbedLocation(of: key) { return earlier }
        return ownLocation(of: key)
    }

    /// Where a set taken in whole has `key`.
    private func absorbedLocation(of key: Key) -> ResponseLocation? {
        for set in absorbed {
            if let earlier = set.location(of: key) { return earlier }
        }
        return nil
    }

    private func ownLocation(of key: Key) -> ResponseLocation? {
        switch key.storage {
        case .text(let id):
            return others[id].map(ResponseLocation.init(packed:))
        case .uuid(let high, let low, let hash):
            return find(high, low, hash).map { ResponseLocation(packed: entries[$0].location) }
        }
    }

    @discardableResult
    mutating func insert(_ key: Key, at location: ResponseLocation) -> ResponseLocation? {
        if let earlier = absorbedLocation(of: key) { return earlier }
        switch key.storage {
        case .text(let id):
            if let earlier = others[id] { return ResponseLocation(packed: earlier) }
            others[id] = location.packed
            return nil
        case .uuid(let high, let low, let hash):
            if let index = find(high, low, hash) { return ResponseLocation(packed: entries[index].location) }
            if (entries.count + 1) * 4 > slots.count * 3 { rehash(to: slots.count * 2) }
            entries.append(Entry(high: high, low: low, location: location.packed))
            place(hash: hash, entry: entries.count)
            return nil
        }
    }

    /// The earlier location of `key`, or where it would go: reading a line looks its id up before scoring it
    /// and records it after, and this saves the second search of a table far larger than the caches.
    func probe(_ key: Key) -> (earlier: ResponseLocation?, slot: Int) {
        if !absorbed.isEmpty, let earlier = absorbedLocation(of: key) { return (earlier, -1) }
        switch key.storage {
        case .text(let id):
            return (others[id].map(ResponseLocation.init(packed:)), -1)
        case .uuid(let high, let low, let hash):
            let mask = slots.count - 1
            var index = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = slots[index]
                if slot == 0 { return (nil, index) }
                if slot >> 32 == hash >> 32 {
                    let entry = entries[Int(slot & 0xFFFF_FFFF) - 1]
                    if entry.high == high, entry.low == low { return (ResponseLocation(packed: entry.location), index) }
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Records a key that `probe` found absent, at the slot it gave (if nothing was added since).
    mutating func insert(_ key: Key, at location: ResponseLocation, probedSlot: Int) {
        guard case .uuid(let high, let low, let hash) = key.storage, probedSlot >= 0,
              (entries.count + 1) * 4 <= slots.count * 3, slots[probedSlot] == 0 else {
            insert(key, at: location)
            return
        }
        entries.append(Entry(high: high, low: low, location: location.packed))
        slots[probedSlot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entries.count)
    }

    /// Whether any id is in both sets.
    func overlaps(_ other: ResponseIDSet) -> Bool {
        let (small, large) = count <= other.count ? (self, other) : (other, self)
        return small.containsAny(of: large)
    }

    /// Whether any id of this set (its own and those it took in whole) is in `other`.
    private func containsAny(of other: ResponseIDSet) -> Bool {
        for entry in entries where other.location(of: Key(high: entry.high, low: entry.low)) != nil { return true }
        if others.keys.contains(where: { other.location(of: Key(storage: .text($0))) != nil }) { return true }
        return absorbed.contains { $0.containsAny(of: other) }
    }

    /// Adds every id of `other` (which must share none with this set) with its location.
    mutating func formUnion(_ other: ResponseIDSet) {
        if absorbed.count < Self.absorbedLimit, other.count * 4 >= entries.count {
            absorbed.append(other)
            return
        }
        for set in other.absorbed { formUnion(set) }
        entries.reserveCapacity(entries.count + other.entries.count)
        var size = slots.count
        while (entries.count + other.entries.count) * 4 > size * 3 { size *= 2 }
        if size != slots.count { rehash(to: size) }
        for entry in other.entries {
            insert(Key(high: entry.high, low: entry.low), at: ResponseLocation(packed: entry.location))
        }
        for (id, location) in other.others where others[id] == nil { others[id] = location }
    }

    private func find(_ high: UInt64, _ low: UInt64, _ hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while true {
            let slot = slots[index]
            if slot == 0 { return nil }
            if slot >> 32 == hash >> 32 {
                let entry = Int(slot & 0xFFFF_FFFF) - 1
                if entries[entry].high == high, entries[entry].low == low { return entry }
            }
            index = (index + 1) & mask
        }
    }

    private mutating func place(hash: UInt64, entry: Int) {
        let mask = slots.count - 1
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(entry)
    }

    private mutating func rehash(to size: Int) {
        slots = []
        slots = Array(repeating: 0, count: size)
        for (offset, entry) in entries.enumerated() {
            place(hash: Self.hash(entry.high, entry.low), entry: offset + 1)
        }
    }

    /// A 64-bit mix of the two halves (the finaliser of MurmurHash3), so that hand-made ids such as
    /// `00000000-0000-0000-0000-000000000001` still spread over the slots.
    fileprivate static func hash(_ high: UInt64, _ low: UInt64) -> UInt64 {
        var x = high ^ (low &* 0x9E37_79B9_7F4A_7C15)
        x ^= x >> 33
        x = x &* 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x = x &* 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The 128 bits of `8-4-4-4-12` lowercase hexadecimal text, or `nil` for any other id.
    fileprivate static func uuidBits(_ id: String) -> (UInt64, UInt64)? {
        var id = id
        return id.withUTF8 { uuidBits($0) }
    }

    /// `uuidBits` of the text whose UTF-8 is `utf8`.
    fileprivate static func uuidBits(_ utf8: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        guard utf8.count == 36, let start = utf8.baseAddress, utf8[8] == UInt8(ascii: "-"), utf8[13] == UInt8(ascii: "-"),
              utf8[18] == UInt8(ascii: "-"), utf8[23] == UInt8(ascii: "-") else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var invalid: UInt8 = 0
        hexDigits(start, 0..<8, into: &high, invalid: &invalid)
        hexDigits(start, 9..<13, into: &high, invalid: &invalid)
        hexDigits(start, 14..<18, into: &high, invalid: &invalid)
        hexDigits(start, 19..<23, into: &low, invalid: &invalid)
        hexDigits(start, 24..<36, into: &low, invalid: &invalid)
        return invalid == 0 ? (high, low) : nil
    }

    /// Shifts the lowercase hexadecimal digits at `offsets` into `value`; sets a bit of `invalid` for any
    /// byte that is not one.
    @inline(__always)
    private static func hexDigits(_ start: UnsafePointer<UInt8>, _ offsets: Range<Int>, into value: inout UInt64,
                                  invalid: inout UInt8) {
        for offset in offsets {
            let byte = start[offset]
            let decimal = byte &- UInt8(ascii: "0")
            let letter = byte &- UInt8(ascii: "a")
            let digit: UInt8 = decimal < 10 ? decimal : (letter < 6 ? letter &+ 10 : 0xFF)
            invalid |= digit & 0xF0
            value = value << 4 | UInt64(digit & 0x0F)
        }
    }
}
