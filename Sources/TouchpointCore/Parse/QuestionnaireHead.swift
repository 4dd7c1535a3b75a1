/// The head of a questionnaire file: its bytes up to the start of an entry of a `questions` list, cut far enough
/// in to hold the first questions. `run` draws its first screen from the head while the whole file is still being
/// checked (the command-line target's `FirstScreenPreview`), and keeps that screen only if the whole file, once
/// checked, gives the very same one.
///
/// The cut reads lines, not YAML: it follows the indentation of `questions:` keys and their entries, and of
/// block scalars (`|`, `>`), whose lines it never cuts before. A file it misreads (flow collections or quoted
/// strings spread over lines) only gives a head that does not parse or check, or a different screen: both are
/// thrown away, so the head never decides anything.
public enum QuestionnaireHead {
    /// The bytes before the first entry of a `questions` list (or the first top-level key after the list) that
    /// starts at least `minimum` bytes into the file; nil when there is none, or the file has no `questions:`
    /// key at the top level before it.
    public static func cut(_ bytes: [UInt8], atLeast minimum: Int) -> ArraySlice<UInt8>? {
        // The `questions:` keys the current line is inside, innermost last: the key's indentation and that of
        // its entries (known at its first entry).
        var lists: [(key: Int, entries: Int?)] = []
        var sawTopQuestions = false
        // Lines more indented than this belong to a block scalar.
        var blockScalar: Int?
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
            let next = min(end + 1, bytes.count)
            defer { start = next }
            var indent = 0
            while start + indent < end && bytes[start + indent] == UInt8(ascii: " ") { indent += 1 }
            let content = start + indent
            // Blank lines and comments say nothing about structure (inside a block scalar they are its text).
            if content >= end || bytes[content] == UInt8(ascii: "#") || bytes[content] == UInt8(ascii: "\r") { continue }
            if let scalar = blockScalar {
                if indent > scalar { continue }
                blockScalar = nil
            }
            let isEntry = bytes[content] == UInt8(ascii: "-")
                && (content + 1 == end || bytes[content + 1] == UInt8(ascii: " ") || bytes[content + 1] == UInt8(ascii: "\r"))
            // Leave the lists this line is outside of: less indented than their entries, or an entry less
            // indented than theirs, or a key no more indented than their `questions:`.
            while let list = lists.last {
                if let entries = list.entries {
                    if indent > entries || (indent == entries && isEntry) { break }
                } else if indent > list.key || (indent == list.key && isEntry) {
                    break
                }
                lists.removeLast()
            }
            if isEntry, let list = lists.last {
                if list.entries == nil { lists[lists.count - 1].entries = indent }
                if indent == lists[lists.count - 1].entries, start >= minimum, sawTopQuestions { return bytes[0..<start] }
            } else if indent == 0, !isEntry, sawTopQuestions, lists.isEmpty, start >= minimum {
                return bytes[0..<start]
            }
            // The key this line opens, after an entry's `- ` when there is one.
            let keyStart = isEntry ? content + 2 : content
            let keyIndent = isEntry ? indent + 2 : indent
            if startsKey(bytes, keyStart, end, "questions") {
                if keyIndent == 0 { sawTopQuestions = true }
                if sawTopQuestions { lists.append((keyIndent, nil)) }
            }
            if opensBlockScalar(bytes, content, end) { blockScalar = keyIndent }
        }
        return nil
    }

    /// Whether the line from `at` to `end` is `name:` with nothing after it but spaces or a comment.
    private static func startsKey(_ bytes: [UInt8], _ at: Int, _ end: Int, _ name: StaticString) -> Bool {
        let count = name.utf8CodeUnitCount
        guard at + count < end else { return false }
        let matches = name.withUTF8Buffer { key in (0..<count).allSatisfy { bytes[at + $0] == key[$0] } }
        guard matches, bytes[at + count] == UInt8(ascii: ":") else { return false }
        var i = at + count + 1
        while i < end && (bytes[i] == UInt8(ascii: " ") || bytes[i] == UInt8(ascii: "\r")) { i += 1 }
        return i == end || bytes[i] == UInt8(ascii: "#")
    }

    /// Whether the line ends by opening a block scalar: `key: |`, `- >-`, `text: |2 # comment`.
    private static func opensBlockScalar(_ bytes: [UInt8], _ content: Int, _ end: Int) -> Bool {
        var last = end
        // A trailing comment after a space.
        var i = content
        var quote: UInt8?
        while i < end {
            let b = bytes[i]
            if let q = quote {
                if b == q { quote = nil }
            } else if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                if i == content || bytes[i - 1] == UInt8(ascii: " ") { quote = b }
            } else if b == UInt8(ascii: "#"), i > content, bytes[i - 1] == UInt8(ascii: " ") {
                last = i
                break
            }
            i += 1
        }
        while last > content && (bytes[last - 1] == UInt8(ascii: " ") || bytes[last - 1] == UInt8(ascii: "\r")) { last -= 1 }
        // The indicator and its optional chomping and indentation marks.
        var j = last
        while j > content && (bytes[j - 1] == UInt8(ascii: "-") || bytes[j - 1] == UInt8(ascii: "+")
                              || (bytes[j - 1] >= UInt8(ascii: "1") && bytes[j - 1] <= UInt8(ascii: "9"))) { j -= 1 }
        guard j > content, bytes[j - 1] == UInt8(ascii: "|") || bytes[j - 1] == UInt8(ascii: ">") else { return false }
        let before = j - 1
        return before == content || bytes[before - 1] == UInt8(ascii: " ")
    }
}
