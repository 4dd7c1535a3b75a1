/// `test-invalid`: in-file tests must name questions, computes and meta keys that exist.
enum TestCaseRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        let table = context.table
        let questions = table.symbols.values.filter { $0.kind == .question }.map(\.id).sorted()
        for test in context.questionnaire.tests {
            for (name, _) in test.answers.sorted(by: { $0.key < $1.key }) {
                let base = name.hasSuffix("_other") ? String(name.dropLast(6)) : name
                if let q = table.question(name), q.type != .note { continue }
                if name.hasSuffix("_other"), let q = table.question(base), q.other { continue }
                bag.add(.testInvalid, at: test.answerPositions[name] ?? test.position,
                        "test `\(test.name)` answers `\(name)`, which is not a question of this questionnaire",
                        hint: TextSimilarity.closest(to: name, in: questions).map { "did you mean `\($0)`?" })
            }
            for (name, value) in test.missing.sorted(by: { $0.key < $1.key }) {
                if table.question(name) == nil {
                    bag.add(.testInvalid, at: value.position, "test `\(test.name)` lists `\(name)` as missing, but it is not a question",
                            hint: TextSimilarity.closest(to: name, in: questions).map { "did you mean `\($0)`?" })
                }
                if let reason = value.scalar?.text, !["skipped", "dont_know", "refused"].contains(reason) {
                    bag.add(.testInvalid, at: value.position, "`\(reason)` is not a reason for a missing answer",
                            hint: "write `skipped`, `dont_know` or `refused`")
                }
            }
            for (key, _) in test.meta.sorted(by: { $0.key < $1.key }) where table.meta[key] == nil {
                bag.add(.testInvalid, at: test.position, "test `\(test.name)` sets meta `\(key)`, which is not declared under `meta:`",
                        hint: TextSimilarity.closest(to: key, in: table.meta.keys.sorted()).map { "did you mean `\($0)`?" })
            }
            let e = test.expect
            for name in e.asked + e.notAsked where table.symbols[name] == nil {
                bag.add(.testInvalid, at: e.keyPositions[e.asked.contains(name) ? "asked" : "not_asked"] ?? e.position,
                        "test `\(test.name)` expects something of `\(name)`, which is not a question or section",
                        hint: TextSimilarity.closest(to: name, in: table.symbols.keys.sorted()).map { "did you mean `\($0)`?" })
            }
            for name in e.computed.keys.sorted() where table.computeTypes[name] == nil {
                bag.add(.testInvalid, at: e.keyPositions["computed"] ?? e.position,
                        "test `\(test.name)` expects compute `\(name)`, which is not a compute of this questionnaire")
            }
            if e.status == nil && e.rejected == nil {
                bag.add(.testInvalid, at: e.position, "test `\(test.name)` expects nothing about how the interview ends",
                        hint: "add `status: complete` (or `screened_out`), or `rejected: true`")
            }
        }
    }
}
