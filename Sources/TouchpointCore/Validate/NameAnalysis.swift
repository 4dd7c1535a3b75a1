import Dispatch

/// Builds the symbol table and checks every name use: ids, expressions, placeholders, loops.
///
/// "Used before it is asked" is exact because every use is checked in a scope that sees only what an interview
/// has met by then: the table holds every name with its interview order, and a scope (`scope(for:)`, `FlowScope`)
/// shows only the names ordered before its item. So the names are defined first, in order (a compute's type comes
/// from its expression, which may use earlier computes), and then the uses of the items are independent of each
/// other: on a large file they are checked on two cores, each half into a bag of its own, joined in flow order.
struct NameAnalysis: Sendable {
    private(set) var table = SymbolTable()
    private(set) var bag = DiagnosticBag()
    private var allIds: [String: (order: Int, position: SourcePosition, kind: Symbol.Kind)] = [:]
    /// Where each flow item's id is written, by interview order (looked up once, in `collectIds`).
    private var idPositions: [SourcePosition] = []

    /// From how many flow items the uses are checked on two cores.
    static let concurrentItems = 400

    /// `defined` is told the table once every name is defined, before the uses are checked (the uses add only
    /// findings and `invalidConditions` to it), and whether an error was found by then: the validator starts
    /// compiling the expressions from there.
    static func run(_ q: Questionnaire, flow: [FlowItem], concurrent: Bool? = nil,
                    defined: ((_ table: SymbolTable, _ hasErrors: Bool) -> Void)? = nil) -> (SymbolTable, [Diagnostic]) {
        var analysis = NameAnalysis()
        analysis.allIds.reserveCapacity(flow.count)
        analysis.table.symbols.reserveCapacity(flow.count)
        analysis.collectIds(flow)
        analysis.defineMeta(q)
        for f in flow { analysis.define(f) }
        defined?(analysis.table, analysis.bag.hasErrors)
        guard concurrent ?? (flow.count >= concurrentItems), ParallelMap.workers > 1 else {
            for f in flow { analysis.checkUses(f) }
            return (analysis.table, analysis.bag.items)
        }
        let halves = [0..<flow.count / 2, flow.count / 2..<flow.count]
        let defined = analysis
        let checked = ParallelMap.map(halves) { range -> (items: [Diagnostic], invalid: Set<SourcePosition>) in
            var half = defined
            half.bag = DiagnosticBag()
            half.table.invalidConditions = []
            for f in flow[range] { half.checkUses(f) }
            return (half.bag.items, half.table.invalidConditions)
        }
        for part in checked {
            analysis.bag.append(contentsOf: part.items)
            analysis.table.invalidConditions.formUnion(part.invalid)
        }
        return (analysis.table, analysis.bag.items)
    }

    /// Records every id once; the second use of an id is an error at that use.
    private mutating func collectIds(_ flow: [FlowItem]) {
        idPositions = flow.map { idPosition($0.item) }
        for f in flow {
            guard let id = f.item.id else { continue }
            let kind: Symbol.Kind = switch f.item {
            case .section: .section
            case .compute: .compute
            default: .question
            }
            let position = idPositions[f.order]
            if let first = allIds[id] {
                bag.add(.duplicateId, at: position, "the id `\(id)` is already used at line \(first.position.line)",
                        hint: "ids of questions, sections and computes share one namespace; rename one of them")
            } else {
                allIds[id] = (f.order, position, kind)
            }
            if case .question(let question) = f.item {
                var rows: [String: SourcePosition] = [:]
                for row in question.rows {
                    if let first = rows[row.id] {
                        bag.add(.duplicateId, at: row.position, "grid `\(id)` has two rows with id `\(row.id)` (first at line \(first.line))")
                    }
                    rows[row.id] = row.position
                }
            }
        }
    }

    private func idPosition(_ item: Item) -> SourcePosition {
        if case .question(let q) = item { return q.keyPositions["id.value"] ?? q.position }
        return item.position
    }

