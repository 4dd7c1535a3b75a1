extension Interview {
    /// The progress marker's fraction now: that of the current prompt, or 1 once the interview has ended.
    public var progressFraction: Double {
        isFinished ? 1 : progress.fraction
    }

    /// The most prompts this interview can still ask, the one at `key` included, as the checked questionnaire
    /// says from where the interview stands (`stopPath`).
    ///
    /// Every condition ahead is taken as true (an `end` with a `when` may be passed, one without stops the
    /// path); a question counts its prompts (a grid one a row, a choice with `other` one more for the text);
    /// a loop counts its items once a round: as many rounds as options were chosen when its question has been
    /// answered, and otherwise as many as could be chosen.
    func longestRemaining(at key: AnswerPath) -> Int {
        RemainingPath(interview: self, current: key).fromCurrent(questionnaire.items, path: stopPath[...], bindings: [],
                                                                 then: 0)
    }
}

/// The longest-path count behind `Interview.longestRemaining`.
private struct RemainingPath {
    let interview: Interview
    let current: AnswerPath

    /// A loop round: the section and its option, when known.
    typealias Binding = (section: String, value: OptionValue?)

    /// How many rounds a loop section has: its chosen options, or at most a number of them.
    enum Rounds {
        case chosen([OptionValue])
        case atMost(Int)
    }

    /// From the current prompt, which `path` (item index, a loop's round, then the inner path) leads to in `items`,
    /// to the end of `items`, followed by `then` prompts.
    func fromCurrent(_ items: [Item], path: ArraySlice<Int>, bindings: [Binding], then after: Int) -> Int {
        guard let index = path.first, index < items.count else { return after }
        let rest = longest(items, from: index + 1, bindings: bindings, then: after)
        switch items[index] {
        case .question(let q):
            return promptsLeft(in: q) + rest
        case .section(let s):
            guard s.forEach != nil else {
                return fromCurrent(s.items, path: path.dropFirst(), bindings: bindings, then: rest)
            }
            let round = path.dropFirst().first ?? 0
            guard case .chosen(let values) = rounds(of: s, bindings: bindings), round < values.count else {
                return fromCurrent(s.items, path: path.dropFirst(2), bindings: bindings + [(s.id, nil)], then: rest)
            }
            var tail = rest
            for later in values[(round + 1)...].reversed() {
                tail = longest(s.items, from: 0, bindings: bindings + [(s.id, later)], then: tail)
            }
            return fromCurrent(s.items, path: path.dropFirst(2), bindings: bindings + [(s.id, values[round])], then: tail)
        case .compute, .end:
            return rest
        }
    }

    /// The longest count from `items[start...]` to the end of `items`, followed by `then` prompts.
    func longest(_ items: [Item], from start: Int, bindings: [Binding], then continuation: Int) -> Int {
        var after = continuation
        var index = items.count
        while index > start {
            index -= 1
            switch items[index] {
            case .question(let q):
                after += prompts(of: q)
            case .compute:
                break
            case .end(let e):
                if e.when == nil { after = 0 }
            case .section(let s):
                var inner = after
                if s.forEach != nil {
                    switch rounds(of: s, bindings: bindings) {
                    case .chosen(let values):
                        for value in values.reversed() {
                            inner = longest(s.items, from: 0, bindings: bindings + [(s.id, value)], then: inner)
                        }
                    case .atMost(let count):
                        for _ in 0..<count {
                            inner = longest(s.items, from: 0, bindings: bindings + [(s.id, nil)], then: inner)
                        }
                    }
                } else {
                    inner = longest(s.items, from: 0, bindings: bindings, then: after)
                }
                after = s.when == nil ? inner : max(inner, after)
            }
        }
        return after
    }

    /// The prompts of a question not yet reached.
    func prompts(of q: Question) -> Int {
        if q.type == .grid { return q.rows.count }
        return q.other ? 2 : 1
    }

    /// The prompts of the current question from the current one on.
    func promptsLeft(in q: Question) -> Int {
        if current.isOtherText { return 1 }
        if q.type == .grid {
            let row = q.rows.firstIndex { $0.id == current.row } ?? 0
            return q.rows.count - row
        }
        return prompts(of: q)
    }

    /// The rounds of a loop section at a point of the walk: the options chosen at its question when that has
    /// been asked (none when it was left unanswered), else as many as could be chosen.
    func rounds(of s: Section, bindings: [Binding]) -> Rounds {
        guard let name = s.forEach else { return .chosen([]) }
        let question = interview.table.question(name)
        let most = question.map(mostChoices) ?? 1
        let known = bindings.compactMap(\.value)
        guard known.count == bindings.count else { return .atMost(most) }
        let env = Environment(interview: interview, loop: known, loopSections: bindings.map(\.section), current: nil)
        switch Evaluator.evaluate(.name(QualifiedName(parts: [name]), s.position), in: env) {
        case .list(let values):
            return .chosen(values.compactMap { question?.option(matching: $0)?.value })
        case .null:
            let loops = interview.table.symbols[name]?.loops ?? []
            var bound: [OptionValue] = []
            for (i, section) in loops.enumerated() {
                guard i < bindings.count, bindings[i].section == section else { break }
                bound.append(known[i])
            }
            return interview.outcome(AnswerPath(question: name, loop: bound)) == nil ? .atMost(most) : .chosen([])
        case let single:
            return .chosen([question?.option(matching: single)?.value].compactMap { $0 })
        }
    }

    /// The most options one answer to `q` can hold: every option but the exclusive ones, at most `max`.
    func mostChoices(_ q: Question) -> Int {
        guard q.type == .multi else { return 1 }
        var count = q.allOptions.filter { !$0.exclusive }.count
        if let most = q.max, most >= 0, most < Double(count) { count = Int(most) }
        return max(count, 1)
    }
}
