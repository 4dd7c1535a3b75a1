/// Turns a pattern's source into a `PatternNode`, rejecting what the matcher does not support.
///
/// The grammar is the one documented on `Pattern`. Anything outside it is an error rather than a
/// literal, so that a construct an author expects to work (a lookahead, a backreference, `a{,3}`)
/// is reported instead of silently matching something else.
struct PatternParser {
    /// Longest source accepted, in Unicode scalars.
    static let maxLength = 1_000
    /// Largest count accepted in `{n}`, `{n,}` and `{n,m}`.
    static let maxCount = 1_000
    /// Deepest nesting of groups accepted; the parser and compiler recurse once a level.
    static let maxNesting = 100

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// Parses `source` into a syntax tree.
    static func parse(_ source: String) throws(PatternError) -> PatternNode {
        var parser = PatternParser(source)
        if parser.scalars.count > maxLength {
            throw PatternError(offset: 0, message: "pattern too large: it has \(grouped(parser.scalars.count)) "
                + "characters and at most \(grouped(maxLength)) are allowed; simplify it, and check lengths with "
                + "min_length and max_length rather than in the pattern")
        }
        let node = try parser.parseAlternation(depth: 0)
        if parser.peek() != nil {
            // The top-level alternation stops early only at a `)` that no group opened.
            throw PatternError(offset: parser.index, message: "this `)` closes no group; remove it, or write \\) "
                + "for a literal parenthesis")
        }
        return node
    }

    // MARK: - Structure

