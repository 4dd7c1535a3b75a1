/// The keys a caller wants from `JSONParser.parseObject(_:keeping:)`, prepared once for many lines.
///
/// Keys are matched on their UTF-8 bytes through a small hash table, so an object's other keys are never
/// turned into `String`s and the kept ones are shared, not rebuilt. A kept key may carry a nested set,
/// which selects inside its value when that value is an object: scoring needs `answers` only for the
/// questions its scores name, and skipping the rest is several times cheaper than building them.
public struct JSONKeySet: Sendable, Hashable {
    let table: JSONStringTable
    /// The nested selection of each key, by the key's position in `keys`.
    let children: [JSONKeySet?]
    /// Whether any key has a nested selection (checked first, so plain sets copy nothing per key).
    let hasNested: Bool

    /// Keep these keys, with their whole values.
    public init(_ keys: some Sequence<String>) {
        self.init(keys, nested: [:])
    }

    /// Keep `keys` with their whole values, and the keys of `nested` with only the selected members of
    /// their values (a value that is not an object is kept whole).
    public init(_ keys: some Sequence<String>, nested: [String: JSONKeySet]) {
        let table = JSONStringTable(Array(keys) + nested.keys.sorted())
        self.table = table
        children = table.strings.map { nested[$0] }
        hasNested = !nested.isEmpty
    }

    /// The keys, in the order given, without repeats (nested ones last, sorted).
    public var keys: [String] { table.strings }

    /// Whether `key` is one of the keys.
    public func contains(_ key: String) -> Bool { table.contains(key) }

    /// The selection inside the value of `key`, if it has one.
    public func nested(_ key: String) -> JSONKeySet? {
        keys.firstIndex(of: key).flatMap { children[$0] }
    }
}
