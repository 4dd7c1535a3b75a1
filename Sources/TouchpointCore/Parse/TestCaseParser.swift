/// Reads `tests:`, the in-file test cases run by `touchpoint test` and `validate`.
struct TestCaseParser {
    let reader: NodeReader

    func tests(_ node: YAMLNode) -> [TestCase] {
        guard let list = reader.list(node, key: "tests") else { return [] }
        return list.enumerated().compactMap { test($1, index: $0) }
    }

    func test(_ node: YAMLNode, index: Int) -> TestCase? {
        guard let f = reader.fields(node, allowed: FormatKeys.test,
                                    required: ["answers", "expect"], what: "test \(index + 1)") else { return nil }
        let name = f["name"].flatMap { reader.string($0.value, key: "name") } ?? "test \(index + 1)"
        var t = TestCase(name: name, at: node.position)
        if let n = f["language"]?.value { t.language = reader.string(n, key: "language") }
        if let n = f["meta"]?.value { t.meta = map(n, key: "meta").values }
        if let n = f["answers"]?.value {
            let m = map(n, key: "answers")
            t.answers = m.values
            t.answerPositions = m.positions
        }
        if let n = f["missing"]?.value { t.missing = map(n, key: "missing").values }
        if let n = f["expect"]?.value { t.expect = expectation(n, test: name) }
        return t
    }

    func map(_ node: YAMLNode, key: String) -> (values: [String: YAMLNode], positions: [String: SourcePosition]) {
        guard let pairs = node.mapping else {
            if node.scalar?.resolved != .null {
                reader.report(.wrongType, at: node.position, "`\(key)` must be a mapping, not \(node.kindDescription)")
            }
            return ([:], [:])
        }
        var values: [String: YAMLNode] = [:]
        var positions: [String: SourcePosition] = [:]
        for pair in pairs {
            guard let name = pair.key.scalar?.text else { continue }
            values[name] = pair.value
            positions[name] = pair.key.position
        }
        return (values, positions)
    }

    func expectation(_ node: YAMLNode, test: String) -> TestCase.Expectation {
        var e = TestCase.Expectation()
        e.position = node.position
        guard let f = reader.fields(node, allowed: FormatKeys.expect,
                                    what: "the `expect` of test `\(test)`") else { return e }
        for (key, pair) in f { e.keyPositions[key] = pair.key.position }
        if let n = f["status"]?.value, let s = reader.string(n, key: "status") {
            e.status = EndStatus(rawValue: s)
            if e.status == nil, s == EndStatus.quotaFull.rawValue || s.hasPrefix("quota_") {
                reader.report(.badValue, at: n.position,
                              "`status: \(s)` cannot be expected: in-file tests run with every quota open (they have no output file to count)",
                              hint: "write `complete` or `screened_out`")
            } else if e.status == nil {
                reader.report(.badValue, at: n.position, "`status: \(s)` is not an interview status",
                              hint: "write `complete` or `screened_out`")
            }
        }
        if let n = f["rejected"]?.value { e.rejected = reader.bool(n, key: "rejected") }
        if let n = f["asked"]?.value { e.asked = reader.stringList(n, key: "asked") ?? [] }
        if let n = f["not_asked"]?.value { e.notAsked = reader.stringList(n, key: "not_asked") ?? [] }
        if let n = f["computed"]?.value { e.computed = map(n, key: "computed").values }
        return e
    }
}
