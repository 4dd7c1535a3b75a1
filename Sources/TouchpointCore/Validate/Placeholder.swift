import Foundation

/// A `{name}` in a text to be filled with an earlier answer, meta value or the loop's `item` (SPEC section 2).
public struct Placeholder: Sendable, Hashable {
    /// The name between the braces (`recommend`, `meta.store`, `item`).
    public var name: String
    /// What is wrong with it (an unclosed brace, an empty name), if anything.
    public var problem: String?

    /// One piece of a text: literal text or a placeholder.
    public enum Piece: Sendable, Hashable {
        case literal(String)
        case placeholder(String)
    }

    /// The placeholders in `text`, in order; `{{` and `}}` are literal braces.
    public static func scan(_ text: String) -> [Placeholder] {
        var found: [Placeholder] = []
        for piece in pieces(text, problems: &found) {
            if case .placeholder(let name) = piece { found.append(Placeholder(name: name, problem: nil)) }
        }
        return found
    }

    /// Whether `text` holds a brace, and so may pipe something or hold a brace problem. Most texts hold none, and
    /// this is asked of every text of a questionnaire, so the bytes are searched with `memchr` instead of one at
    /// a time.
    static func hasBraces(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return false }
            return memchr(base, Int32(UInt8(ascii: "{")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: "}")), bytes.count) != nil
        }
        return found ?? text.utf8.contains { $0 == UInt8(ascii: "{") || $0 == UInt8(ascii: "}") }
    }

    /// Splits `text` into literal runs and placeholders.
    public static func pieces(_ text: String) -> [Piece] {
        var ignored: [Placeholder] = []
        return pieces(text, problems: &ignored)
    }

    private static func pieces(_ text: String, problems: inout [Placeholder]) -> [Piece] {
        if !hasBraces(text) {
            return text.isEmpty ? [] : [.literal(text)]
        }
        if let fast = asciiBracePieces(text, problems: &problems) { return fast }
        var result: [Piece] = []
        var literal = ""
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            let next = text.index(after: i)
            if c == "{" {
                if next < text.endIndex, text[next] == "{" { literal.append("{"); i = text.index(after: next); continue }
                guard let close = text[next...].firstIndex(of: "}") else {
                    problems.append(Placeholder(name: "", problem: "a `{` is never closed"))
                    literal.append(contentsOf: text[i...])
                    break
                }
                let name = String(text[next..<close]).trimmingCharacters(in: .whitespaces)
                if name.isEmpty || !isName(name) {
                    problems.append(Placeholder(name: name, problem: "`{\(name)}` is not a name to pipe"))
                    literal.append(contentsOf: text[i...close])
                } else {
                    if !literal.isEmpty { result.append(.literal(literal)); literal = "" }
                    result.append(.placeholder(name))
                }
                i = text.index(after: close)
                continue
            }
            if c == "}", next < text.endIndex, text[next] == "}" { literal.append("}"); i = text.index(after: next); continue }
            literal.append(c)
            i = next
        }
        if !literal.isEmpty { result.append(.literal(literal)) }
        return result
    }

    /// `pieces` over UTF-8 bytes, the same result without walking the text one `Character` at a time.
    ///
    /// Returns nil (use the character walk) when a brace touches a non-ASCII byte: a combining mark after it, or
    /// a prepended mark before it, makes the brace part of a larger character, which the character walk does not
    /// treat as a brace.
    private static func asciiBracePieces(_ text: String, problems: inout [Placeholder]) -> [Piece]? {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let bytes = Array(text.utf8)
        for k in bytes.indices where bytes[k] == open || bytes[k] == close {
            if k + 1 < bytes.count, bytes[k + 1] >= 0x80 { return nil }
            if k > 0, bytes[k - 1] >= 0x80 { return nil }
        }
        func string(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
        var result: [Piece] = []
        var literal: [UInt8] = []
        let n = bytes.count
        var i = 0
        var runStart = 0
        func flushRun(to end: Int) { if runStart < end { literal.append(contentsOf: bytes[runStart..<end]) } }
        while i < n {
            let b = bytes[i]
            if b == open {
                if i + 1 < n, bytes[i + 1] == open { flushRun(to: i); literal.append(open); i += 2; runStart = i; continue }
                guard let closeAt = bytes[(i + 1)...].firstIndex(of: close) else {
                    problems.append(Placeholder(name: "", problem: "a `{` is never closed"))
                    flushRun(to: n)
                    runStart = n
                    i = n
                    break
                }
                flushRun(to: i)
                let name = string((i + 1)..<closeAt).trimmingCharacters(in: .whitespaces)
                if name.isEmpty || !isName(name) {
                    problems.append(Placeholder(name: name, problem: "`{\(name)}` is not a name to pipe"))
                    literal.append(contentsOf: bytes[i...closeAt])
                } else {
                    if !literal.isEmpty { result.append(.literal(String(decoding: literal, as: UTF8.self))); literal = [] }
                    result.append(.placeholder(name))
                }
                i = closeAt + 1
                runStart = i
                continue
            }
            if b == close, i + 1 < n, bytes[i + 1] == close { flushRun(to: i); literal.append(close); i += 2; runStart = i; continue }
            i += 1
        }
        flushRun(to: n)
        if !literal.isEmpty { result.append(.literal(String(decoding: literal, as: UTF8.self))) }
        return result
    }

    private static func isName(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count <= 3 && parts.allSatisfy { part in
            guard let f = part.unicodeScalars.first, Identifier.isLetter(f) else { return false }
            return part.unicodeScalars.allSatisfy { Identifier.isLetter($0) || ("0"..."9").contains($0) || $0 == "_" }
        }
    }
}
