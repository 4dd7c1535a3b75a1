/// Reads the plain block YAML that questionnaires are written in, several times faster than libyaml, or declines.
///
/// The reader knows a deliberately small subset: block mappings and lists (the compact `- key: value` form and
/// lists written at their key's indentation included), plain scalars (also over several lines), single- and
/// double-quoted scalars on one line with every libyaml escape, one-line flow lists and mappings, and comments.
/// It produces the same events libyaml would give `YAMLLoader`, with the same positions. Whenever it meets
/// anything else, from an anchor, tag, tab, carriage return, block scalar or second document to any syntax
/// error, it declines (returns nil) and the loader reads the file with libyaml instead, so every message for a
/// broken file is libyaml's as before. `FastYAMLReaderTests` compares the two readers on many documents.
struct FastYAMLReader {
    /// One parse event, as the loader's tree builder takes them. Events hold no strings (copying and freeing
    /// them cost more than reading): texts are spans of the source or indexes into `Parsed.strings`.
    enum Event {
        /// A list or mapping of `count` items (keys and values) starts; `anchor` indexes `strings`, or is -1.
        case begin(isMapping: Bool, position: SourcePosition, anchor: Int, count: Int)
        case end
        case scalar(Span, YAMLScalar.Style, SourcePosition, anchor: Int)
        /// An alias; the name is `strings[name]`.
        case alias(name: Int, SourcePosition)
    }

    /// A scalar's text: the source bytes `start..<end`, or, when `start` is -1, `strings[end]` (a text with
    /// escapes or folded lines).
    struct Span {
        var start: Int
        var end: Int
    }

    /// What the reader read: the events and the strings they refer to.
    struct Parsed {
        var events: [Event]
        var strings: [String]

        /// The text of `span` in `source`.
        func text(_ span: Span, in source: UnsafeBufferPointer<UInt8>) -> String {
            if span.start < 0 { return strings[span.end] }
            return String(decoding: UnsafeBufferPointer(rebasing: source[span.start..<span.end]), as: UTF8.self)
        }
    }

    /// Why the reader stopped: it met something outside its subset.
    private struct Decline: Error {
        /// The byte the reader was at.
        var at: Int
    }

    /// Where a block node starts, which decides what it may be.
    private enum Place {
        /// First on its line: any block node.
        case newLine
        /// After `- ` on the same line: also a compact mapping or list.
        case entryLine
        /// After `key: ` on the same line: a scalar or flow collection only.
        case valueLine
    }

    private let b: UnsafeBufferPointer<UInt8>
    private let n: Int
    private let maxDepth: Int
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    /// The last byte whose column was counted, and that column.
    private var columnCache = (index: -1, column: 1)
    private var events: [Event] = []
    private var strings: [String] = []
    /// For each open list or mapping: the index of its `begin` event and how many items it has so far.
    private var open: [(event: Int, count: Int)] = []
    /// An anchor read but not yet given to its node (its index in `strings`), with the anchor's position (the
    /// node's, for libyaml).
    private var pendingAnchor: (name: Int, position: SourcePosition)?

    private init(_ bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        b = bytes
        n = bytes.count
        self.maxDepth = maxDepth
        // About one event in 10-11 bytes of a questionnaire (8.9 to 12.4 in the bundled ones): room for one in 8
        // means the list is never copied to grow, and the pages it does not use are never touched.
        events.reserveCapacity(bytes.count / 8 + 16)
    }