    private mutating func parseAlternation(depth: Int) throws(PatternError) -> PatternNode {
        var branches = [try parseConcatenation(depth: depth)]
        while peek() == "|" {
            index += 1
            branches.append(try parseConcatenation(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcatenation(depth: Int) throws(PatternError) -> PatternNode {
        var parts: [PatternNode] = []
        while let c = peek(), c != "|", c != ")" {
            let start = index
            let atom = try parseAtom(depth: depth)
            let part = try parseQuantifier(on: atom, at: start)
            // Dropping parts that match only the empty string keeps `((){1000}){1000}` from
            // compiling a million copies of nothing.
            if case .empty = part { continue }
            parts.append(part)
        }
        switch parts.count {
        case 0: return .empty
        case 1: return parts[0]
        default: return .concatenation(parts)
        }
    }

    private mutating func parseAtom(depth: Int) throws(PatternError) -> PatternNode {
        let start = index
        guard let c = next() else { return .empty }
        switch c {
        case "(":
            return try parseGroup(openedAt: start, depth: depth)
        case "[":
            return .scalarClass(try parseClass(openedAt: start))
        case ".":
            return .scalarClass(.any)
        case "^":
            return .startOfText
        case "$":
            return .endOfText
        case "\\":
            switch try parseEscape(at: start) {
            case .scalar(let s): return .scalar(s)
            case .family(let family, let negated): return .scalarClass(.family(family, negated: negated))
            }
        case "*", "+", "?":
            throw PatternError(offset: start, message: "`\(c)` has nothing to repeat; put it after a character or a "
                + "group, or write \\\(c) for a literal `\(c)`")
        case "{":
            if let after = peek(), after == "," || isDigit(after) {
                throw PatternError(offset: start, message: "this counted repetition has nothing to repeat; put it "
                    + "after a character or a group, or write \\{ for a literal brace")
            }
            throw PatternError(offset: start, message: "`{` starts a counted repetition like {3} or {2,5}; "
                + "write \\{ for a literal brace")
        case "}":
            throw PatternError(offset: start, message: "this `}` closes no counted repetition; write \\} for a "
                + "literal brace")
        case "]":
            throw PatternError(offset: start, message: "this `]` closes no class; remove it, or write \\] for a "
                + "literal bracket")
        default:
            return .scalar(c)
        }
    }

    private mutating func parseGroup(openedAt start: Int, depth: Int) throws(PatternError) -> PatternNode {
        if depth >= Self.maxNesting {
            throw PatternError(offset: start, message: "pattern too large: groups are nested more than "
                + "\(Self.maxNesting) deep; remove some parentheses")
        }
        if peek() == "?" {
            try parseGroupKind(openedAt: start)
        }
        let body = try parseAlternation(depth: depth + 1)
        guard next() == ")" else {
            throw PatternError(offset: start, message: "this `(` is never closed; add a `)`, or write \\( for a "
                + "literal parenthesis")
        }
        return body
    }

    /// Accepts `(?:` and explains every other `(?` construct; leaves the index after `(?:`.
    private mutating func parseGroupKind(openedAt start: Int) throws(PatternError) {
        let rest = String(String.UnicodeScalarView(scalars[(index + 1)...].prefix(3)))
        if rest.hasPrefix(":") {
            index += 2
            return
        }
        let message: String
        if rest.hasPrefix("=") || rest.hasPrefix("!") {
            message = "lookahead `(?\(rest.prefix(1))` is not supported; rewrite the pattern without it, or add a "
                + "`checks` rule for the extra condition"
        } else if rest.hasPrefix("<=") || rest.hasPrefix("<!") {
            message = "lookbehind `(?\(rest.prefix(2))` is not supported; rewrite the pattern without it, or add a "
                + "`checks` rule for the extra condition"
        } else if rest.hasPrefix(">") {
            message = "atomic groups `(?>` are not supported; use a plain group `(?:` (matching never backtracks, "
                + "so it is not needed)"
        } else if rest.hasPrefix("<") || rest.hasPrefix("P<") || rest.hasPrefix("'") {
            message = "named groups are not supported; use `(` or `(?:` instead"
        } else if rest.hasPrefix("#") {
            message = "comments `(?#` are not supported; remove the comment"
        } else {
            message = "inline options and other `(?` groups are not supported; only `(?:` is, and matching is "
                + "case-sensitive, so write both cases, e.g. [Aa]"
        }
        throw PatternError(offset: start, message: message)
    }

    // MARK: - Quantifiers

    private mutating func parseQuantifier(on atom: PatternNode, at atomStart: Int) throws(PatternError) -> PatternNode {
        let start = index
        let bounds: (min: Int, max: Int?)
        switch peek() {
        case "*": index += 1; bounds = (0, nil)
        case "+": index += 1; bounds = (1, nil)
        case "?": index += 1; bounds = (0, 1)
        case "{": bounds = try parseCount()
        default: return atom
        }
        // A bare anchor repeated is almost certainly a mistake; `(^)*` is left alone as deliberate.
        if scalars[atomStart] == "^" || scalars[atomStart] == "$" {
            throw PatternError(offset: start, message: "`\(scalars[start])` has nothing to repeat: an anchor "
                + "(^ or $) cannot be repeated; remove the quantifier")
        }
        // A lazy quantifier finds the same whole-text matches as a greedy one, so `?` is accepted and ignored.
        if peek() == "?" {
            index += 1
        } else if peek() == "+" {
            throw PatternError(offset: index, message: "possessive quantifiers like `*+` are not supported; remove "
                + "the `+` (matching never backtracks, so it is not needed)")
        }
        if let c = peek(), c == "*" || c == "+" || c == "?" || c == "{" {
            throw PatternError(offset: index, message: "`\(c)` follows another quantifier; to repeat a repetition, "
                + "wrap it in a group first, e.g. (?:a{2})*")
        }
        if case .empty = atom { return .empty }
        if bounds.max == 0 { return .empty }
        return .repetition(atom, min: bounds.min, max: bounds.max)
    }

    /// Parses `{n}`, `{n,}` or `{n,m}` starting at the `{`.
    private mutating func parseCount() throws(PatternError) -> (min: Int, max: Int?) {
        let start = index
        index += 1
        let malformed = PatternError(offset: start, message: "a counted repetition is written {3}, {2,} or {2,5}, "
            + "without spaces; write \\{ for a literal brace")
        guard let low = parseNumber() else {
            if peek() == "," {
                throw PatternError(offset: start, message: "a counted repetition needs its minimum: write {0,5} "
                    + "rather than {,5}")
            }
            throw malformed
        }
        var high: Int? = low
        if peek() == "," {
            index += 1
            high = parseNumber()
        }
        guard next() == "}" else { throw malformed }
        if low > Self.maxCount || (high ?? 0) > Self.maxCount {
            throw PatternError(offset: start, message: "counted repetition above \(Self.grouped(Self.maxCount)) is not "
                + "supported; use + or * and limit the length with max_length instead")
        }
        if let high, high < low {
            throw PatternError(offset: start, message: "{\(low),\(high)} has its minimum above its maximum; write "
                + "{\(high),\(low)}")
        }
        return (low, high)
    }

    /// Reads decimal digits, saturating far above `maxCount` so that huge numbers cannot overflow.
    private mutating func parseNumber() -> Int? {
        var value: Int?
        while let c = peek(), isDigit(c) {
            value = Swift.min((value ?? 0) * 10 + Int(c.value - 0x30), Self.maxCount * 10)
            index += 1
        }
        return value
    }

    // MARK: - Classes and escapes

    /// What an escape or a class element stands for.
    private enum Element {
        case scalar(Unicode.Scalar)
        case family(ScalarClass.Family, negated: Bool)
    }

    /// Parses a bracket class; the index is just after its `[`.
    private mutating func parseClass(openedAt start: Int) throws(PatternError) -> ScalarClass {
        let unclosed = PatternError(offset: start, message: "this `[` is never closed; add a `]`, or write \\[ for "
            + "a literal bracket")
        var result = ScalarClass(members: [], negated: false)
        if peek() == "^" {
            result.negated = true
            index += 1
        }
        if let marker = peek(), marker == ":" || marker == "=" || marker == ".",
           let close = scalars[index...].firstIndex(of: "]"), close > index + 1, scalars[close - 1] == marker {
            // `[:digit:]` is the set {:, d, i, g, t} to a regex engine, which is never what was meant.
            let written = String(String.UnicodeScalarView(scalars[start...close]))
            throw PatternError(offset: start, message: "`\(written)` looks like a POSIX class, which is not supported "
                + "(it would mean the characters between the brackets); use \\d, \\w, \\s or a range like a-z")
        }
        if peek() == "]" {
            throw PatternError(offset: start, message: "an empty class `[]` matches nothing; put characters "
                + "inside, or write \\[\\] for literal brackets")
        }
        while true {
            guard let c = peek() else { throw unclosed }
            if c == "]" {
                index += 1
                return result
            }
            let lowStart = index
            let low = try parseClassElement(unclosed: unclosed)
            guard peek() == "-", index + 1 < scalars.count, scalars[index + 1] != "]" else {
                switch low {
                case .scalar(let s): result.members.append(.range(s.value...s.value))
                case .family(let family, let negated): result.members.append(.family(family, negated: negated))
                }
                continue
            }
            index += 1
            let high = try parseClassElement(unclosed: unclosed)
            guard case .scalar(let lo) = low, case .scalar(let hi) = high else {
                throw PatternError(offset: lowStart, message: "a range cannot start or end at \\d, \\w or \\s; "
                    + "write \\- for a literal hyphen")
            }
            guard lo.value <= hi.value else {
                throw PatternError(offset: lowStart, message: "the range \(lo)-\(hi) is backwards; write "
                    + "\(hi)-\(lo)")
            }
            result.members.append(.range(lo.value...hi.value))
        }
    }

    private mutating func parseClassElement(unclosed: PatternError) throws(PatternError) -> Element {
        let start = index
        guard let c = next() else { throw unclosed }
        switch c {
        case "\\":
            return try parseEscape(at: start)
        case "[" where peek() == ":" || peek() == "=" || peek() == ".":
            throw PatternError(offset: start, message: "character classes like [:alpha:] (POSIX) are not "
                + "supported; use \\w, \\d, \\s or a range like a-z")
        default:
            return .scalar(c)
        }
    }

    /// Parses an escape; the index is just after its backslash, which is at `start`.
    private mutating func parseEscape(at start: Int) throws(PatternError) -> Element {
        guard let c = next() else {
            throw PatternError(offset: start, message: "the pattern ends with a lone backslash; write \\\\ for a "
                + "literal backslash")
        }
        switch c {
        case "d": return .family(.digit, negated: false)
        case "D": return .family(.digit, negated: true)
        case "w": return .family(.word, negated: false)
        case "W": return .family(.word, negated: true)
        case "s": return .family(.space, negated: false)
        case "S": return .family(.space, negated: true)
        case "n": return .scalar("\n")
        case "t": return .scalar("\t")
        case "r": return .scalar("\r")
        case "1"..."9", "k":
            throw PatternError(offset: start, message: "backreferences are not supported (\\\(c) would repeat "
                + "what a group matched); write the group's pattern again instead")
        case "b", "B":
            throw PatternError(offset: start, message: "word boundaries \\\(c) are not supported; match the "
                + "separator explicitly, e.g. with \\s or \\W")
        case "A", "z", "Z", "G":
            throw PatternError(offset: start, message: "\\\(c) is not supported; use ^ and $ (the whole text must "
                + "match anyway)")
        case "p", "P":
            throw PatternError(offset: start, message: "properties like \\\(c){...} are not supported; use \\w, "
                + "\\d, \\s or a range")
        case "u", "x", "U":
            throw PatternError(offset: start, message: "\\\(c) character codes are not supported; write the "
                + "character itself")
        default:
            if c.isASCII, c.properties.isAlphabetic || c.properties.numericType != nil {
                throw PatternError(offset: start, message: "unknown escape \\\(c); write \(c) without the backslash "
                    + "for the character itself, or see the supported escapes (\\d \\w \\s \\D \\W \\S \\n \\t)")
            }
            // Any other escaped symbol stands for itself: \. \* \/ \- \@ and so on.
            return .scalar(c)
        }
    }

    // MARK: - Reading

    /// `n` with thousands separators, as numbers appear in messages ("10,000").
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var result = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { result.append(",") }
            result.append(c)
        }
        return result
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x30 && c.value <= 0x39
    }

    private func peek() -> Unicode.Scalar? {
        index < scalars.count ? scalars[index] : nil
    }

    private mutating func next() -> Unicode.Scalar? {
        guard index < scalars.count else { return nil }
        defer { index += 1 }
        return scalars[index]
    }
}
