import CYaml

/// Reads YAML (and JSON, a subset of it) into positioned `YAMLNode`s, refusing hostile input quickly.
///
/// The loader drives Yams' bundled libyaml event parser directly instead of Yams' recursive composer: the
/// tree is built with an explicit stack, so nesting depth, alias expansion and scalar size are checked as
/// events arrive and a hostile file fails in milliseconds instead of exhausting the stack or memory. Every
/// duplicate key is reported, not just the first.
public enum YAMLLoader {
    /// The result of loading one file: a root node when the file could be read, and every problem found.
    public struct Result: Sendable {
        public var root: YAMLNode?
        public var diagnostics: [Diagnostic]
    }

    /// Loads the bytes of a questionnaire file.
    ///
    /// `fileSize` is the file's real size when `bytes` holds only its start (see `FileReader.read`).
    public static func load(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard) -> Result {
        load(bytes, fileSize: fileSize, limits: limits, watcher: nil)
    }

    /// `load`, telling `watcher` about the top-level values and the items of the top-level `questions` list as
    /// soon as each is complete, while the rest of the file is still being read.
    static func load(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard, watcher: (any TopLevelWatcher)?,
                     reader: Reader = .fastest) -> Result {
        if let problem = checkEncoding(bytes, size: max(fileSize ?? 0, bytes.count), limits: limits) {
            return Result(root: nil, diagnostics: [problem])
        }
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        var builder = Builder(limits: limits)
        builder.watcher = watcher
        body.withUnsafeBufferPointer { buffer in
            // Our own reader takes the usual questionnaire; anything else goes to libyaml (see FastYAMLReader).
            if reader != .libyaml, let parsed = FastYAMLReader.events(buffer, limits: limits) {
                builder.replay(parsed, source: buffer)
            } else {
                builder.run(buffer)
            }
        }
        var diagnostics = builder.diagnostics
        if builder.root == nil, diagnostics.isEmpty {
            diagnostics.append(Diagnostic(.fileEmpty, at: .start,
                "the file has no content; a questionnaire starts with `touchpoint: 1`, `id:` and `questions:`"))
        }
        return Result(root: builder.root, diagnostics: diagnostics)
    }

    /// `load` with the reader chosen (for comparing the fast reader with libyaml, as the fuzz harness does).
    public static func load(_ bytes: [UInt8], reader: Reader) -> Result {
        load(bytes, fileSize: nil, limits: .standard, watcher: nil, reader: reader)
    }

    /// Which YAML reader `load` uses.
    public enum Reader: Sendable {
        /// `FastYAMLReader` when it takes the file, libyaml otherwise.
        case fastest
        /// Always libyaml (for comparing the two).
        case libyaml
    }

    /// Checks size, byte-order marks, NUL bytes and UTF-8 validity before libyaml sees the bytes.
    static func checkEncoding(_ bytes: [UInt8], size: Int, limits: YAMLLimits) -> Diagnostic? {
        if size > limits.maxFileBytes {
            let mb = Double(size) / 1_048_576
            let limit = limits.maxFileBytes / 1_048_576
            return Diagnostic(.fileTooLarge, at: .start,
                "the file is \(formatMB(mb)) MB; a questionnaire may be at most \(limit) MB",
                hint: "split it, or check that this is the questionnaire and not a data file")
        }
        if bytes.isEmpty || bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            return Diagnostic(.fileEmpty, at: .start,
                "the file is empty; a questionnaire starts with `touchpoint: 1`, `id:` and `questions:`")
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || (bytes.count >= 2 && (bytes[0] == 0 || bytes[1] == 0) && bytes.prefix(64).contains(0) && looksUTF16(bytes)) {
            return Diagnostic(.encoding, at: .start, "the file is encoded as UTF-16; touchpoint reads UTF-8",
                hint: "save it again as UTF-8 (in most editors: Save with Encoding > UTF-8)")
        }
        var i = 0
        let n = bytes.count
        while i < n {
            // Runs of ASCII without NUL are skipped eight bytes at a time.
            i = asciiRunEnd(bytes, from: i)
            if i >= n { break }
            let b = bytes[i]
            if b < 0x80 {
                if b == 0 {
                    return Diagnostic(.encoding, at: position(bytes, at: i),
                        "the file contains a NUL byte, so it is binary data, not a questionnaire",
                        hint: "check that you named the right file")
                }
                i += 1
                continue
            }
            let length = utf8SequenceLength(bytes, at: i)
            if length == 0 {
                return Diagnostic(.encoding, at: position(bytes, at: i),
                    "the file is not valid UTF-8 (byte 0x\(String(b, radix: 16, uppercase: true)) at offset \(i))",
                    hint: "save it again as UTF-8; it may be in a legacy encoding such as GBK or Latin-1")
            }
            i += length
        }
        return nil
    }

