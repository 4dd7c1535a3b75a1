/// `bad-score`, `undefined-name` in scores: each score names questions of a type its method can use.
enum ScoreRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        var seen: [String: SourcePosition] = [:]
        for score in context.questionnaire.scores {
            if let first = seen[score.id] {
                bag.add(.duplicateId, at: score.position, "the score `\(score.id)` is declared twice (first at line \(first.line))")
            }
            seen[score.id] = score.position
            switch score.method {
            case .nps:
                if let item = score.item { checkItem(item, score, context, into: &bag, accept: isZeroToTen, need: "an nps question or a 0-10 scale") }
            case .topBox, .bottomBox:
                if let item = score.item {
                    checkItem(item, score, context, into: &bag, accept: isOrdinal, need: "a scale, nps, or single question with whole-number options")
                    if let q = question(item, context), let points = points(q), score.box >= points {
                        bag.add(.badScore, at: score.position(of: score.method == .topBox ? "top" : "bottom"),
                                "score `\(score.id)` puts \(score.box) of the \(points) points of `\(item.name)` in the box, so everyone is in it")
                    }
                }
            case .mean, .sum, .drivers:
                if score.items.isEmpty {
                    bag.add(.badScore, at: score.position(of: "items"), "score `\(score.id)` has no items")
                }
                for item in score.items {
                    let drivers = score.method == .drivers
                    let accept: (ValueType, Question?) -> Bool = { type, q in isNumeric(type, q) || (drivers && type == .boolean) }
                    checkItem(item, score, context, into: &bag, accept: accept, need: score.method == .drivers ? "a numeric or yes_no question" : "a scale, nps or number question")
                    if item.reverse, let q = question(item, context), q.scalePoints == nil {
                        bag.add(.badScore, at: item.position, "`\(item.name)` cannot be reversed: it has no scale ends (min + max - x needs them)")
                    }
                }
                if let target = score.target {
                    checkItem(target, score, context, into: &bag, accept: isNumeric, need: "a numeric question")
                }
                if let m = score.minAnswered, m > score.items.count {
                    bag.add(.badScore, at: score.position(of: "min_answered"),
                            "score `\(score.id)` needs \(m) answered items but has only \(score.items.count)")
                }
            case .percent:
                guard let rule = score.rule, let expr = rule.expr else { continue }
                let scope = ScoreScope(table: context.table)
                let (_, problems) = TypeChecker.check(expr, in: scope, expecting: .boolean)
                bag.append(contentsOf: problems)
            case .sus, .umuxLite, .completion, .timeOnTask:
                UsabilityScoreRule.check(score, context, into: &bag)
            }
        }
    }

    static func question(_ item: ScoreItem, _ context: ValidationContext) -> Question? {
        context.table.question(ScoreItemName(item.name)?.id ?? String(item.name.split(separator: ".").first ?? ""))
    }

    static func points(_ q: Question) -> Int? {
        if let p = q.scalePoints { return p.count }
        if q.type == .single, q.options.allSatisfy({ if case .integer = $0.value { true } else { false } }) { return q.options.count }
        return nil
    }

    static func isZeroToTen(_ type: ValueType, _ q: Question?) -> Bool {
        guard let q else { return false }
        return q.type == .nps || (q.scalePoints == 0...10)
    }

    static func isOrdinal(_ type: ValueType, _ q: Question?) -> Bool {
        guard let q else { return false }
        return q.scalePoints != nil || (q.type == .single && points(q) != nil) || (q.type == .grid && !q.gridUsesOptions)
    }

    static func isNumeric(_ type: ValueType, _ q: Question?) -> Bool {
        type == .number
    }

    /// Resolves a scored name (a question, a grid cell or a compute) and checks its type.
    static func checkItem(_ item: ScoreItem, _ score: ScoreDefinition, _ context: ValidationContext, into bag: inout DiagnosticBag,
                          accept: (ValueType, Question?) -> Bool, need: String) {
        guard let written = ScoreItemName(item.name) else {
            bag.add(.undefinedName, at: item.position, "score `\(score.id)` names `\(item.name)`, which is not a question or compute",
                    hint: "one loop round of a question is written as in `path`: `id[option]`")
            return
        }
        let parts = written.base.split(separator: ".").map(String.init)
        guard let head = parts.first, let symbol = context.table.symbols[head], symbol.kind != .section else {
            bag.add(.undefinedName, at: item.position, "score `\(score.id)` names `\(item.name)`, which is not a question or compute",
                    hint: TextSimilarity.closest(to: item.name, in: context.table.valueNames).map { "did you mean `\($0)`?" })
            return
        }
        var type = symbol.type
        if parts.count == 2, let q = symbol.question, q.type == .grid {
            guard q.rows.contains(where: { $0.id == parts[1] }) else {
                bag.add(.undefinedName, at: item.position, "grid `\(head)` has no row `\(parts[1])`")
                return
            }
            type = Symbol.gridCellType(of: q)
        } else if case .keyed(let cell) = type, symbol.question?.type == .grid {
            type = cell
        }
        if !written.rounds.isEmpty, !checkRounds(written, of: symbol, item, score, context, into: &bag) { return }
        if !accept(type, symbol.question) {
            let what = symbol.question.map { "a \($0.type.rawValue) question" } ?? "a compute"
            bag.add(.badScore, at: item.position, "score `\(score.id)` (\(score.method.rawValue)) needs \(need), but `\(item.name)` is \(what)")
        }
    }
}

/// Names a `percent` rule may use: every question, compute and meta key, as seen after the interview.
struct ScoreScope: ExpressionScope {
    let table: SymbolTable

    func resolve(_ name: QualifiedName) -> NameResolution {
        let parts = name.parts
        if parts.first == "meta", parts.count == 2 {
            if let s = table.meta[parts[1]] { return .value(s.type) }
            return .undefined(suggestion: TextSimilarity.closest(to: parts[1], in: table.meta.keys.sorted()).map { "meta.\($0)" })
        }
        guard let head = parts.first, let s = table.symbols[head], s.kind != .section else {
            return .undefined(suggestion: TextSimilarity.closest(to: name.description, in: table.valueNames))
        }
        if parts.count == 2, let q = s.question, q.type == .grid, q.rows.contains(where: { $0.id == parts[1] }) {
            return .value(s.loops.reduce(Symbol.gridCellType(of: q)) { t, _ in .keyed(t) })
        }
        return parts.count == 1 ? .value(s.outerType) : .undefined(suggestion: nil)
    }
}
