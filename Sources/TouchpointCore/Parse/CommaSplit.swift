/// Recognises a text that an unquoted comma split inside a `{...}` mapping.
///
/// In `text: {en: Overall, how satisfied are you?, zh: ...}` YAML ends the `en` entry at the comma and reads
/// `how satisfied are you?` as a key with an empty value. Such a key sits on the same line as the value before
/// it and has no value of its own; the text the author meant is the earlier value and the split-off keys joined
/// again with commas.
struct CommaSplit {
    /// The key whose value was cut short (`en`).
    var key: String
    /// The text as the author wrote it, commas included.
    var intended: String

    /// The split found at `pairs[index]`, or nil when that pair is not a piece split off by a comma.
    static func at(_ index: Int, in pairs: [YAMLPair]) -> CommaSplit? {
        guard isSplitPiece(pairs[index]) else { return nil }
        var first = index
        while first > 0, isSplitPiece(pairs[first - 1]), pairs[first - 1].key.position.line == pairs[first].key.position.line {
            first -= 1
        }
        guard first > 0 else { return nil }
        let owner = pairs[first - 1]
        guard let value = owner.value.scalar, value.style == .plain, let key = owner.key.scalar?.text,
              owner.value.position.line == pairs[first].key.position.line else { return nil }
        var pieces = [value.text]
        var next = first
        while next < pairs.count, isSplitPiece(pairs[next]), pairs[next].key.position.line == owner.value.position.line {
            pieces.append(pairs[next].key.scalar?.text ?? "")
            next += 1
        }
        return CommaSplit(key: key, intended: pieces.joined(separator: ", "))
    }

    /// A plain key with no value at all: what a comma leaves behind.
    private static func isSplitPiece(_ pair: YAMLPair) -> Bool {
        guard let key = pair.key.scalar, key.style == .plain, let value = pair.value.scalar else { return false }
        return value.style == .plain && value.text.isEmpty && value.tag == nil
    }

    /// The message: what the comma did.
    func message(piece: String, of owner: String) -> String {
        "the comma before `\(piece)` splits the `\(key)` text of \(owner): inside `{...}` YAML reads a comma as the end of "
            + "an entry, so `\(piece)` became a key with no value"
    }

    /// The fix: quote the whole text.
    var hint: String {
        let escaped = intended.map { $0 == "\"" ? "\\\"" : String($0) }.joined()
        return "put the text in quotes: `\(key): \"\(escaped)\"`"
    }
}