    /// The first index from `start` on of an eight-byte word holding a NUL or a non-ASCII byte (or near the end).
    static func asciiRunEnd(_ bytes: [UInt8], from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var i = start
            let n = raw.count
            while i + 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                let zero = (w &- 0x0101_0101_0101_0101) & ~w & 0x8080_8080_8080_8080
                if (w & 0x8080_8080_8080_8080) | zero != 0 { break }
                i += 8
            }
            return i
        }
    }

    /// The line and column of byte `index`.
    static func position(_ bytes: [UInt8], at index: Int) -> SourcePosition {
        var line = 1
        var lineStart = 0
        for k in 0..<index where bytes[k] == 0x0A {
            line += 1
            lineStart = k + 1
        }
        return SourcePosition(line: line, column: column(bytes, from: lineStart, to: index))
    }

    private static func looksUTF16(_ bytes: [UInt8]) -> Bool {
        let sample = bytes.prefix(256)
        let zeros = sample.filter { $0 == 0 }.count
        return zeros * 4 >= sample.count
    }

    private static func formatMB(_ mb: Double) -> String {
        let tenths = (mb * 10).rounded()
        return String(Int(tenths) / 10) + "." + String(Int(tenths) % 10)
    }

    /// The 1-based column of byte `index` on a line starting at `lineStart`, counted in Unicode scalars.
    static func column(_ bytes: [UInt8], from lineStart: Int, to index: Int) -> Int {
        var count = 1
        var i = lineStart
        while i < index {
            if bytes[i] & 0xC0 != 0x80 { count += 1 }
            i += 1
        }
        return count
    }

    /// Length of a valid UTF-8 sequence starting at `i`, or 0 if it is invalid (overlong, surrogate, truncated).
    static func utf8SequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let b0 = bytes[i]
        let n = bytes.count
        func cont(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
        switch b0 {
        case 0xC2...0xDF:
            return cont(1) ? 2 : 0
        case 0xE0:
            return cont(1) && bytes[i + 1] >= 0xA0 && cont(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF:
            return cont(1) && cont(2) ? 3 : 0
        case 0xED:
            return cont(1) && bytes[i + 1] < 0xA0 && cont(2) ? 3 : 0
        case 0xF0:
            return cont(1) && bytes[i + 1] >= 0x90 && cont(2) && cont(3) ? 4 : 0
        case 0xF1...0xF3:
            return cont(1) && cont(2) && cont(3) ? 4 : 0
        case 0xF4:
            return cont(1) && bytes[i + 1] < 0x90 && cont(2) && cont(3) ? 4 : 0
        default:
            return 0
        }
    }
}

/// Builds the node tree from libyaml events with an explicit stack.
private struct Builder {
    struct Frame {
        var isMapping: Bool
        var position: SourcePosition
        var anchor: String?
        var items: [YAMLNode] = []
        var weight = 1
    }

    let limits: YAMLLimits
    var stack: [Frame] = []
    var anchors: [String: (node: YAMLNode, weight: Int)] = [:]
    var totalWeight = 0
    /// Whether an alias was met: the limit's message then blames aliases.
    var aliasesSeen = false
    var root: YAMLNode?
    var diagnostics: [Diagnostic] = []
    var documents = 0

    /// Told about top-level values and `questions` items as they are completed.
    var watcher: (any TopLevelWatcher)?
    /// Index, in the root mapping's items, of the `questions` key whose list is being watched (the first one).
    var watchedQuestionsKey: Int?

    init(limits: YAMLLimits) { self.limits = limits }

    /// Tells the watcher about `node` if it is a top-level value or an item of the first top-level `questions`.
    func watch(_ node: YAMLNode) {
        guard let watcher, !stack.isEmpty, stack[0].isMapping else { return }
        let root = stack[0].items
        if stack.count == 1, root.count % 2 == 1, let key = root.last?.scalar?.text {
            watcher.topLevel(key: key, value: node)
        } else if stack.count == 2, !stack[1].isMapping, root.count % 2 == 1, root.last?.scalar?.text == "questions",
                  watchedQuestionsKey ?? (root.count - 1) == root.count - 1 {
            watcher.questionItem(node)
        }
    }