    private mutating func defineMeta(_ q: Questionnaire) {
        for field in q.meta {
            let type = Symbol.answerType(of: field.question) ?? .text
            if table.meta[field.key] != nil {
                bag.add(.duplicateId, at: field.question.position, "the meta key `\(field.key)` is defined twice")
            }
            table.meta[field.key] = Symbol(id: field.key, kind: .meta, type: type, order: -1,
                                           position: field.question.position, loops: [], question: field.question)
        }
    }

    private func scope(for f: FlowItem, current: (id: String, type: ValueType)? = nil) -> FlowScope {
        let loops = f.loops
        var loopOptions: [OptionValue]?
        // The table holds every name: the loop's question counts only if it comes before the item.
        if let last = loops.last, let name = last.forEach, let symbol = table.symbols[name], symbol.order < f.order,
           let q = symbol.question {
            loopOptions = q.allOptions.map(\.value)
        } else if !loops.isEmpty {
            loopOptions = nil
        }
        return FlowScope(table: table, allIds: allIds, order: f.order, loops: loops.map(\.id),
                         loopOptions: loopOptions ?? (loops.isEmpty ? nil : []), current: current)
    }

    @discardableResult
    private mutating func check(_ condition: Condition?, _ scope: FlowScope, expecting: ValueType?) -> ValueType {
        guard let condition, let expr = condition.expr else { return .unknown }
        let (type, problems) = TypeChecker.check(expr, in: scope, expecting: expecting)
        bag.append(contentsOf: problems)
        if problems.contains(where: { $0.severity == .error }) { table.invalidConditions.insert(condition.position) }
        return type
    }

    /// Defines the name of `f`: a question's answer type comes from its type, a compute's from checking its
    /// expression in the scope of its place (so computes are defined in order).
    private mutating func define(_ f: FlowItem) {
        let loops = f.loops.map(\.id)
        switch f.item {
        case .question(let q):
            define(q.id, .question, Symbol.answerType(of: q) ?? .unknown, f, loops, q)
        case .section(let section):
            define(section.id, .section, .unknown, f, loops, nil)
        case .end:
            break
        case .compute(let c):
            let type = checkCompute(c, f)
            table.computeTypes[c.id] = type
            define(c.id, .compute, type, f, loops, nil)
        }
    }

    /// Checks the name uses of `f` (a compute's were checked when it was defined).
    private mutating func checkUses(_ f: FlowItem) {
        switch f.item {
        case .question(let q):
            checkQuestion(q, f)
        case .section(let section):
            checkSection(section, f)
            if section.items.isEmpty {
                bag.add(.emptySection, at: section.position, "section `\(section.id)` has no questions",
                        hint: "add questions to it or remove it")
            }
        case .end(let e):
            checkEnd(e, f)
        case .compute:
            break
        }
    }

    /// Checks a question's condition, texts and checks.
    private mutating func checkQuestion(_ q: Question, _ f: FlowItem) {
        let s = scope(for: f)
        check(q.when, s, expecting: .boolean)
        for text in [q.text, q.help].compactMap({ $0 }) { checkPlaceholders(text, s, owner: q.id) }
        for option in q.options { checkPlaceholders(option.label, s, owner: q.id) }
        guard let type = Symbol.answerType(of: q) else {
            for c in q.checks { check(c.rule, s, expecting: .boolean) }
            return
        }
        let own = scope(for: f, current: (q.id, type))
        for c in q.checks {
            check(c.rule, own, expecting: .boolean)
            if let m = c.message { checkPlaceholders(m, own, owner: q.id) }
        }
    }

    private mutating func checkSection(_ section: Section, _ f: FlowItem) {
        let s = scope(for: f)
        check(section.when, s, expecting: .boolean)
        if let title = section.title { checkPlaceholders(title, s, owner: section.id) }
        checkLoop(section, s)
    }

