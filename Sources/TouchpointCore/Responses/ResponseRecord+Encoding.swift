/// The one writer of response records: keys in the order of `RecordKey`, values written straight to bytes.
///
/// Answers and missing reasons become objects keyed by question id (`<id>_other` for an `other` text), then
/// by each loop's option value, then by grid row, each key in the order first met in the interview.
extension ResponseRecord {
    /// The record as one JSON line, newline included.
    public func line() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        out.append(UInt8(ascii: "\n"))
        return out
    }

    /// The record as JSON text.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// The record as a JSON value (for tests and for tools that inspect records).
    public var json: JSONValue {
        // Parsing what the writer wrote keeps one writer; a record that does not parse back is a bug.
        (try? JSONParser().parse(encoded())) ?? .null
    }

    /// Appends the record's JSON text to `out`.
    public func write(to out: inout [UInt8]) {
        // The writer works on a buffer of its own: `out` may already hold a whole file's worth of records. An
        // empty `out` is written in place.
        let inPlace = out.isEmpty
        var w = RecordWriter(out: [])
        if inPlace { swap(&w.out, &out) }
        w.out.reserveCapacity(1024)
        w.open()
        w.key(.questionnaire); w.string(questionnaire)
        w.key(.version); w.optional(version)
        w.key(.questionnaireSHA256); w.string(context.questionnaireSHA256)
        w.key(.responseID); w.string(context.responseID)
        w.key(.status); w.string(status.rawValue)
        w.key(.respondent); w.optional(context.respondent)
        w.key(.interviewer); w.optional(context.interviewer)
        w.key(.mode); w.string(context.mode.rawValue)
        w.key(.language); w.optional(language)
        w.key(.startedAt); w.string(context.startedAt)
        w.key(.completedAt); w.optional(context.completedAt)
        w.key(.meta); w.sortedObject(meta) { w, value in w.value(value) }
        let (answers, missing) = trees()
        w.key(.answers); w.tree(answers)
        w.key(.missing); w.tree(missing)
        w.key(.computed); JSONWriter().write(.object(computedObject()), to: &w.out)
        w.key(.path); w.array(path) { w, p in w.path(p) }
        w.key(.durations); w.sortedObject(durations) { w, ms in w.number(Double(ms)) }
        let orders = optionOrder.isEmpty ? [:]
            : Dictionary(optionOrder.map { ($0.key.description, $0.value) }, uniquingKeysWith: { a, _ in a })
        w.key(.optionOrder); w.sortedObject(orders) { w, values in w.array(values) { w, v in w.option(v) } }
        w.key(.warnings); w.array(warnings) { w, s in w.string(s) }
        w.close()
        if inPlace {
            swap(&w.out, &out)
        } else {
            out += w.out
        }
    }

    /// The `computed` object: each compute by id, loop values keyed by option value, in interview order.
    /// `verify` compares a stored record's `computed` with this, so both read the same object.
    public func computedObject() -> JSONObject {
        ResponseRecord.computedObject(computed)
    }

    /// The `computed` object of these compute values (`computedObject()`).
    static func computedObject(_ computed: [ComputedValue]) -> JSONObject {
        func insert(_ value: JSONValue, at keys: ArraySlice<String>, into object: inout JSONObject) {
            guard let head = keys.first else { return }
            if keys.count == 1 { object[head] = value; return }
            var inner = object[head]?.objectValue ?? JSONObject()
            insert(value, at: keys.dropFirst(), into: &inner)
            object[head] = .object(inner)
        }
        var object = JSONObject()
        for c in computed { insert(c.value.json, at: ([c.path.question] + c.path.loop.map(\.description))[...], into: &object) }
        return object
    }

    /// The `answers` and `missing` objects as trees of keys in first-met order.
    private func trees() -> (Tree, Tree) {
        var answers = Tree(capacity: entries.count * 2), missing = Tree(capacity: 8)
        for entry in entries {
            switch entry.outcome {
            case .answer: answers.insert(entry.outcome, at: entry.path)
            case .missing: missing.insert(entry.outcome, at: entry.path)
            case .seen: continue
            }
        }
        return (answers, missing)
    }
}

/// Nested objects built from paths of keys, each level keeping its keys in the order first inserted; a
/// later value at the same path replaces the earlier one in place.
///
/// The nodes live in one array, each level a linked list of its children, so that a record's trees cost a
/// few allocations instead of one object and two arrays per key.
struct Tree {
    struct Node {
        var key: String
        var leaf: StepOutcome?
        var firstChild = -1
        var lastChild = -1
        var next = -1
        var childCount = 0
    }

    /// The nodes; the first is the root.
    private(set) var nodes: [Node]
    /// Child positions by key of the levels grown past a few keys (the top level of a long questionnaire).
    private var index: [Int: [String: Int]] = [:]

    init(capacity: Int = 8) {
        nodes = []
        nodes.reserveCapacity(capacity + 1)
        nodes.append(Node(key: ""))
    }