    /// The events of `bytes` (without a byte-order mark), or nil when the file is outside the subset.
    static func events(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> Parsed? {
        guard bytes.count > 0, plainBytes(bytes) else { return nil }
        var reader = FastYAMLReader(bytes, maxDepth: limits.maxDepth)
        do {
            try reader.document()
        } catch {
            return nil
        }
        return Parsed(events: reader.events, strings: reader.strings)
    }

    /// The offset where the reader declines `bytes`, or nil when it takes them (for tests and debugging).
    static func declineOffset(_ bytes: UnsafeBufferPointer<UInt8>, limits: YAMLLimits) -> Int? {
        guard bytes.count > 0, plainBytes(bytes) else { return 0 }
        var reader = FastYAMLReader(bytes, maxDepth: limits.maxDepth)
        do {
            try reader.document()
        } catch let decline as Decline {
            return decline.at
        } catch {
            return 0
        }
        return nil
    }

    /// Whether every byte is one the reader handles: no tab, carriage return, control character, byte-order
    /// mark, non-character or Unicode line break, and no line starting with `---`, `...` or `%`.
    private static func plainBytes(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        var atLineStart = true
        let raw = UnsafeRawBufferPointer(b)
        while i < n {
            if !atLineStart {
                // Runs of printable ASCII are skipped eight bytes at a time (a line break is a control byte).
                while i + 8 <= n {
                    let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                    let high = w & 0x8080_8080_8080_8080
                    let control = (w &- 0x2020_2020_2020_2020) & ~w & 0x8080_8080_8080_8080
                    let x = w ^ 0x7F7F_7F7F_7F7F_7F7F
                    let delete = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
                    if high | control | delete != 0 { break }
                    i += 8
                }
                if i >= n { break }
            }
            let c = b[i]
            if atLineStart {
                atLineStart = false
                if c == UInt8(ascii: "%") { return false }
                if (c == UInt8(ascii: "-") || c == UInt8(ascii: ".")) && i + 2 < n && b[i + 1] == c && b[i + 2] == c {
                    return false
                }
            }
            if c < 0x80 {
                if c == 0x0A {
                    atLineStart = true
                } else if c < 0x20 || c == 0x7F {
                    return false
                }
                i += 1
                continue
            }
            // The loader has checked that the bytes are valid UTF-8.
            if c == 0xC2 {
                if i + 1 >= n || b[i + 1] < 0xA0 { return false }
            } else if c == 0xE2 {
                if i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { return false }
            } else if c == 0xEF {
                if i + 2 < n && b[i + 1] == 0xBB && b[i + 2] == 0xBF { return false }
                if i + 2 < n && b[i + 1] == 0xBF && (b[i + 2] == 0xBE || b[i + 2] == 0xBF) { return false }
            }
            i += 1
        }
        return true
    }

    // MARK: Events

    private mutating func emitBegin(isMapping: Bool, at position: SourcePosition) {
        counted()
        open.append((events.count, 0))
        if let anchor = pendingAnchor {
            pendingAnchor = nil
            events.append(.begin(isMapping: isMapping, position: anchor.position, anchor: anchor.name, count: 0))
        } else {
            events.append(.begin(isMapping: isMapping, position: position, anchor: -1, count: 0))
        }
    }

    /// Counts one more item in the innermost open list or mapping.
    private mutating func counted() {
        if !open.isEmpty { open[open.count - 1].count += 1 }
    }

    /// Closes the innermost list or mapping, writing its item count into its `begin` event.
    private mutating func emitEnd() {
        if let last = open.popLast(), case .begin(let isMapping, let position, let anchor, _) = events[last.event] {
            events[last.event] = .begin(isMapping: isMapping, position: position, anchor: anchor, count: last.count)
        }
        events.append(.end)
    }

    private mutating func emitScalar(_ text: Span, _ style: YAMLScalar.Style, _ position: SourcePosition) {
        counted()
        if let anchor = pendingAnchor {
            pendingAnchor = nil
            events.append(.scalar(text, style, anchor.position, anchor: anchor.name))
        } else {
            events.append(.scalar(text, style, position, anchor: -1))
        }
    }

    /// Keeps a text that is not a span of the source.
    private mutating func cooked(_ text: String) -> Span {
        strings.append(text)
        return Span(start: -1, end: strings.count - 1)
    }

    /// Reads the name of an anchor or alias after its `&` or `*` at `i`; it must end at a space, a line break,
    /// the end, or (in a flow collection) a comma or closing bracket.
    private mutating func anchorName(flow: Bool) throws -> Int {
        i += 1
        let start = i
        while i < n {
            let c = b[i]
            if isAlphanumeric(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: "-") { i += 1 } else { break }
        }
        if i == start || i - start > 200 { throw Decline(at: i) }
        let next = byte(i)
        let ends = blankOrEnd(i) || (flow && (next == UInt8(ascii: ",") || next == UInt8(ascii: "]") || next == UInt8(ascii: "}")))
        if !ends { throw Decline(at: i) }
        strings.append(text(start, i))
        return strings.count - 1
    }

    /// Reads an alias at `i` as a value.
    private mutating func alias(flow: Bool) throws {
        if pendingAnchor != nil { throw Decline(at: i) }
        let at = position(i)
        let name = try anchorName(flow: flow)
        counted()
        events.append(.alias(name: name, at))
    }

    /// Reads an anchor at `i` and the node it names (on the same line, or a block collection on the next lines).
    private mutating func anchored(parent: Int, place: Place) throws {
        if pendingAnchor != nil { throw Decline(at: i) }
        let at = position(i)
        let name = try anchorName(flow: false)
        pendingAnchor = (name, at)
        skipSpaces()
        if i >= n || b[i] == 0x0A || b[i] == UInt8(ascii: "#") {
            try endLine()
            if i >= n || i - lineStart <= parent { throw Decline(at: i) }
            if atEntry() {
                try blockList(indent: i - lineStart, indentless: false)
            } else {
                // Only a mapping: a scalar on the next line is left to libyaml.
                let start = i
                if b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
                    _ = try quoted()
                } else {
                    try plainStart()
                    _ = scanPlainLine()
                }
                if !(i < n && b[i] == UInt8(ascii: ":") && blankOrEnd(i + 1)) { throw Decline(at: i) }
                i = start
                try blockMapping(indent: i - lineStart)
            }
        } else {
            // A scalar or flow collection on this line; never a key.
            try blockNode(parent: parent, place: .valueLine)
        }
        if pendingAnchor != nil { throw Decline(at: i) }
    }