    mutating func run(_ buffer: UnsafeBufferPointer<UInt8>) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            diagnostics.append(Diagnostic(.yamlSyntax, at: .start, "the YAML reader could not start (out of memory)"))
            return
        }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                diagnostics.append(Builder.syntaxDiagnostic(parser, source: buffer))
                return
            }
            defer { yaml_event_delete(&event) }
            if event.type == YAML_STREAM_END_EVENT { return }
            if !handle(event) { return }
        }
    }

    /// Handles one event; returns false to stop reading.
    mutating func handle(_ event: yaml_event_t) -> Bool {
        let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                diagnostics.append(Diagnostic(.yamlSyntax, at: position,
                    "the file holds more than one YAML document (a second `---`)",
                    hint: "keep one questionnaire per file"))
                return false
            }
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let isMapping = event.type == YAML_MAPPING_START_EVENT
            let anchor = isMapping ? Builder.string(event.data.mapping_start.anchor)
                                   : Builder.string(event.data.sequence_start.anchor)
            return begin(isMapping: isMapping, at: position, anchor: anchor)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            return end()
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            if s.length > limits.maxScalarBytes { return scalarTooLong(s.length, at: position) }
            let text = s.value.map { String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self) } ?? ""
            let style: YAMLScalar.Style = switch s.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
            let node = YAMLNode(.scalar(YAMLScalar(text, style: style, tag: Builder.string(s.tag))), at: position)
            return add(node, weight: 1, new: 1, anchor: Builder.string(s.anchor))
        case YAML_ALIAS_EVENT:
            return alias(Builder.string(event.data.alias.anchor) ?? "", at: position)
        default:
            break
        }
        return true
    }

    /// Builds the tree from `FastYAMLReader`'s events, with the same checks as libyaml's.
    mutating func replay(_ parsed: FastYAMLReader.Parsed, source: UnsafeBufferPointer<UInt8>) {
        func name(_ index: Int) -> String? { index < 0 ? nil : parsed.strings[index] }
        for event in parsed.events {
            let going: Bool
            switch event {
            case .begin(let isMapping, let position, let anchor, let count):
                going = begin(isMapping: isMapping, at: position, anchor: name(anchor))
                if going { stack[stack.count - 1].items.reserveCapacity(count) }
            case .end:
                going = end()
            case .scalar(let span, let style, let position, let anchor):
                let text = parsed.text(span, in: source)
                let length = text.utf8.count
                if length > limits.maxScalarBytes {
                    going = scalarTooLong(length, at: position)
                } else {
                    going = add(YAMLNode(.scalar(YAMLScalar(text, style: style)), at: position), weight: 1, new: 1, anchor: name(anchor))
                }
            case .alias(let index, let position):
                going = alias(parsed.strings[index], at: position)
            }
            if !going { return }
        }
    }

    /// Adds the node an alias names, expanded.
    mutating func alias(_ name: String, at position: SourcePosition) -> Bool {
        guard let target = anchors[name] else {
            diagnostics.append(Diagnostic(.yamlSyntax, at: position, "the alias `*\(name)` names no anchor `&\(name)` defined before it"))
            return false
        }
        aliasesSeen = true
        return add(target.node, weight: target.weight, new: target.weight, anchor: nil)
    }

    /// Opens a list or mapping, unless it is nested too deeply.
    mutating func begin(isMapping: Bool, at position: SourcePosition, anchor: String?) -> Bool {
        if stack.count >= limits.maxDepth {
            diagnostics.append(Diagnostic(.yamlTooDeep, at: position,
                "lists and mappings are nested more than \(limits.maxDepth) levels deep here",
                hint: "a questionnaire needs only a few levels; check the indentation or brackets"))
            return false
        }
        stack.append(Frame(isMapping: isMapping, position: position, anchor: anchor))
        return true
    }

    /// Closes the innermost list or mapping.
    mutating func end() -> Bool {
        guard let frame = stack.popLast() else { return false }
        let node: YAMLNode
        if frame.isMapping {
            node = YAMLNode(.mapping(makePairs(frame.items)), at: frame.position)
        } else {
            node = YAMLNode(.sequence(frame.items), at: frame.position)
        }
        return add(node, weight: frame.weight, new: 1, anchor: frame.anchor)
    }

    mutating func scalarTooLong(_ length: Int, at position: SourcePosition) -> Bool {
        diagnostics.append(Diagnostic(.scalarTooLong, at: position,
            "this value is \(length) bytes long; a value may be at most \(limits.maxScalarBytes / 1024) KB",
            hint: "shorten the text"))
        return false
    }

    /// Adds a finished node to its parent (or makes it the root), counting its expanded size.
    ///
    /// `weight` is the node's expanded size (itself and everything below it, aliases expanded); `new` is how
    /// many values it adds to the document's count: 1 for a scalar or a closed list or mapping (whose items
    /// were counted as they came), the whole expanded size for an alias. So every value counts once.
    mutating func add(_ node: YAMLNode, weight: Int, new: Int, anchor: String?) -> Bool {
        totalWeight = Saturating.add(totalWeight, new)
        if totalWeight > limits.maxNodes {
            diagnostics.append(Diagnostic(.yamlAliasLimit, at: node.position,
                "the document expands to more than \(limits.maxNodes) values" + (aliasesSeen ? " (aliases repeated inside aliases)" : ""),
                hint: aliasesSeen ? "use fewer nested `*alias` references; a questionnaire never needs this many values"
                                  : "split the questionnaire; one never needs this many values"))
            return false
        }
        if let anchor { anchors[anchor] = (node, weight) }
        if watcher != nil {
            if stack.count == 2, !stack[1].isMapping, stack[0].isMapping, stack[0].items.count % 2 == 1,
               stack[0].items.last?.scalar?.text == "questions", watchedQuestionsKey == nil {
                watchedQuestionsKey = stack[0].items.count - 1
            }
            watch(node)
        }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].items.append(node)
            stack[stack.count - 1].weight = Saturating.add(stack[stack.count - 1].weight, weight)
        }
        return true
    }

    /// Pairs up mapping items, reporting every duplicate and non-text key.
    mutating func makePairs(_ items: [YAMLNode]) -> [YAMLPair] {
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(items.count / 2)
        // A mapping has a handful of keys: searching the pairs kept so far is cheaper than a dictionary for each
        // of the thousands of mappings in a large file. Large mappings still get one.
        let useDictionary = items.count > 32
        var firstSeen: [String: SourcePosition] = [:]
        var index = 0
        while index + 1 < items.count {
            let key = items[index], value = items[index + 1]
            index += 2
            guard let scalar = key.scalar else {
                diagnostics.append(Diagnostic(.wrongType, at: key.position,
                    "a key must be a plain name, not \(key.kindDescription)"))
                continue
            }
            let earlier = useDictionary ? firstSeen[scalar.text]
                : pairs.first(where: { $0.key.scalar?.text == scalar.text })?.key.position
            if let first = earlier {
                diagnostics.append(Diagnostic(.duplicateKey, at: key.position,
                    "the key `\(scalar.text)` appears twice in this mapping (first at line \(first.line))",
                    hint: "remove one of them; YAML keeps only one value per key"))
                continue
            }
            if useDictionary { firstSeen[scalar.text] = key.position }
            pairs.append(YAMLPair(key: key, value: value))
        }
        return pairs
    }

    static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Turns libyaml's error into a diagnostic with a fix for the usual mistakes.
    static func syntaxDiagnostic(_ parser: yaml_parser_t, source: UnsafeBufferPointer<UInt8>) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "the YAML could not be read"
        let context = parser.context.map { String(cString: $0) }
        let mark = parser.problem_mark
        let position = SourcePosition(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        if let slip = YAMLSlip.explain(problem: problem, line: position.line, column: position.column, source: source) {
            return slip
        }
        if problem.hasPrefix("Maximum nesting level") {
            return Diagnostic(.yamlTooDeep, at: position, "lists and mappings are nested too deeply here",
                              hint: "a questionnaire needs only a few levels; check the indentation or brackets")
        }
        var message = problem
        if let context { message = "\(problem) \(context)" }
        var hint: String?
        if problem.contains("cannot start any token") {
            hint = "YAML indents with spaces, never tabs; text starting with `@`, `` ` `` or `%` must be quoted"
        } else if problem.contains("mapping values are not allowed") {
            hint = "a text containing `: ` must be put in quotes"
        } else if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            hint = "check the indentation of this line against the lines above it"
        } else if problem.contains("found unexpected end of stream") || problem.contains("did not find expected") {
            hint = "a quote or bracket opened earlier is not closed"
        }
        return Diagnostic(.yamlSyntax, at: position, "YAML syntax: \(message)", hint: hint)
    }
}

/// Told by `YAMLLoader` about the parts of a questionnaire as soon as they are read, so that they can be turned
/// into the model on another core while the loader reads on (see `ItemStream`).
protocol TopLevelWatcher: AnyObject {
    /// A value of the root mapping, complete, with its key.
    func topLevel(key: String, value: YAMLNode)
    /// An item of the root mapping's first `questions` list, complete, in file order.
    func questionItem(_ node: YAMLNode)
}
