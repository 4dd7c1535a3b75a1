/// `bad-score`, `not-an-option` in the usability-test scores: `sus` names exactly ten 1-5 scales in the order
/// asked, `umux_lite` two 1-7 scales, `completion` a yes_no or single item with real success values, and
/// `time_on_task` questions in one loop with a `completion` score to say which attempts succeeded.
enum UsabilityScoreRule {
    static func check(_ score: ScoreDefinition, _ context: ValidationContext, into bag: inout DiagnosticBag) {
        switch score.method {
        case .sus:
            checkScale(score, context, count: SystemUsabilityScale.itemCount, points: 1...5, name: "the System Usability Scale", into: &bag)
            checkOrder(score, context, into: &bag)
        case .umuxLite:
            checkScale(score, context, count: 2, points: 1...7, name: "UMUX-Lite", into: &bag)
        case .completion:
            checkCompletion(score, context, into: &bag)
        case .timeOnTask:
            checkTiming(score, context, into: &bag)
        default:
            return
        }
    }

    /// Exactly `count` distinct, unreversed items, each a `points` scale.
    private static func checkScale(_ score: ScoreDefinition, _ context: ValidationContext, count: Int, points: ClosedRange<Int>,
                                   name: String, into bag: inout DiagnosticBag) {
        let range = "\(points.lowerBound)-\(points.upperBound)"
        if score.items.count != count {
            bag.add(.badScore, at: score.position(of: "items"),
                    "score `\(score.id)` (\(score.method.rawValue)) names \(score.items.count) item\(score.items.count == 1 ? "" : "s"); \(name) has exactly \(count) items, each a \(range) scale",
                    hint: "list the \(count) questions of the scale in `items`, first item first")
        }
        var seen = Set<String>()
        for item in score.items {
            ScoreRule.checkItem(item, score, context, into: &bag, accept: { _, q in q?.type == .scale && q?.scalePoints == points },
                                need: "a \(range) scale question")
            if item.reverse {
                bag.add(.badScore, at: item.position,
                        "`\(item.name)` is marked reversed, but \(score.method.rawValue) scores its items by its own rule", hint: "remove `reverse: true`")
            }
            if !seen.insert(item.name).inserted {
                bag.add(.badScore, at: item.position, "`\(item.name)` is named twice in score `\(score.id)`; each item of \(name) is a different question")
            }
        }
    }

    /// SUS scores odd and even items differently, so items listed out of the order asked are probably a slip.
    private static func checkOrder(_ score: ScoreDefinition, _ context: ValidationContext, into bag: inout DiagnosticBag) {
        var order: [String: Int] = [:]
        for (index, entry) in context.questions.enumerated() where order[entry.question.id] == nil { order[entry.question.id] = index }
        func key(_ item: ScoreItem) -> String { ScoreItemName(item.name)?.id ?? item.name }
        let asked = score.items.compactMap { order[key($0)] }
        guard asked.count == score.items.count, asked != asked.sorted() else { return }
        bag.add(.badScore, .warning, at: score.position(of: "items"),
                "the items of score `\(score.id)` are not listed in the order they are asked; SUS counts odd items as x - 1 and even items as 5 - x, so item 1 must come first",
                hint: "list them as asked: \(score.items.sorted { (order[key($0)] ?? 0) < (order[key($1)] ?? 0) }.map(\.name).joined(separator: ", "))")
    }

    private static func checkCompletion(_ score: ScoreDefinition, _ context: ValidationContext, into bag: inout DiagnosticBag) {
        guard let item = score.item else { return }
        ScoreRule.checkItem(item, score, context, into: &bag, accept: { _, q in q?.type == .yesNo || q?.type == .single },
                            need: "a yes_no or single question")
        guard let q = ScoreRule.question(item, context), q.type == .yesNo || q.type == .single else { return }
        let place = score.position(of: "success")
        if q.type == .yesNo {
            for value in score.task.success {
                if case .option(let option) = value {
                    bag.add(.badValue, at: place, "`success` of score `\(score.id)` names `\(option)`, but `\(item.name)` is a yes_no question",
                            hint: "write `success: true` (or `false`)")
                }
            }
            return
        }
        guard !score.task.success.isEmpty else {
            bag.add(.badScore, at: score.position, "score `\(score.id)` reads the single question `\(item.name)`, so it needs `success`: the option values that count as success",
                    hint: "for example `success: [\(q.allOptions.first.map { $0.value.description } ?? "done")]`")
            return
        }
        let values = q.allOptions.map(\.value)
        for value in score.task.success {
            switch value {
            case .bool(let b):
                bag.add(.badValue, at: place, "`success` of score `\(score.id)` is `\(b)`, but `\(item.name)` is a single question",
                        hint: "list option values: \(values.map(\.description).joined(separator: ", "))")
            case .option(let option) where !values.contains(option):
                bag.add(.notAnOption, at: place, "`success` of score `\(score.id)` names `\(option)`, which is not an option of `\(item.name)`",
                        hint: TextSimilarity.closest(to: option.description, in: values.map(\.description)).map { "did you mean `\($0)`?" }
                            ?? "options: \(values.map(\.description).joined(separator: ", "))")
            case .option:
                continue
            }
        }
    }

    private static func checkTiming(_ score: ScoreDefinition, _ context: ValidationContext, into bag: inout DiagnosticBag) {
        if score.items.isEmpty {
            bag.add(.badScore, at: score.position(of: "items"), "score `\(score.id)` has no items",
                    hint: "name the question whose duration is the task time, such as the moderator's \"task done\" prompt")
        }
        var loops: [String]?
        for item in score.items {
            ScoreRule.checkItem(item, score, context, into: &bag, accept: { _, q in q != nil && !item.name.contains(".") },
                                need: "a question (its `durations_ms` is the task time)")
            if item.reverse { bag.add(.badScore, at: item.position, "a timed item cannot be reversed", hint: "remove `reverse: true`") }
            guard let name = ScoreItemName(item.name), let symbol = context.table.symbols[name.id], symbol.question != nil else { continue }
            if let loops, loops != symbol.loops {
                bag.add(.badScore, at: item.position, "`\(item.name)` is asked in a different loop from the other items of score `\(score.id)`, so their durations cannot be added round by round")
            }
            loops = loops ?? symbol.loops
        }
        switch TaskTimer.completionScore(of: score, in: context.questionnaire) {
        case .some(.failure(let problem)):
            bag.add(.badScore, at: score.position(of: "successful"), "score `\(score.id)`: \(problem.message)")
        case .some(.success(let completion)):
            guard let item = completion.item, let id = ScoreItemName(item.name)?.id, let symbol = context.table.symbols[id], let loops else { return }
            if !symbol.loops.isEmpty, Array(loops.prefix(symbol.loops.count)) != symbol.loops {
                bag.add(.badScore, at: score.position(of: "successful"),
                        "score `\(score.id)` times the successes of `\(completion.id)`, whose item `\(item.name)` is in a different loop, so success cannot be matched to each attempt")
            }
        case nil:
            return
        }
    }
}
