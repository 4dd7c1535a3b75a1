/// Reads `scores:`, the CX metrics declared for `touchpoint score` (SPEC section 6).
struct ScoreParser {
    let reader: NodeReader

    static let methodKeys: [ScoreMethod: [String]] = [
        .nps: ["item"],
        .topBox: ["item", "top"],
        .bottomBox: ["item", "bottom"],
        .percent: ["rule", "dont_know"],
        .mean: ["items", "min_answered"],
        .sum: ["items", "min_answered"],
        .drivers: ["target", "items"],
        .sus: ["items"],
        .umuxLite: ["items"],
        .completion: ["item", "success"],
        .timeOnTask: ["items", "successful"],
    ]

    func scores(_ node: YAMLNode) -> [ScoreDefinition] {
        guard let pairs = node.mapping else {
            reader.report(.wrongType, at: node.position, "`scores` must be a mapping from score id to its definition, not \(node.kindDescription)")
            return []
        }
        return pairs.compactMap(score)
    }

    func score(_ pair: YAMLPair) -> ScoreDefinition? {
        guard let id = reader.identifier(pair.key, key: "scores") else { return nil }
        let node = pair.value
        guard let methodNode = node["method"] else {
            _ = reader.fields(node, allowed: ["method"], required: ["method"], what: "score `\(id)`")
            return nil
        }
        guard let name = reader.string(methodNode, key: "method") else { return nil }
        guard let method = ScoreMethod(rawValue: name) else {
            let names = ScoreMethod.allCases.map(\.rawValue)
            reader.report(.badValue, at: methodNode.position, "`\(name)` is not a scoring method",
                          hint: TextSimilarity.closest(to: name, in: names).map { "did you mean `\($0)`?" } ?? "methods: \(names.joined(separator: ", "))")
            return nil
        }
        let keys = ["method"] + (ScoreParser.methodKeys[method] ?? [])
        let required = Array(keys.filter { ["item", "items", "rule", "target"].contains($0) })
        guard let f = reader.fields(node, allowed: keys, required: required, what: "score `\(id)` (\(name))") else { return nil }
        var s = ScoreDefinition(id: id, method: method, at: pair.key.position)
        for (key, p) in f { s.keyPositions[key] = p.key.position }
        if let n = f["item"]?.value { s.item = scoreItem(n) }
        if let n = f["target"]?.value { s.target = scoreItem(n) }
        if let n = f["items"]?.value, let list = reader.list(n, key: "items") { s.items = list.compactMap(scoreItem) }
        if let n = f["rule"]?.value { s.rule = reader.condition(n, key: "rule") }
        for key in ["top", "bottom"] {
            if let n = f[key]?.value, let v = reader.integer(n, key: key) {
                if v < 1 { reader.report(.badRange, at: n.position, "`\(key)` of score `\(id)` must be 1 or more") } else { s.box = v }
            }
        }
        if let n = f["dont_know"]?.value, let v = reader.string(n, key: "dont_know") {
            switch v {
            case "in_base": s.dontKnowInBase = true
            case "excluded": s.dontKnowInBase = false
            default:
                reader.report(.badValue, at: n.position, "`dont_know` of score `\(id)` is `\(v)`; write `in_base` (don't know counts as not holding the rule) or `excluded` (left out of the base)")
            }
        }
        if let n = f["min_answered"]?.value, let v = reader.integer(n, key: "min_answered") {
            if v < 1 { reader.report(.badRange, at: n.position, "`min_answered` of score `\(id)` must be 1 or more") } else { s.minAnswered = v }
        }
        taskKeys(f, into: &s)
        return s
    }

    /// A scored name, written plainly or as `{item: ease, reverse: true}`.
    func scoreItem(_ node: YAMLNode) -> ScoreItem? {
        if node.scalar != nil {
            return reader.string(node, key: "item").map { ScoreItem(name: $0, at: node.position) }
        }
        guard let f = reader.fields(node, allowed: FormatKeys.scoredItem, required: ["item"], what: "a scored item"),
              let n = f["item"]?.value, let name = reader.string(n, key: "item") else { return nil }
        let reverse = f["reverse"].flatMap { reader.bool($0.value, key: "reverse") } ?? false
        return ScoreItem(name: name, reverse: reverse, at: n.position)
    }
}
