/// A map from strings to values tuned for the few keys of a questionnaire (question ids, option values,
/// loop keys), looked up millions of times while scoring.
///
/// Up to `linearLimit` keys it compares strings one by one, those of the same length only: ids and option
/// values are short and mostly differ in length, which beats hashing them. Beyond that it hashes.
///
/// Strings are compared with `==`, canonical equivalence included, so a key matches exactly when a `Set`
/// or `Dictionary` would match it: equivalent strings of different UTF-8 lengths (composed and decomposed
/// accents) are the one case the length test would miss, so keys that are not plain ASCII always hash, and
/// a non-ASCII string looked up among ASCII keys is compared with all of them.
struct StringLookup<Value: Sendable>: Sendable {
    static var linearLimit: Int { 16 }

    private let keys: [String]
    /// The keys' lengths in UTF-8 bytes: comparing them first (a stored number for native strings) skips
    /// most string comparisons, which for different short strings cost a function call each.
    private let lengths: [Int]
    private let values: [Value]
    private let index: [String: Int]
    /// Whether lookups hash (many keys, or keys beyond ASCII).
    private let hashes: Bool

    /// The map of `pairs`; the first of repeated keys wins.
    init(_ pairs: [(String, Value)]) {
        var keys: [String] = []
        var values: [Value] = []
        var index: [String: Int] = [:]
        for (key, value) in pairs where index[key] == nil {
            index[key] = keys.count
            keys.append(key)
            values.append(value)
        }
        self.keys = keys
        self.lengths = keys.map(\.utf8.count)
        self.values = values
        hashes = keys.count > Self.linearLimit || keys.contains { $0.utf8.contains { $0 >= 0x80 } }
        self.index = hashes ? index : [:]
    }

    subscript(key: String) -> Value? {
        if hashes { return index[key].map { values[$0] } }
        let length = key.utf8.count
        for position in keys.indices where lengths[position] == length && keys[position] == key { return values[position] }
        // A key beyond ASCII can equal an ASCII one of another length (the Kelvin sign is a `K`).
        guard key.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
        for position in keys.indices where keys[position] == key { return values[position] }
        return nil
    }

    func contains(_ key: String) -> Bool { self[key] != nil }

    var isEmpty: Bool { keys.isEmpty }
}

extension StringLookup where Value == Void {
    /// A set of strings.
    init(_ keys: some Sequence<String>) {
        self.init(keys.map { ($0, ()) })
    }
}