    /// The child of `parent` under `key`, added last among its children if it is not there yet.
    mutating func child(_ parent: Int, _ key: String) -> Int {
        if let level = index[parent] {
            if let i = level[key] { return i }
        } else {
            var i = nodes[parent].firstChild
            while i >= 0 {
                if nodes[i].key == key { return i }
                i = nodes[i].next
            }
        }
        let node = nodes.count
        nodes.append(Node(key: key))
        if nodes[parent].lastChild >= 0 {
            nodes[nodes[parent].lastChild].next = node
        } else {
            nodes[parent].firstChild = node
        }
        nodes[parent].lastChild = node
        nodes[parent].childCount += 1
        if index[parent] != nil {
            index[parent]?[key] = node
        } else if nodes[parent].childCount > 16 {
            var level: [String: Int] = [:]
            var i = nodes[parent].firstChild
            while i >= 0 {
                level[nodes[i].key] = i
                i = nodes[i].next
            }
            index[parent] = level
        }
        return node
    }

    /// Makes the node a leaf holding `outcome`, dropping any keys below it.
    mutating func setLeaf(_ node: Int, _ outcome: StepOutcome) {
        nodes[node].leaf = outcome
        if nodes[node].childCount > 0 {
            nodes[node].firstChild = -1
            nodes[node].lastChild = -1
            nodes[node].childCount = 0
        }
        if !index.isEmpty { index[node] = nil }
    }

    /// Sets the leaf at an answer path: question (`<id>_other` for an `other` text), loop option values, grid row.
    mutating func insert(_ outcome: StepOutcome, at key: AnswerPath) {
        var node = child(0, key.isOtherText ? key.question + "_other" : key.question)
        for option in key.loop { node = child(node, option.description) }
        if let row = key.row { node = child(node, row) }
        setLeaf(node, outcome)
    }
}

/// Writes JSON text for records: the same bytes `JSONWriter` gives for the same values.
struct RecordWriter {
    var out: [UInt8]
    private var first = true

    init(out: [UInt8]) { self.out = out }

    mutating func open() { out.append(UInt8(ascii: "{")); first = true }
    mutating func close() { out.append(UInt8(ascii: "}")); first = false }

    mutating func key(_ key: RecordKey) { name(key.rawValue) }

    mutating func name(_ name: String) {
        if !first { out.append(UInt8(ascii: ",")) }
        first = false
        JSONWriter.writeString(name, to: &out)
        out.append(UInt8(ascii: ":"))
    }

    mutating func string(_ s: String) { JSONWriter.writeString(s, to: &out) }
    mutating func number(_ n: Double) { JSONWriter.writeNumber(n, to: &out) }

    mutating func optional(_ s: String?) {
        if let s { string(s) } else { out.append(contentsOf: "null".utf8) }
    }

    mutating func option(_ v: OptionValue) {
        switch v {
        case .integer(let i): number(Double(i))
        case .text(let s): string(s)
        }
    }

    mutating func value(_ v: Value) {
        switch v {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case .number(let n): number(n)
        case .text(let s): string(s)
        case .list(let items): array(items) { w, item in w.value(item) }
        case .keyed(let map): sortedObject(map) { w, item in w.value(item) }
        }
    }

    mutating func array<T>(_ items: [T], _ each: (inout RecordWriter, T) -> Void) {
        out.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            each(&self, item)
        }
        out.append(UInt8(ascii: "]"))
        first = false
    }

    mutating func sortedObject<T>(_ map: [String: T], _ each: (inout RecordWriter, T) -> Void) {
        open()
        if map.count == 1, let only = map.first {
            name(only.key)
            each(&self, only.value)
        } else if !map.isEmpty {
            for (key, v) in map.sorted(by: { $0.key < $1.key }) {
                name(key)
                each(&self, v)
            }
        }
        close()
    }

    mutating func tree(_ tree: Tree) { node(0, of: tree) }

    private mutating func node(_ node: Int, of tree: Tree) {
        if let leaf = tree.nodes[node].leaf {
            switch leaf {
            case .answer(let v): value(v)
            case .missing(let reason): string(reason.rawValue)
            case .seen: out.append(contentsOf: "null".utf8)
            }
            return
        }
        open()
        var child = tree.nodes[node].firstChild
        while child >= 0 {
            name(tree.nodes[child].key)
            self.node(child, of: tree)
            child = tree.nodes[child].next
        }
        close()
    }

    /// Writes an answer path's `description` as a JSON string, from its parts (the same bytes, without making the
    /// text first): the question, `_other`, `[option]` for each loop, `.row`.
    mutating func path(_ p: AnswerPath) {
        out.append(UInt8(ascii: "\""))
        JSONWriter.writeStringContents(p.question, to: &out)
        if p.isOtherText { out.append(contentsOf: "_other".utf8) }
        for value in p.loop {
            out.append(UInt8(ascii: "["))
            switch value {
            case .text(let s): JSONWriter.writeStringContents(s, to: &out)
            case .integer(let i): out.append(contentsOf: String(i).utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        if let row = p.row {
            out.append(UInt8(ascii: "."))
            JSONWriter.writeStringContents(row, to: &out)
        }
        out.append(UInt8(ascii: "\""))
    }
}
