/// Where each key was first seen, for finding duplicates among a few keys (the options of one question) cheaply:
/// up to `linearLimit` keys are compared one by one, beyond that they are hashed.
struct FirstSeen<Key: Hashable> {
    private var few: [(key: Key, position: SourcePosition)] = []
    private var many: [Key: SourcePosition]?

    private static var linearLimit: Int { 16 }

    /// Records `key` at `position` unless it was seen before; returns where it was first seen, if it was.
    mutating func insert(_ key: Key, at position: SourcePosition) -> SourcePosition? {
        if var many {
            if let first = many[key] { return first }
            self.many = nil
            many[key] = position
            self.many = many
            return nil
        }
        if let first = few.first(where: { $0.key == key }) { return first.position }
        few.append((key, position))
        if few.count > Self.linearLimit {
            many = Dictionary(few, uniquingKeysWith: { first, _ in first })
            few = []
        }
        return nil
    }
}