    // MARK: Positions and lines

    private func byte(_ k: Int) -> UInt8 { k < n ? b[k] : 0 }

    /// Whether nothing but a comment follows `i` on its line (after an indicator and the spaces behind it).
    private var restOfLineIsEmpty: Bool {
        i >= n || b[i] == 0x0A || (b[i] == UInt8(ascii: "#") && b[i - 1] == 0x20)
    }

    /// Whether byte `k` is a space, a line break or the end.
    private func blankOrEnd(_ k: Int) -> Bool {
        k >= n || b[k] == 0x20 || b[k] == 0x0A
    }

    /// The position of byte `k` on the current line (columns count Unicode scalars).
    ///
    /// Counting resumes from the last position asked for on the same line, so a long line costs its length
    /// once, not once per value on it.
    private mutating func position(_ k: Int) -> SourcePosition {
        var column = 1
        var j = lineStart
        if columnCache.index >= lineStart && columnCache.index <= k {
            j = columnCache.index
            column = columnCache.column
        }
        while j < k {
            if b[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        columnCache = (k, column)
        return SourcePosition(line: line, column: column)
    }

    /// The indentation of the current line, when `i` is at its first content byte.
    private var indent: Int { i - lineStart }

    /// Moves past the line break at `i`.
    private mutating func newLine() {
        i += 1
        line += 1
        lineStart = i
    }

    /// Moves to the first content byte of the next line that has any, or the end.
    private mutating func skipEmptyLines() {
        while i < n {
            skipSpaces()
            if i >= n { return }
            if b[i] == 0x0A {
                newLine()
            } else if b[i] == UInt8(ascii: "#") {
                while i < n && b[i] != 0x0A { i += 1 }
            } else {
                return
            }
        }
    }

    /// Ends the current line after a node: only spaces and a comment may follow, then moves to the next content.
    private mutating func endLine() throws {
        skipSpaces()
        if i < n && b[i] == UInt8(ascii: "#") {
            if i == 0 || b[i - 1] != 0x20 { throw Decline(at: i) }
            while i < n && b[i] != 0x0A { i += 1 }
        }
        if i < n {
            if b[i] != 0x0A { throw Decline(at: i) }
            newLine()
        }
        skipEmptyLines()
    }

    // MARK: Block structure

    private mutating func document() throws {
        skipEmptyLines()
        if i >= n { throw Decline(at: i) }
        try blockNode(parent: -1, place: .newLine)
        if i < n { throw Decline(at: i) }
    }

    private mutating func enter() throws {
        depth += 1
        if depth > maxDepth { throw Decline(at: i) }
    }

    /// Whether `i` is at a list entry's `-`.
    private func atEntry() -> Bool {
        i < n && b[i] == UInt8(ascii: "-") && blankOrEnd(i + 1)
    }

    /// Reads the block node at `i`; `parent` is the indentation of the collection holding it (-1 for the root).
    /// Leaves `i` at the next line's content (or the end).
    private mutating func blockNode(parent: Int, place: Place) throws {
        let c = byte(i)
        if atEntry() {
            if place == .valueLine { throw Decline(at: i) }
            try blockList(indent: i - lineStart, indentless: false)
            return
        }
        switch c {
        case UInt8(ascii: "&"):
            try anchored(parent: parent, place: place)
        case UInt8(ascii: "*"):
            try alias(flow: false)
            skipSpaces()
            if i < n && b[i] == UInt8(ascii: ":") { throw Decline(at: i) }
            try endLine()
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            try flowNode()
            skipSpaces()
            if i < n && b[i] == UInt8(ascii: ":") { throw Decline(at: i) }
            try endLine()
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let start = i
            let startLine = line
            let text = try quoted()
            if i < n && b[i] == UInt8(ascii: ":") && blankOrEnd(i + 1) {
                if place == .valueLine || startLine != line { throw Decline(at: i) }
                i = start
                try blockMapping(indent: i - lineStart)
                return
            }
            if i < n && b[i] == UInt8(ascii: ":") { throw Decline(at: i) }
            emitScalar(text, c == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, position(start))
            try endLine()
        default:
            try plainStart()
            let start = i
            let end = scanPlainLine()
            if i < n && b[i] == UInt8(ascii: ":") {
                if place == .valueLine { throw Decline(at: i) }
                i = start
                try blockMapping(indent: i - lineStart)
                return
            }
            try plainValue(start: start, firstEnd: end, parent: parent)
        }
    }

    /// Declines a plain scalar starting with an indicator libyaml treats specially.
    private func plainStart() throws {
        switch byte(i) {
        case UInt8(ascii: "-"):
            // `-5`, `-x`: a plain scalar; anything else after a dash is left to libyaml.
            let next = byte(i + 1)
            if !(isAlphanumeric(next) || next >= 0x80) { throw Decline(at: i) }
        case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
             UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
             UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"), 0x20, 0x0A, 0:
            throw Decline(at: i)
        default:
            break
        }
    }

    private func isAlphanumeric(_ c: UInt8) -> Bool {
        (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z"))
    }

    /// Scans a block plain scalar's text on this line from `i`; returns the end of its text and leaves `i` at
    /// the `:` of `key: ` (a key), at a comment's `#`, at the line break or at the end.
    private mutating func scanPlainLine() -> Int {
        var end = i
        while i < n {
            let c = b[i]
            if c == 0x0A { break }
            if c == 0x20 {
                i += 1
                if i < n && b[i] == UInt8(ascii: "#") { return end }
                continue
            }
            if c == UInt8(ascii: ":") && blankOrEnd(i + 1) { return end }
            i += 1
            end = i
        }
        return end
    }

    /// Finishes a plain scalar value whose first line's text is `start..<firstEnd`, reading continuation lines
    /// indented more than `parent`, and leaves `i` at the next line's content.
    private mutating func plainValue(start: Int, firstEnd: Int, parent: Int) throws {
        let startPosition = position(start)
        if i < n && b[i] == UInt8(ascii: "#") || i >= n {
            // Ended by a comment or the end of the file.
            emitScalar(Span(start: start, end: firstEnd), .plain, startPosition)
            try endLine()
            return
        }
        // `i` is at the line break. Look for continuation lines.
        var folded: [UInt8]?
        var lastEnd = firstEnd
        var segmentStart = start
        while true {
            // Count the empty lines after this one.
            var k = i + 1
            var breaks = 0
            var lineBegin = k
            while true {
                while k < n && b[k] == 0x20 { k += 1 }
                if k < n && b[k] == 0x0A {
                    breaks += 1
                    k += 1
                    lineBegin = k
                    continue
                }
                break
            }
            let column = k - lineBegin
            if k >= n || column <= parent || b[k] == UInt8(ascii: "#") { break }
            // A continuation line; decline ones libyaml might read another way.
            switch b[k] {
            case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["),
                 UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                 UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                 UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"):
                throw Decline(at: i)
            default:
                break
            }
            if folded == nil {
                folded = Array(UnsafeBufferPointer(rebasing: b[segmentStart..<lastEnd]))
            }
            if breaks == 0 {
                folded?.append(0x20)
            } else {
                for _ in 0..<breaks { folded?.append(0x0A) }
            }
            // Move onto the continuation line.
            line += 1 + breaks
            lineStart = lineBegin
            i = k
            segmentStart = k
            let end = scanPlainLine()
            if i < n && b[i] == UInt8(ascii: ":") { throw Decline(at: i) }
            folded?.append(contentsOf: UnsafeBufferPointer(rebasing: b[segmentStart..<end]))
            lastEnd = end
            if i >= n || b[i] == UInt8(ascii: "#") { break }
        }
        let value = folded.map { cooked(String(decoding: $0, as: UTF8.self)) } ?? Span(start: start, end: firstEnd)
        emitScalar(value, .plain, startPosition)
        try endLine()
    }

    private func text(_ start: Int, _ end: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
    }

    /// Reads a block mapping whose first key is at `i`, at column `indent`.
    private mutating func blockMapping(indent: Int) throws {
        try enter()
        emitBegin(isMapping: true, at: position(i))
        while true {
            try key()
            // `i` is at the `:`.
            let colonEnd = i + 1
            i += 1
            skipSpaces()
            if restOfLineIsEmpty {
                let empty = position(colonEnd)
                try endLine()
                if i < n && i - lineStart > indent {
                    try blockNode(parent: indent, place: .newLine)
                } else if i < n && self.indent == indent && atEntry() {
                    try blockList(indent: indent, indentless: true)
                } else {
                    emitScalar(Span(start: 0, end: 0), .plain, empty)
                }
            } else {
                try blockNode(parent: indent, place: .valueLine)
            }
            if i >= n { break }
            let c = self.indent
            if c < indent { break }
            if c > indent || atEntry() { throw Decline(at: i) }
        }
        emitEnd()
        depth -= 1
    }


    /// Reads a key (plain or quoted, on one line) and emits it; leaves `i` at its `:`.
    private mutating func key() throws {
        let start = i
        let c = byte(i)
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            let startLine = line
            let text = try quoted()
            if startLine != line || !(i < n && b[i] == UInt8(ascii: ":") && blankOrEnd(i + 1)) { throw Decline(at: i) }
            emitScalar(text, c == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, position(start))
        } else {
            try plainStart()
            let end = scanPlainLine()
            if !(i < n && b[i] == UInt8(ascii: ":")) { throw Decline(at: i) }
            emitScalar(Span(start: start, end: end), .plain, position(start))
        }
        if i - start > 1000 { throw Decline(at: i) }
    }

    /// Reads a block list whose first `-` is at `i`, at column `indent`; `indentless` when it is a mapping
    /// value written at its key's indentation.
    private mutating func blockList(indent: Int, indentless: Bool) throws {
        try enter()
        emitBegin(isMapping: false, at: position(i))
        while true {
            let dashEnd = i + 1
            i += 1
            skipSpaces()
            if restOfLineIsEmpty {
                let empty = position(dashEnd)
                try endLine()
                if i < n && self.indent > indent {
                    try blockNode(parent: indent, place: .newLine)
                } else {
                    emitScalar(Span(start: 0, end: 0), .plain, empty)
                }
            } else {
                if b[i] == UInt8(ascii: "#") { throw Decline(at: i) }
                try blockNode(parent: indent, place: .entryLine)
            }
            if i >= n { break }
            let c = self.indent
            if c < indent { break }
            if c > indent { throw Decline(at: i) }
            if !atEntry() {
                if indentless { break }
                throw Decline(at: i)
            }
        }
        emitEnd()
        depth -= 1
    }

    // MARK: Quoted scalars

    /// Reads a quoted scalar on one line at `i`; leaves `i` after the closing quote.
    private mutating func quoted() throws -> Span {
        let quote = b[i]
        i += 1
        let start = i
        // The common case: no escapes.
        while i < n {
            let c = b[i]
            if c == quote {
                if quote == UInt8(ascii: "'") && byte(i + 1) == quote { break }
                let value = Span(start: start, end: i)
                i += 1
                return value
            }
            if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { break }
            if c == 0x0A { throw Decline(at: i) }
            i += 1
        }
        if i >= n { throw Decline(at: i) }
        var out = Array(UnsafeBufferPointer(rebasing: b[start..<i]))
        while i < n {
            let c = b[i]
            if c == 0x0A { throw Decline(at: i) }
            if c == quote {
                if quote == UInt8(ascii: "'") && byte(i + 1) == quote {
                    out.append(quote)
                    i += 2
                    continue
                }
                i += 1
                return cooked(String(decoding: out, as: UTF8.self))
            }
            if c == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                try escape(into: &out)
                continue
            }
            out.append(c)
            i += 1
        }
        throw Decline(at: i)
    }

    /// Reads the escape at `i` (a backslash) in a double-quoted scalar, as libyaml does.
    private mutating func escape(into out: inout [UInt8]) throws {
        let e = byte(i + 1)
        var digits = 0
        switch e {
        case UInt8(ascii: "0"): out.append(0)
        case UInt8(ascii: "a"): out.append(7)
        case UInt8(ascii: "b"): out.append(8)
        case UInt8(ascii: "t"): out.append(9)
        case UInt8(ascii: "n"): out.append(10)
        case UInt8(ascii: "v"): out.append(11)
        case UInt8(ascii: "f"): out.append(12)
        case UInt8(ascii: "r"): out.append(13)
        case UInt8(ascii: "e"): out.append(27)
        case 0x20: out.append(0x20)
        case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
        case UInt8(ascii: "/"): out.append(UInt8(ascii: "/"))
        case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "N"): out.append(contentsOf: [0xC2, 0x85])
        case UInt8(ascii: "_"): out.append(contentsOf: [0xC2, 0xA0])
        case UInt8(ascii: "L"): out.append(contentsOf: [0xE2, 0x80, 0xA8])
        case UInt8(ascii: "P"): out.append(contentsOf: [0xE2, 0x80, 0xA9])
        case UInt8(ascii: "x"): digits = 2
        case UInt8(ascii: "u"): digits = 4
        case UInt8(ascii: "U"): digits = 8
        default: throw Decline(at: i)
        }
        i += 2
        guard digits > 0 else { return }
        var value: UInt32 = 0
        for _ in 0..<digits {
            let h = byte(i)
            let d: UInt8
            switch h {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = h - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = h - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = h - UInt8(ascii: "A") + 10
            default: throw Decline(at: i)
            }
            value = value << 4 | UInt32(d)
            i += 1
        }
        guard let scalar = Unicode.Scalar(value) else { throw Decline(at: i) }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    // MARK: Flow collections

    /// Reads a flow list or mapping at `i` that ends on the same line; leaves `i` after its closing bracket.
    private mutating func flowNode() throws {
        let open = b[i]
        let isMapping = open == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        try enter()
        emitBegin(isMapping: isMapping, at: position(i))
        i += 1
        skipSpaces()
        if byte(i) == close {
            i += 1
            emitEnd()
            depth -= 1
            return
        }
        while true {
            if isMapping {
                try flowScalar(isKey: true)
                // `i` is at the `:` followed by a space.
                i += 1
                skipSpaces()
                let c = byte(i)
                if c == UInt8(ascii: ",") || c == close { throw Decline(at: i) }
            }
            if byte(i) == UInt8(ascii: "[") || byte(i) == UInt8(ascii: "{") {
                try flowNode()
            } else if byte(i) == UInt8(ascii: "*") {
                try alias(flow: true)
                if byte(i) == UInt8(ascii: ":") { throw Decline(at: i) }
            } else {
                try flowScalar(isKey: false)
            }
            skipSpaces()
            let c = byte(i)
            if c == close {
                i += 1
                break
            }
            if c != UInt8(ascii: ",") { throw Decline(at: i) }
            i += 1
            skipSpaces()
            if byte(i) == close || byte(i) == UInt8(ascii: ",") { throw Decline(at: i) }
        }
        emitEnd()
        depth -= 1
    }

    /// Moves past the spaces at `i`, on the current line.
    private mutating func skipSpaces() {
        while i < n && b[i] == 0x20 { i += 1 }
    }

    /// Reads a scalar inside a flow collection; a key must be followed by `: `, a value must not.
    private mutating func flowScalar(isKey: Bool) throws {
        let start = i
        let c = byte(i)
        let value: Span
        let style: YAMLScalar.Style
        if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            value = try quoted()
            style = c == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
        } else {
            try plainStart()
            var end = i
            while i < n {
                let d = b[i]
                if d == 0x0A { throw Decline(at: i) }
                if d == 0x20 {
                    i += 1
                    if byte(i) == UInt8(ascii: "#") { throw Decline(at: i) }
                    continue
                }
                if d == UInt8(ascii: ",") || d == UInt8(ascii: "[") || d == UInt8(ascii: "]")
                    || d == UInt8(ascii: "{") || d == UInt8(ascii: "}") { break }
                if d == UInt8(ascii: ":") {
                    if byte(i + 1) == 0x20 { break }
                    throw Decline(at: i)
                }
                i += 1
                end = i
            }
            value = Span(start: start, end: end)
            style = .plain
        }
        let colon = byte(i) == UInt8(ascii: ":") && byte(i + 1) == 0x20
        if colon != isKey || i - start > 1000 { throw Decline(at: i) }
        emitScalar(value, style, position(start))
    }
}
