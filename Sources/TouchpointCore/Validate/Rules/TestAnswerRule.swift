/// `test-invalid`: an in-file test's answers must be answers its questions accept.
///
/// Without this a test answering a five-option `single` with `9` only fails when run, with the respondent's
/// prompt text ("Type a number from 1 to 5"). Here it is a problem with the test, at the value. A test that
/// expects `rejected: true` may give bad answers on purpose and is not checked.
enum TestAnswerRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        let table = context.table
        var loopsBySection: [String: (id: String, values: [OptionValue])] = [:]
        for f in context.flow {
            if case .section(let section) = f.item, let name = section.forEach, let q = table.question(name) {
                loopsBySection[section.id] = (section.id, q.allOptions.map(\.value))
            }
        }
        for test in context.questionnaire.tests where test.expect.rejected != true {
            for (name, node) in test.answers.sorted(by: { $0.key < $1.key }) {
                guard let symbol = table.symbols[name], symbol.kind == .question, let q = symbol.question else { continue }
                let loops = symbol.loops.compactMap { loopsBySection[$0] }
                check(node, of: q, loops: loops[...], test: test.name, into: &bag)
            }
        }
    }

    private static func check(_ node: YAMLNode, of q: Question, loops: ArraySlice<(id: String, values: [OptionValue])>,
                              test: String, into bag: inout DiagnosticBag) {
        if let loop = loops.first {
            guard let pairs = node.mapping else { return }
            for pair in pairs {
                if let key = pair.key.scalar?.text, !loop.values.contains(where: { $0.description == key }) {
                    bag.add(.testInvalid, at: pair.key.position,
                            "test `\(test)` answers `\(q.id)` for `\(key)`, which is not an option of the loop `\(loop.id)`",
                            hint: "its options are \(list(loop.values))")
                }
                check(pair.value, of: q, loops: loops.dropFirst(), test: test, into: &bag)
            }
            return
        }
        switch q.type {
        case .single:
            choice(node, of: q, options: q.allOptions.map(\.value), test: test, into: &bag)
        case .multi:
            let items = node.sequence ?? [node]
            for item in items { choice(item, of: q, options: q.allOptions.map(\.value), test: test, into: &bag) }
        case .scale, .nps:
            scalePoint(node, of: q, test: test, into: &bag)
        case .grid:
            guard let pairs = node.mapping else { return }
            for pair in pairs {
                guard let row = pair.key.scalar?.text else { continue }
                guard q.rows.contains(where: { $0.id == row }) else {
                    bag.add(.testInvalid, at: pair.key.position, "test `\(test)` answers row `\(row)` of grid `\(q.id)`, which has no such row",
                            hint: "its rows are \(q.rows.map { "`\($0.id)`" }.joined(separator: ", "))")
                    continue
                }
                if q.options.isEmpty {
                    scalePoint(pair.value, of: q, test: test, into: &bag)
                } else {
                    choice(pair.value, of: q, options: q.options.map(\.value), test: test, into: &bag)
                }
            }
        case .yesNo:
            if let s = node.scalar, case .string = s.resolved {
                bag.add(.testInvalid, at: node.position, "test `\(test)` answers yes/no question `\(q.id)` with `\(s.text)`",
                        hint: "write `true` or `false`")
            }
        default:
            break
        }
    }

    private static func choice(_ node: YAMLNode, of q: Question, options: [OptionValue], test: String, into bag: inout DiagnosticBag) {
        guard let s = node.scalar, s.resolved != .null else { return }
        guard !options.contains(where: { $0.description == s.text }) else { return }
        bag.add(.testInvalid, at: node.position,
                "test `\(test)` answers `\(q.id)` with `\(s.text)`, which is not one of its option values",
                hint: "write one of \(list(options))")
    }

    private static func scalePoint(_ node: YAMLNode, of q: Question, test: String, into bag: inout DiagnosticBag) {
        guard let points = q.scalePoints, let s = node.scalar, s.resolved != .null else { return }
        if case .integer(let i) = s.resolved, points.contains(i) { return }
        bag.add(.testInvalid, at: node.position,
                "test `\(test)` answers `\(q.id)` with `\(s.text)`, which is not a point of its scale",
                hint: "write a whole number from \(points.lowerBound) to \(points.upperBound)")
    }

    private static func list(_ values: [OptionValue]) -> String {
        let shown = values.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
        return values.count > 12 ? shown + ", ..." : shown
    }
}
