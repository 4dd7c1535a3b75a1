/// The values an expression or placeholder sees at one point of an interview.
struct Environment: ValueEnvironment {
    let interview: Interview
    /// Chosen options of the loops around the point, outermost first, and their section ids.
    let loop: [OptionValue]
    let loopSections: [String]
    /// The question whose checks are evaluated, with the answer being checked.
    let current: (id: String, value: Value)?

    func value(of name: QualifiedName) -> Value {
        let parts = name.parts
        guard let head = parts.first else { return .null }
        if head == "meta" { return parts.count == 2 ? interview.meta[parts[1]] ?? .null : .null }
        if head == "item" && parts.count == 1 { return loop.last.map(Value.of) ?? .null }
        if let current, current.id == head {
            if parts.count == 1 { return current.value }
            if case .keyed(let rows) = current.value { return rows[parts[1]] ?? .null }
        }
        guard let symbol = interview.table.symbols[head] else { return .null }
        let bound = boundLoops(symbol)
        if symbol.kind == .compute {
            return gatherCompute(head, prefix: bound, depth: symbol.loops.count)
        }
        guard let q = symbol.question else { return .null }
        return gather(q, prefix: bound, depth: symbol.loops.count, row: parts.count == 2 ? parts[1] : nil)
    }

    /// The chosen options of the loops the point shares with `symbol`, outermost first.
    private func boundLoops(_ symbol: Symbol) -> [OptionValue] {
        var bound: [OptionValue] = []
        for (i, section) in symbol.loops.enumerated() {
            guard i < loopSections.count, loopSections[i] == section else { break }
            bound.append(loop[i])
        }
        return bound
    }

    /// The text typed for the `other` option of the question `id` at this point, if it was chosen and given.
    private func otherText(_ id: String) -> String? {
        guard let symbol = interview.table.symbols[id], symbol.question?.other == true else { return nil }
        let key = AnswerPath(question: id, loop: boundLoops(symbol), isOtherText: true)
        if case .answer(.text(let text))? = interview.outcome(key) { return text }
        return nil
    }

    /// A question's value at a loop prefix: the answer itself, or answers keyed by the next loop's option.
    private func gather(_ q: Question, prefix: [OptionValue], depth: Int, row: String?) -> Value {
        if prefix.count >= depth {
            if q.type == .grid {
                let rows = interview.gridRows(q, loop: prefix)
                if let row { return rows[row] ?? .null }
                return rows.isEmpty ? .null : .keyed(rows)
            }
            return interview.outcome(AnswerPath(question: q.id, loop: prefix))?.value ?? .null
        }
        var map: [String: Value] = [:]
        for step in interview.steps(of: q.id) where step.key.loop.count > prefix.count && Array(step.key.loop.prefix(prefix.count)) == prefix {
            let next = step.key.loop[prefix.count]
            if map[next.description] != nil { continue }
            let v = gather(q, prefix: prefix + [next], depth: depth, row: row)
            if v != .null { map[next.description] = v }
        }
        return map.isEmpty ? .null : .keyed(map)
    }

    private func gatherCompute(_ id: String, prefix: [OptionValue], depth: Int) -> Value {
        if prefix.count >= depth { return interview.computed[AnswerPath(question: id, loop: prefix)] ?? .null }
        return keyedComputes(id, prefix: prefix)
    }

    /// A loop compute seen from outside its loops: values keyed by the next loop's option, nested per level.
    private func keyedComputes(_ id: String, prefix: [OptionValue]) -> Value {
        var map: [String: Value] = [:]
        for (key, value) in interview.computed
        where key.question == id && key.loop.count > prefix.count && key.loop.starts(with: prefix) && value != .null {
            let next = key.loop[prefix.count].description
            if map[next] != nil { continue }
            let inner = key.loop.count == prefix.count + 1 ? value : keyedComputes(id, prefix: Array(key.loop.prefix(prefix.count + 1)))
            if inner != .null { map[next] = inner }
        }
        return map.isEmpty ? .null : .keyed(map)
    }

    /// A value as shown in piped text: option labels for choices, the loop option's label for `item`.
    func display(_ name: QualifiedName) -> String {
        let language = interview.language
        let fallback = interview.questionnaire.defaultLanguage
        let parts = name.parts
        var question: Question?
        if parts == ["item"], let section = loopSections.last, let qid = interview.loopQuestion[section] {
            question = interview.table.question(qid)
        } else if parts.first == "meta", parts.count == 2 {
            question = interview.table.meta[parts[1]]?.question
        } else if let head = parts.first {
            question = interview.table.question(head)
        }
        let value = value(of: name)
        // The respondent's own words stand for the `other` option they chose ("Other" says nothing).
        let typedOther = parts.count == 1 && parts != ["item"] ? otherText(parts[0]) : nil
        func label(_ v: Value) -> String {
            if let typedOther, v == Value.of(ChoiceOption.otherValue) { return typedOther }
            guard let q = question else { return v.display }
            if case .bool(let b) = v, q.type == .yesNo {
                return q.labels[b ? "yes" : "no"]?.text(language, fallback: fallback)
                    ?? EngineText.text(b ? .yes : .no, language)
            }
            let options = q.type == .grid ? q.options : q.allOptions
            return options.first { Value.of($0.value) == v }?.label.text(language, fallback: fallback) ?? v.display
        }
        switch value {
        case .null: return "—"
        case .list(let items): return items.map(label).joined(separator: EngineText.text(.listSeparator, language))
        case .keyed(let map): return map.keys.sorted().map { "\($0): \(label(map[$0] ?? .null))" }.joined(separator: ", ")
        default: return label(value)
        }
    }
}
