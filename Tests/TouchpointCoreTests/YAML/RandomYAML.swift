@testable import TouchpointCore

/// Random YAML documents for comparing the fast reader with libyaml: a random tree written in a random mix of
/// block, compact and flow styles, then (usually) mutated at the byte level.
struct RandomYAML {
    var random: SeededRandom
    var out = ""

    static let words = [
        "id", "type", "text", "q1", "single", "value", "label", "yes", "no", "~", "null", "Null", "true", "False",
        "0", "-5", "1.5", "2e3", "0x1F", "+7", ".5", "12:30", "http://a.b/c", "a#b", "a # b", "a: b", "a:b", "é",
        "日本語", "😀 smile", "it's", "say \"hi\"", "back\\slash", "-x", "- x", "[x]", "{x}", "x,y", "&a", "*a", "!t",
        "%p", "@at", "`tick`", "?x", "key:", "two  spaces", "q1 <= 50", "More than 50 times is unusual; confirm.",
        "", " ", "x ", "--", "...", "a'b", "\"", "'", "tab\there", "ñ:", "a\u{00A0}b", "a\u{2028}b",
    ]

    init(seed: UInt64) { random = SeededRandom(seed: seed) }

    static func document(seed: UInt64) -> [UInt8] {
        var g = RandomYAML(seed: seed)
        g.mapping(indent: 0, depth: 0, first: nil)
        var bytes = Array(g.out.utf8)
        if g.int(2) != 0 { g.mutate(&bytes) }
        return bytes
    }

