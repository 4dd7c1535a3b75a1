/// A JSON object that keeps its members in the order they were read or added.
///
/// Response records are written in a fixed key order (SPEC section 5), so order is part of the value: two
/// objects with the same members in a different order are not equal here. Repeated keys are kept as read,
/// so a checker can report them (`duplicateKeys`); lookups by key find the first one. Lookup is a linear
/// scan, which beats hashing for the 10 to 30 keys of a record and builds nothing while parsing.
///
/// As a collection its elements are `(key:, value:)` pairs, so `for (key, value) in object` works.
public struct JSONObject: Hashable, Sendable, RandomAccessCollection {
    /// One member: a key and its value.
    ///
    /// A struct rather than a tuple because the runtime copies and destroys tuples through generic code,
    /// which made parsing a third slower.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var value: JSONValue

        public init(key: String, value: JSONValue) {
            self.key = key
            self.value = value
        }
    }

    public typealias Element = (key: String, value: JSONValue)

    /// The members in order.
    public private(set) var members: [Member]

    /// An empty object.
    public init() { members = [] }

    /// An object with these members, in this order, repeated keys included.
    public init(members: [Member]) { self.members = members }

    /// An object with these key-value pairs, in this order, repeated keys included.
    public init(_ pairs: [(key: String, value: JSONValue)]) {
        members = pairs.map { Member(key: $0.key, value: $0.value) }
    }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }

    public subscript(position: Int) -> Element {
        let member = members[position]
        return (key: member.key, value: member.value)
    }

    /// The value of the first member named `key`; setting replaces that value in place or appends a new
    /// member, and setting `nil` removes every member named `key`.
    public subscript(key: String) -> JSONValue? {
        get {
            for member in members where member.key == key { return member.value }
            return nil
        }
        set {
            guard let newValue else {
                members.removeAll { $0.key == key }
                return
            }
            if let index = members.firstIndex(where: { $0.key == key }) {
                members[index].value = newValue
            } else {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    /// Whether a member named `key` exists.
    public func contains(key: String) -> Bool { members.contains { $0.key == key } }

    /// The keys in order, repeated keys included.
    public var keys: [String] { members.map(\.key) }

    /// Adds a member at the end even if the key is already present (as a parser does for repeated keys).
    public mutating func append(key: String, value: JSONValue) {
        members.append(Member(key: key, value: value))
    }

    /// Adds a member at the end even if its key is already present.
    public mutating func append(_ member: Member) {
        members.append(member)
    }

    /// Removes every member, keeping the storage for members added next (a reader that reuses one object
    /// for every line allocates nothing for it).
    public mutating func removeAll() {
        members.removeAll(keepingCapacity: true)
    }

    /// Keys that appear more than once, each named once, in the order of their second appearance.
    public var duplicateKeys: [String] {
        var seen = Set<String>()
        var reported = Set<String>()
        var result: [String] = []
        for member in members where !seen.insert(member.key).inserted {
            if reported.insert(member.key).inserted { result.append(member.key) }
        }
        return result
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    /// An object whose members keep the order written in the literal.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        members = elements.map { Member(key: $0.0, value: $0.1) }
    }
}