    private mutating func checkEnd(_ e: End, _ f: FlowItem) {
        let s = scope(for: f)
        check(e.when, s, expecting: .boolean)
        if let text = e.text { checkPlaceholders(text, s, owner: "end") }
    }

    private mutating func checkCompute(_ c: Compute, _ f: FlowItem) -> ValueType {
        check(c.value, scope(for: f), expecting: nil)
    }

    private mutating func define(_ id: String, _ kind: Symbol.Kind, _ type: ValueType, _ f: FlowItem,
                                 _ loops: [String], _ q: Question?) {
        guard table.symbols[id] == nil else { return }
        table.symbols[id] = Symbol(id: id, kind: kind, type: type, order: f.order,
                                   position: idPositions[f.order], loops: loops, question: q)
    }

    /// `for_each` must name an earlier multi question outside this loop (SPEC section 7).
    private mutating func checkLoop(_ section: Section, _ scope: FlowScope) {
        guard let name = section.forEach, let position = section.forEachPosition else { return }
        switch scope.resolve(QualifiedName(parts: [name])) {
        case .value(let type):
            guard let q = table.question(name), q.type == .multi else {
                let what = table.question(name)?.type == .single ? "a single question (one answer, nothing to loop over)" : describe(type)
                bag.add(.badLoop, at: position, "`for_each: \(name)` must name a multi question, but `\(name)` is \(what)",
                        hint: "loop over the options chosen in a multi question; for one chosen option, use a section with `when`")
                return
            }
            if case .keyed = type {
                bag.add(.badLoop, at: position, "`for_each: \(name)` names a question inside a loop; loops cannot run over answers that are themselves looped")
            }
        case .notYetAsked(_, let at):
            bag.add(.usedBeforeAsked, at: position, "`for_each: \(name)` loops over a question asked later (line \(at.line))",
                    hint: "move section `\(section.id)` after `\(name)`")
        case .undefined(let suggestion):
            bag.add(.undefinedName, at: position, "`for_each: \(name)` names no question",
                    hint: suggestion.map { "did you mean `\($0)`?" })
        }
    }

    private func describe(_ type: ValueType) -> String {
        switch type {
        case .boolean: "a yes/no"
        case .number: "a number"
        case .text: "a text"
        case .date: "a date"
        default: "not a choice"
        }
    }

    /// Every `{name}` in a text must name something asked earlier, a meta key, or `item` inside a loop.
    private mutating func checkPlaceholders(_ text: LocalizedText, _ scope: FlowScope, owner: String) {
        // Most texts pipe nothing: skip sorting their translations.
        guard text.translations.values.contains(where: Placeholder.hasBraces)
        else { return }
        for (language, string) in text.translations.sorted(by: { $0.key < $1.key }) {
            for placeholder in Placeholder.scan(string) {
                let position = text.languagePositions[language] ?? text.position
                if let problem = placeholder.problem {
                    bag.add(.unknownPlaceholder, at: position, "in the text of `\(owner)`: \(problem)",
                            hint: "write `{{` for a literal brace")
                    continue
                }
                let name = QualifiedName(parts: placeholder.name.split(separator: ".").map(String.init))
                switch scope.resolve(name) {
                case .value:
                    continue
                case .notYetAsked(let id, let at):
                    bag.add(.unknownPlaceholder, at: position,
                            "`{\(placeholder.name)}` in the text of `\(owner)` pipes `\(id)`, which is asked later (line \(at.line))",
                            hint: "only answers given before this text can be shown")
                case .undefined(let suggestion):
                    let what = placeholder.name == "item" ? "`{item}` is only defined inside a `for_each` section"
                        : "`{\(placeholder.name)}` in the text of `\(owner)` names nothing defined before it"
                    bag.add(.unknownPlaceholder, at: position, what, hint: suggestion.map { "did you mean `{\($0)}`?" })
                }
            }
        }
    }
}