    mutating func int(_ n: Int) -> Int { Int(random.next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { int(100) < percent }
    mutating func word() -> String { Self.words[int(Self.words.count)] }

    mutating func scalar(flow: Bool) -> String {
        let w = chance(88) ? ["alpha", "beta", "q\(int(50))", "\(int(1000))", "Some text here", "x y z"][int(6)] : word()
        switch int(10) {
        case 0, 1:
            return "'" + w.replacingOccurrences(of: "'", with: "''") + "'"
        case 2, 3:
            var s = "\""
            for ch in w.unicodeScalars {
                switch ch {
                case "\"": s += "\\\""
                case "\\": s += "\\\\"
                case "\t": s += "\\t"
                default: s.unicodeScalars.append(ch)
                }
            }
            if chance(20) { s += ["\\n", "\\t", "\\u00e9", "\\x41", "\\/", "\\ ", "\\N", "\\_", "\\U0001F600", "\\q", "\\0"][int(11)] }
            return s + "\""
        default:
            return w
        }
    }

    mutating func comment() -> String { chance(15) ? (chance(50) ? " # note" : "  #c: x") : "" }

    mutating func blankLines() {
        if chance(10) { out += chance(50) ? "\n" : "   \n" }
        if chance(5) { out += String(repeating: " ", count: int(6)) + "# comment line\n" }
    }

    mutating func key() -> String {
        switch int(10) {
        case 0: return scalar(flow: false)
        case 1: return word()
        default: return ["id", "type", "text", "options", "when", "checks", "min", "max", "k\(int(20))"][int(9)]
        }
    }

    mutating func flow(depth: Int) -> String {
        if depth > 2 || chance(40) { return scalar(flow: true) }
        let sp = chance(80) ? " " : ""
        if chance(50) {
            var parts: [String] = []
            for _ in 0..<int(4) { parts.append(flow(depth: depth + 1)) }
            return "[" + parts.joined(separator: "," + sp) + (chance(5) ? "," : "") + "]"
        }
        var parts: [String] = []
        for _ in 0..<int(4) { parts.append(key() + ":" + (chance(95) ? " " : "") + flow(depth: depth + 1)) }
        return "{" + parts.joined(separator: "," + sp) + "}"
    }

    /// Writes a value after `key:` (on the same line or the next ones).
    mutating func value(indent: Int, depth: Int) {
        let roll = depth > 5 ? int(5) : int(10)
        switch roll {
        case 0, 1, 2:
            out += " " + scalar(flow: false) + comment() + "\n"
            if chance(8) { out += String(repeating: " ", count: indent + 1 + int(3)) + "continued words\n" }
        case 3:
            out += " " + flow(depth: 0) + comment() + "\n"
        case 4:
            out += chance(30) ? " *a\(int(4))\n" : comment() + "\n"
        case 5, 6:
            if chance(15) { out += " &a\(int(4))" }
            out += comment() + "\n"
            mapping(indent: indent + 1 + int(4), depth: depth + 1, first: nil)
        default:
            out += comment() + "\n"
            sequence(indent: chance(40) ? indent : indent + 1 + int(3), depth: depth + 1, first: nil)
        }
    }

    mutating func mapping(indent: Int, depth: Int, first: String?) {
        let count = 1 + int(depth == 0 ? 6 : 4)
        for k in 0..<count {
            blankLines()
            if k == 0, let first { out += first } else { out += String(repeating: " ", count: indent) }
            out += key() + ":"
            value(indent: indent, depth: depth)
        }
    }

    mutating func sequence(indent: Int, depth: Int, first: String?) {
        let count = 1 + int(4)
        for k in 0..<count {
            blankLines()
            if k == 0, let first { out += first } else { out += String(repeating: " ", count: indent) }
            out += "-"
            let gap = 1 + (chance(10) ? int(3) : 0)
            switch depth > 5 ? int(3) : int(8) {
            case 0, 1:
                out += String(repeating: " ", count: gap) + scalar(flow: false) + comment() + "\n"
            case 2:
                out += comment() + "\n"
            case 3:
                out += String(repeating: " ", count: gap) + flow(depth: 0) + "\n"
            case 4, 5:
                // `- key: value` with the mapping's keys lined up after the dash.
                mapping(indent: indent + 1 + gap, depth: depth + 1, first: String(repeating: " ", count: gap))
            case 6:
                sequence(indent: indent + 1 + gap, depth: depth + 1, first: String(repeating: " ", count: gap))
            default:
                out += "\n"
                mapping(indent: indent + 1 + int(3), depth: depth + 1, first: nil)
            }
        }
    }

    static let snippets: [[UInt8]] = [
        " ", "\n", ":", ": ", "- ", "#", " #", "'", "\"", "\\", "{", "}", "[", "]", ",", "\t", "\r", "\r\n", "&a ",
        "*a", "!!str ", "|", ">", "? ", "%", "---\n", "...", "~", "null", "yes", "é", "\u{FEFF}", "\u{85}", "  ",
        "\\u00e9", "''", "key: value\n", "- x\n", "a:b", "\n\n", "😀",
    ].map { Array($0.utf8) }

    mutating func mutate(_ bytes: inout [UInt8]) {
        for _ in 0..<(1 + int(3)) {
            let at = bytes.isEmpty ? 0 : int(bytes.count)
            switch int(9) {
            case 0, 1:
                bytes.insert(contentsOf: Self.snippets[int(Self.snippets.count)], at: at)
            case 2:
                if !bytes.isEmpty { bytes.remove(at: at) }
            case 3:
                if !bytes.isEmpty { bytes[at] = Self.snippets[int(Self.snippets.count)].first ?? 0x20 }
            case 4:
                // Indent or unindent a line.
                var start = at
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                if chance(50) {
                    bytes.insert(contentsOf: Array(repeating: 0x20, count: 1 + int(3)), at: start)
                } else if start < bytes.count && bytes[start] == 0x20 {
                    bytes.remove(at: start)
                }
            case 5:
                if chance(30) {
                    var crlf: [UInt8] = []
                    for b in bytes { if b == 0x0A { crlf.append(0x0D) }; crlf.append(b) }
                    bytes = crlf
                } else {
                    // Trailing spaces on a line.
                    var end = at
                    while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                    bytes.insert(contentsOf: [0x20, 0x20], at: end)
                }
            case 6:
                // Remove the space after a colon.
                if let k = bytes[at...].firstIndex(of: UInt8(ascii: ":")), k + 1 < bytes.count, bytes[k + 1] == 0x20 {
                    bytes.remove(at: k + 1)
                }
            case 7:
                // Duplicate a line.
                var start = at
                while start > 0 && bytes[start - 1] != 0x0A { start -= 1 }
                var end = at
                while end < bytes.count && bytes[end] != 0x0A { end += 1 }
                if end < bytes.count { bytes.insert(contentsOf: Array(bytes[start...end]), at: start) }
            default:
                // Delete a run.
                let length = min(bytes.count - at, 1 + int(8))
                bytes.removeSubrange(at..<(at + length))
            }
        }
    }
}
