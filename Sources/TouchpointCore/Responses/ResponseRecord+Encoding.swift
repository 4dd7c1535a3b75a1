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
        // The writer works on a buffer of its own: `out` may already hold a whole file's worth of records.
        var w = RecordWriter(out: [])
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
        w.key(.path); w.array(path) { w, p in w.string(p.description) }
        w.key(.durations); w.sortedObject(durations) { w, ms in w.number(Double(ms)) }
        let orders = optionOrder.isEmpty ? [:]
            : Dictionary(optionOrder.map { ($0.key.description, $0.value) }, uniquingKeysWith: { a, _ in a })
        w.key(.optionOrder); w.sortedObject(orders) { w, values in w.array(values) { w, v in w.option(v) } }
        w.key(.warnings); w.array(warnings) { w, s in w.string(s) }
        w.close()
        out += w.out
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
        let answers = Tree(), missing = Tree()
        for entry in entries {
            let tree: Tree
            switch entry.outcome {
            case .answer: tree = answers
            case .missing: tree = missing
            case .seen: continue
            }
            let key = entry.path
            var node = tree.root.child(key.isOtherText ? key.question + "_other" : key.question)
            for option in key.loop { node = node.child(option.description) }
            if let row = key.row { node = node.child(row) }
            node.setLeaf(entry.outcome)
        }
        return (answers, missing)
    }
}

/// Nested objects built from paths of keys, each level keeping its keys in the order first inserted; a
/// later value at the same path replaces the earlier one in place.
struct Tree {
    final class Node {
        var keys: [String] = []
        var children: [Node] = []
        var leaf: StepOutcome?
        /// Key positions once a level grows past a few keys (the top level of a long questionnaire).
        var index: [String: Int]?

        /// Makes the node a leaf holding `outcome`, dropping any keys below it.
        func setLeaf(_ outcome: StepOutcome) {
            leaf = outcome
            if !keys.isEmpty {
                keys = []
                children = []
            }
            index = nil
        }

        func child(_ key: String) -> Node {
            if let index {
                if let i = index[key] { return children[i] }
            } else if let i = keys.firstIndex(of: key) {
                return children[i]
            }
            let node = Node()
            keys.append(key)
            children.append(node)
            if index != nil {
                index?[key] = keys.count - 1
            } else if keys.count > 16 {
                index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
            }
            return node
        }
    }

    let root = Node()

    func insert(_ outcome: StepOutcome, at keys: [String]) {
        var node = root
        for key in keys { node = node.child(key) }
        node.setLeaf(outcome)
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

    mutating func tree(_ tree: Tree) { node(tree.root) }

    private mutating func node(_ node: Tree.Node) {
        if let leaf = node.leaf {
            switch leaf {
            case .answer(let v): value(v)
            case .missing(let reason): string(reason.rawValue)
            case .seen: out.append(contentsOf: "null".utf8)
            }
            return
        }
        open()
        for (key, child) in zip(node.keys, node.children) {
            name(key)
            self.node(child)
        }
        close()
    }
}
