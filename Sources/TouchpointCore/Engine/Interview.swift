import Foundation

/// One interview in progress: walks the questionnaire, takes answers, and knows where it stands.
///
/// The engine does no I/O and reads no clock: the runner passes in lines (or values) and elapsed times and
/// shows the `Prompt`s it gets back. The path is recomputed from the recorded steps after every change, so
/// `back()` restores an earlier state exactly, and answers that no longer lie on the path are never recorded.
public struct Interview: Sendable {
    /// The checked questionnaire being administered, behind one reference: expressions see the interview through
    /// a copy of this struct at every condition, so keeping it small keeps interviews fast.
    public let checked: CheckedQuestionnaire

    /// The questionnaire being administered, read in place (`_read`): a plain getter copied the whole struct, a
    /// retain of every field, each time the walk read its items or quotas.
    public var questionnaire: Questionnaire { _read { yield checked.questionnaire } }
    /// Its names and types.
    public var table: SymbolTable { _read { yield checked.table } }
    public var language: String
    public private(set) var meta: [String: Value]
    public let seed: UInt64
    /// Headless interviews accept answers that fail soft checks and record a warning instead of asking.
    public var confirmSoftChecksAutomatically = false
    /// Whether answers add the time spent on them to `durations`: only a person at a terminal has times worth
    /// recording; headless replays and piped lines record none (an empty `durations_ms`, not zeros).
    public var recordsDurations = true

    /// The recorded prompts, in interview order: always a prefix of the current path.
    public private(set) var steps: [(key: AnswerPath, outcome: StepOutcome)] = []
    /// Where each recorded prompt is in `steps`; keyed by the key itself, not its text, to keep walks cheap.
    private var stepIndex: [AnswerPath: Int] = [:]
    /// Outcomes of prompts undone by `back()`, offered again as defaults.
    public private(set) var remembered: [AnswerPath: StepOutcome] = [:]
    /// Shown option orders of shuffled questions, by prompt key.
    public private(set) var optionOrders: [AnswerPath: [OptionValue]] = [:]
    /// Milliseconds spent per question id.
    public private(set) var durations: [String: Int] = [:]
    /// Whether `durations` may name prompts no longer among the steps (after `back()` or a restore); until then
    /// a record keeps every duration without checking.
    private(set) var durationsMayBeStale = false
    /// Soft checks the respondent confirmed, as `id: message`.
    public private(set) var warnings: [String] = []
    /// Values of computes on the current path, by key.
    public private(set) var computed: [AnswerPath: Value] = [:]
    /// The answers of questions outside loops by slot (`CompiledExpressions.slots`), as in `steps`: what
    /// compiled expressions read. Null for a question with no answer recorded.
    private(set) var answerSlots: [Value]
    /// Where the step of each slot's question is in `steps` (-1 while it has none): the walk finds a question
    /// outside loops by index here instead of hashing its key into `stepIndex`.
    private var slotSteps: [Int]
    /// The answer slot of the prompt being asked, when its key is a slot's (see `slotSteps`).
    private var stopSlot: Int?
    public private(set) var state: InterviewState = .finished(.complete, text: nil)
    /// Where the `end` that finished the interview is, if one did.
    public private(set) var endedAt: SourcePosition?
    /// Quotas checked and found open: not checked again in this interview (see `dueQuota`).
    public private(set) var openQuotas: Set<String> = []
    /// The id of the quota that ended the interview, if one did.
    public private(set) var endedByQuota: String?
    /// By quota index, the quotas that cannot fall due on this walk (see `noteQuietQuotas(fresh:)`), and how many.
    var quietQuotas: [Bool] = []
    var quietQuotaCount = 0

    private var pendingSoft: (key: String, value: Value, message: String)?
    private var order: [SourcePosition: Int] { checked.order }
    private var flowCount: Int { checked.flowCount }
    /// The question each `for_each` section loops over, by section id.
    var loopQuestion: [String: String] { checked.loopQuestion }
    /// Ids of the computes, in interview order.
    var computeIDs: [String] { checked.computeIDs }
    /// Whether prompts carry piped texts (a headless replay reads none).
    private let rendersText: Bool
    /// Where the current prompt is in the items (see `walk(resume:)`).
    private(set) var stopPath: [Int] = []
    /// The progress marker, advanced at every prompt shown (not in headless replays, which show none).
    public private(set) var progress = ProgressMarker()

    /// Starts an interview of a checked questionnaire; `rendersText: false` skips piping texts nobody will read
    /// (headless replays).
    public init(_ checked: CheckedQuestionnaire, language: String? = nil, meta: [String: Value] = [:], seed: UInt64 = 1,
                rendersText: Bool = true) {
        self.checked = checked
        self.language = language ?? checked.defaultLanguage
        self.meta = meta
        self.seed = seed
        self.rendersText = rendersText
        answerSlots = Array(repeating: .null, count: checked.compiled.slotCount)
        slotSteps = Array(repeating: -1, count: checked.compiled.slotCount)
        // Room for a typical path up front, instead of growing (and rehashing) step by step.
        let expected = min(checked.flowCount * 2, 256)
        steps.reserveCapacity(expected)
        stepIndex.reserveCapacity(expected)
        state = walk()
    }

    /// The prompt being asked, if the interview is not finished.
    public var prompt: Prompt? {
        if case .asking(let p) = state { return p }
        return nil
    }

    public var isFinished: Bool { prompt == nil }

    // MARK: Answering

    /// Handles one typed line: a command (`:back`, `:skip`, `:dk`, `:rf`, `?`, `:quit`) or an answer.
    ///
    /// An empty line does what the prompt's `enterAction` says: keeps the answer a soft check asked about, keeps
    /// the earlier answer after `:back`, goes on past a note, records `skipped` at an optional question, and is
    /// refused at a required one.
    public mutating func submit(_ line: String, elapsedMs: Int = 0) -> Feedback {
        guard let prompt else { return .invalid("the interview is finished") }
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        // Commands typed with an input method in full-width mode (`：ｄｋ`, `？`) are commands too.
        let command = InputFolding.folded(trimmed).trimmingCharacters(in: .whitespaces).lowercased()
        switch PromptCommand.parse(command) {
        case .back?: return back()
        case .quit?: return .quit
        case .help?: return .help(prompt.helpText)
        case .skip?: return record(.missing(.skipped), at: Asked(prompt), elapsedMs: elapsedMs)
        case .dontKnow?: return record(.missing(.dontKnow), at: Asked(prompt), elapsedMs: elapsedMs)
        case .refused?: return record(.missing(.refused), at: Asked(prompt), elapsedMs: elapsedMs)
        case nil: break
        }
        if let pending = pendingSoft, pending.key == prompt.key.description,
           trimmed.isEmpty || EngineText.confirmWords.contains(command) {
            pendingSoft = nil
            warnings.append("\(prompt.key): \(pending.message)")
            return accept(.answer(pending.value), at: Asked(prompt), elapsedMs: elapsedMs)
        }
        if trimmed.isEmpty, let previous = remembered[prompt.key] {
            return record(previous, at: Asked(prompt), elapsedMs: elapsedMs)
        }
        if trimmed.isEmpty {
            switch prompt.enterAction {
            case .skip: return record(.missing(.skipped), at: Asked(prompt), elapsedMs: elapsedMs)
            case .needsAnswer: return .invalid(EngineText.text(.answerRequired, language))
            case .continueOn, .keepAnswer, .keepEarlier: break
            }
        }
        if command.hasPrefix(":") && prompt.question.type != .text && !prompt.key.isOtherText {
            return .invalid(prompt.unknownCommand(trimmed))
        }
        let parsed = AnswerParser.parse(line, rule: rule(of: prompt), isOtherText: prompt.key.isOtherText,
                                        shown: prompt.options, language: language)
        switch parsed {
        case .failure(let problem): return .invalid(problem.message)
        case .success(let value):
            return record(prompt.question.type == .note ? .seen : .answer(value), at: Asked(prompt), elapsedMs: elapsedMs)
        }
    }

    /// Records an outcome for the current prompt after checking it is allowed: used by headless replays.
    public mutating func submit(_ outcome: StepOutcome, elapsedMs: Int = 0) -> Feedback {
        guard let asked else { return .invalid("the interview is finished") }
        if case .answer(let value) = outcome, !asked.key.isOtherText {
            let rule = checked.rule(asked.question.id) ?? AnswerRule(asked.question)
            if let problem = rule.problem(with: value, language: language) { return .invalid(problem.message) }
            return record(.answer(rule.normalized(value)), at: asked, elapsedMs: elapsedMs)
        }
        return record(outcome, at: asked, elapsedMs: elapsedMs)
    }

    /// What recording an outcome needs of the prompt being asked: its key and question, read out of the state
    /// without copying the whole prompt (texts, options, flags) twice for every answer of a headless replay.
    struct Asked {
        let key: AnswerPath
        let question: Question

        init(_ prompt: Prompt) {
            key = prompt.key
            question = prompt.question
        }
    }

    /// The key and question of the prompt being asked, if the interview is not finished.
    var asked: Asked? {
        if case .asking(let p) = state { return Asked(p) }
        return nil
    }

    /// The one rule of the prompt's question.
    private func rule(of prompt: Prompt) -> AnswerRule {
        checked.rule(prompt.question.id) ?? AnswerRule(prompt.question)
    }

    /// Goes back to the previous prompt, keeping its answer as the default.
    public mutating func back() -> Feedback {
        guard let last = steps.popLast() else { return .invalid(EngineText.text(.atStart, language)) }
        durationsMayBeStale = true
        stepIndex[last.key] = nil
        if let slot = slot(of: last.key) {
            answerSlots[slot] = .null
            slotSteps[slot] = -1
        }
        remembered[last.key] = last.outcome
        pendingSoft = nil
        state = walk()
        return .back
    }

    private mutating func record(_ outcome: StepOutcome, at prompt: Asked, elapsedMs: Int) -> Feedback {
        let q = prompt.question
        switch outcome {
        case .missing(.skipped) where q.required && !prompt.key.isOtherText:
            return .invalid(EngineText.text(.cannotSkip, language))
        case .missing(.dontKnow) where !q.dontKnow:
            return .invalid(EngineText.text(.noDontKnow, language))
        case .missing(.refused) where !q.refuse:
            return .invalid(EngineText.text(.noRefuse, language))
        case .answer(let value) where !prompt.key.isOtherText:
            if let failure = failedCheck(q, value: value, key: prompt.key) {
                if failure.soft {
                    if confirmSoftChecksAutomatically {
                        warnings.append("\(prompt.key): \(failure.message)")
                        return accept(outcome, at: prompt, elapsedMs: elapsedMs)
                    }
                    pendingSoft = (prompt.key.description, value, failure.message)
                    if case .asking(let shown) = state { state = .asking(withWarning(shown, failure.message)) }
                    return .confirm(EngineText.text(.softCheck, language, failure.message))
                }
                return .invalid(EngineText.text(.checkFailed, language, failure.message))
            }
        default:
            break
        }
        return accept(outcome, at: prompt, elapsedMs: elapsedMs)
    }

    /// The answer slot of a prompt, if its question has one.
    private func slot(of key: AnswerPath) -> Int? {
        guard key.loop.isEmpty, key.row == nil, !key.isOtherText else { return nil }
        return checked.compiled.slots[key.question]
    }

    private func withWarning(_ prompt: Prompt, _ message: String) -> Prompt {
        var p = prompt
        p.pendingWarning = message
        return p
    }

    private mutating func accept(_ outcome: StepOutcome, at prompt: Asked, elapsedMs: Int) -> Feedback {
        pendingSoft = nil
        stepIndex[prompt.key] = steps.count
        // The prompt accepted is always the one the walk stopped at, so its slot is known without a lookup.
        if let slot = stopSlot {
            answerSlots[slot] = outcome.value
            slotSteps[slot] = steps.count
        }
        steps.append((prompt.key, outcome))
        if !remembered.isEmpty { remembered[prompt.key] = nil }
        // Keyed as in `path`: a loop question has one duration per round (`task_done[find_plan]`), a grid one for all rows.
        if recordsDurations {
            if durations.isEmpty { durations.reserveCapacity(min(flowCount, 64)) }
            durations[AnswerPath(question: prompt.key.question, loop: prompt.key.loop).description, default: 0] += max(elapsedMs, 0)
        }
        state = walk(resume: true)
        return .accepted
    }

    /// The first check of `q` that `value` fails; a rule naming an unanswered question is not applied.
    private func failedCheck(_ q: Question, value: Value, key: AnswerPath) -> (message: String, soft: Bool)? {
        var bound = value
        if let row = key.row {
            var rows = gridRows(q, loop: key.loop)
            rows[row] = value
            bound = .keyed(rows)
        }
        for check in q.checks {
            guard let expr = check.rule.expr else { continue }
            if let compiled = checked.compiled.check(check),
               compiled.evaluate(self, loop: key.loop, current: bound).isTruthy { continue }
            let env = Environment(interview: self, loop: key.loop, loopSections: loopSections(of: q.id), current: (q.id, bound))
            if checked.compiled.check(check) == nil, Evaluator.evaluate(expr, in: env).isTruthy { continue }
            let unknown = expr.names.contains { name in
                name.parts.first != q.id && Evaluator.evaluate(.name(name, check.rule.position), in: env) == .null
            }
            if unknown { continue }
            // The message may name the question itself (`{recommend}`): it shows the answer being checked.
            let message = check.message.map { pipe($0.text(language, fallback: questionnaire.defaultLanguage), loop: key.loop,
                                                   sections: loopSections(of: q.id), current: (q.id, bound)) }
                ?? "`\(check.rule.source)`"
            return (message, check.soft)
        }
        return nil
    }

    // MARK: Walking the flow

    private struct Binding {
        var section: String
        var value: OptionValue
    }

    private enum Stop {
        case prompt(AnswerPath, Question, [Binding], order: Int, section: Section?, slot: Int?)
        case end(End)
    }

    /// Finds the first prompt on the path without a recorded step, evaluating computes on the way.
    /// Finds the next prompt. `resume` continues from the prompt just answered instead of from the start: an
    /// answer can only change what comes after it (conditions and computes name only earlier answers), so
    /// interviews take linear rather than quadratic time. Going back, restoring and meta changes walk from the start.
    private mutating func walk(resume: Bool = false) -> InterviewState {
        let state = walkToStop(resume: resume)
        if !questionnaire.quotas.isEmpty { noteQuietQuotas(fresh: !resume) }
        return state
    }

    private mutating func walkToStop(resume: Bool) -> InterviewState {
        let from = resume ? stopPath : []
        if !resume { computed = [:] }
        endedAt = nil
        endedByQuota = nil
        var path: [Int] = []
        path.reserveCapacity(from.count + 4)
        var bindings: [Binding] = []
        var loop: [OptionValue] = []
        switch walk(questionnaire.items, plan: checked.plan, bindings: &bindings, loop: &loop, section: nil, resume: from[...],
                    path: &path) {
        case .prompt(let key, let q, let bindings, let position, let section, let slot)?:
            stopPath = path
            stopSlot = slot
            var prompt = makePrompt(key, q, bindings, order: position, section: section)
            if rendersText {
                prompt.progress = progress.advance(answered: steps.count, remaining: longestRemaining(at: key))
            }
            if q.shuffle && !key.isOtherText {
                optionOrders[AnswerPath(question: key.question, loop: key.loop)] = prompt.options.map(\.value)
            }
            return .asking(prompt)
        case .end(let e)?:
            stopPath = []
            stopSlot = nil
            endedAt = e.position
            let text = e.text.map { pipe($0.text(language, fallback: questionnaire.defaultLanguage), loop: [], sections: []) }
            return .finished(e.status, text: text)
        case nil:
            stopPath = []
            stopSlot = nil
            return .finished(.complete, text: nil)
        }
    }

    /// Walks `items`; `resume` is the path (item index, then loop iteration for a loop, then the inner path) of the
    /// item to start from, and `path` receives the path of the item where the walk stops. `bindings` and `loop`
    /// (the loop iterations around `items`) grow and shrink in place as loops are entered and left, instead of
    /// being copied for every iteration; after a stop they are left as they are.
    private mutating func walk(_ items: [Item], plan: FlowPlan, bindings: inout [Binding], loop: inout [OptionValue],
                               section: Section?, resume: ArraySlice<Int>, path: inout [Int]) -> Stop? {
        let start = resume.first ?? 0
        var index = start
        while index < items.count {
            defer { index += 1 }
            let resuming = index == start && !resume.isEmpty
            let inner = resuming ? resume.dropFirst() : []
            path.append(index)
            if plan.entries[index].hasWhen {
                let holds: Value
                if let compiled = plan.entries[index].when {
                    holds = compiled.evaluate(self, loop: loop)
                } else if let expr = items[index].when?.expr {
                    holds = Evaluator.evaluate(expr, in: environment(bindings))
                } else {
                    holds = .bool(true)
                }
                if !holds.isTruthy {
                    path.removeLast()
                    continue
                }
            }
            switch items[index] {
            case .question(let q):
                if let stop = firstOpenPrompt(q, bindings: bindings, loop: loop, order: plan.entries[index].order,
                                              slot: plan.entries[index].slot,
                                              section: section) { return stop }
            case .section(let s):
                let innerPlan = plan.entries[index].inner ?? FlowPlan(s.items, compiled: checked.compiled, order: order)
                if let name = s.forEach {
                    let chosen: [OptionValue]
                    let looped = plan.entries[index].value.map { $0.evaluate(self, loop: loop) }
                        ?? Evaluator.evaluate(.name(QualifiedName(parts: [name]), s.position), in: environment(bindings))
                    // The loop question looked up once, not once for every option chosen.
                    let question = table.question(name)
                    switch looped {
                    case .list(let values): chosen = values.compactMap { question?.option(matching: $0)?.value }
                    case let single where single != .null: chosen = question?.option(matching: single).map { [$0.value] } ?? []
                    default: chosen = []
                    }
                    let first = inner.first ?? 0
                    var iteration = first
                    while iteration < chosen.count {
                        path.append(iteration)
                        let rest = iteration == first ? inner.dropFirst() : []
                        bindings.append(Binding(section: s.id, value: chosen[iteration]))
                        loop.append(chosen[iteration])
                        if let stop = walk(s.items, plan: innerPlan, bindings: &bindings, loop: &loop, section: s, resume: rest,
                                           path: &path) { return stop }
                        bindings.removeLast()
                        loop.removeLast()
                        path.removeLast()
                        iteration += 1
                    }
                } else if let stop = walk(s.items, plan: innerPlan, bindings: &bindings, loop: &loop, section: s, resume: inner,
                                          path: &path) {
                    return stop
                }
            case .end(let e):
                return .end(e)
            case .compute(let c):
                if let expr = c.value.expr {
                    computed[AnswerPath(question: c.id, loop: loop)] = plan.entries[index].value.map { $0.evaluate(self, loop: loop) }
                        ?? Evaluator.evaluate(expr, in: environment(bindings))
                }
            }
            path.removeLast()
        }
        return nil
    }

    /// What expressions see at a point of the walk inside the given loop iterations.
    private func environment(_ bindings: [Binding]) -> Environment {
        Environment(interview: self, loop: bindings.map(\.value), loopSections: bindings.map(\.section), current: nil)
    }

    private func firstOpenPrompt(_ q: Question, bindings: [Binding], loop: [OptionValue], order position: Int, slot: Int?,
                                 section: Section?) -> Stop? {
        if q.type == .grid {
            for row in q.rows {
                let key = AnswerPath(question: q.id, loop: loop, row: row.id)
                if stepIndex[key] == nil { return .prompt(key, q, bindings, order: position, section: section, slot: nil) }
            }
            return nil
        }
        let key = AnswerPath(question: q.id, loop: loop)
        let found: Int?
        if let slot {
            found = slotSteps[slot] >= 0 ? slotSteps[slot] : nil
        } else {
            found = stepIndex[key]
        }
        guard let index = found else { return .prompt(key, q, bindings, order: position, section: section, slot: slot) }
        if q.other, case .answer(let v) = steps[index].outcome, chose(v, ChoiceOption.otherValue) {
            let otherKey = AnswerPath(question: q.id, loop: loop, isOtherText: true)
            if stepIndex[otherKey] == nil {
                return .prompt(otherKey, q, bindings, order: position, section: section, slot: nil)
            }
        }
        return nil
    }

    private func chose(_ value: Value, _ option: OptionValue) -> Bool {
        switch value {
        case .list(let items): items.contains(Value.of(option))
        default: value == Value.of(option)
        }
    }

    private func makePrompt(_ key: AnswerPath, _ q: Question, _ bindings: [Binding], order position: Int, section: Section?) -> Prompt {
        let sections = bindings.map(\.section)
        guard rendersText else {
            return Prompt(key: key, question: q, text: "", subtext: nil, help: nil,
                          options: key.isOtherText ? [] : shownOptions(q, key: key), defaultText: nil,
                          progress: Double(position) / Double(flowCount), answeredCount: steps.count, sectionTitle: nil,
                          canSkip: !q.required || key.isOtherText, canDontKnow: q.dontKnow && !key.isOtherText,
                          canRefuse: q.refuse && !key.isOtherText, pendingWarning: nil, canGoBack: !steps.isEmpty,
                      language: language)
        }
        let text = pipe(q.text.text(language, fallback: questionnaire.defaultLanguage), loop: key.loop, sections: sections)
        var subtext: String?
        if let row = key.row, let r = q.rows.first(where: { $0.id == row }) {
            subtext = pipe(r.text.text(language, fallback: questionnaire.defaultLanguage), loop: key.loop, sections: sections)
        } else if key.isOtherText {
            subtext = EngineText.text(.specifyOther, language)
        }
        let options = key.isOtherText ? [] : shownOptions(q, key: key)
        var defaultText: String?
        if let previous = remembered[key] { defaultText = typed(previous, q, options: options) }
        let title = section?.title.map { pipe($0.text(language, fallback: questionnaire.defaultLanguage), loop: key.loop, sections: sections) }
        return Prompt(key: key, question: q, text: text, subtext: subtext,
                      help: q.help.map { pipe($0.text(language, fallback: questionnaire.defaultLanguage), loop: key.loop, sections: sections) },
                      options: options, defaultText: defaultText,
                      progress: Double(position) / Double(flowCount), answeredCount: steps.count, sectionTitle: title,
                      canSkip: !q.required || key.isOtherText, canDontKnow: q.dontKnow && !key.isOtherText,
                      canRefuse: q.refuse && !key.isOtherText, pendingWarning: nil, canGoBack: !steps.isEmpty,
                      language: language)
    }

    /// The options in shown order: shuffled with a generator seeded per prompt, `fixed` ones kept in place.
    private func shownOptions(_ q: Question, key: AnswerPath) -> [ChoiceOption] {
        let all = q.type == .grid ? q.options : q.allOptions
        guard q.shuffle else { return all }
        var rng = SeededRandom(seed: seed, key: AnswerPath(question: key.question, loop: key.loop).description)
        var movable = all.filter { !$0.fixed }
        movable.shuffle(using: &rng)
        var it = movable.makeIterator()
        return all.map { $0.fixed ? $0 : (it.next() ?? $0) }
    }

    /// An outcome as one would type it again (for defaults after `:back`).
    private func typed(_ outcome: StepOutcome, _ q: Question, options: [ChoiceOption]) -> String {
        switch outcome {
        case .seen: return ""
        case .missing(.skipped): return ":skip"
        case .missing(.dontKnow): return ":dk"
        case .missing(.refused): return ":rf"
        case .answer(let value):
            func label(_ v: Value) -> String {
                options.first { Value.of($0.value) == v }.map { $0.label.text(language) } ?? v.display
            }
            switch (q.type, value) {
            case (.yesNo, .bool(let b)):
                return q.labels[b ? "yes" : "no"]?.text(language) ?? (b ? "yes" : "no")
            case (_, .list(let items)):
                return items.map(label).joined(separator: ", ")
            default:
                return options.isEmpty ? value.display : label(value)
            }
        }
    }

    // MARK: Values

    /// The loop sections (for_each) around a question, outermost first.
    func loopSections(of id: String) -> [String] {
        table.symbols[id]?.loops ?? []
    }

    func outcome(_ key: AnswerPath) -> StepOutcome? {
        stepIndex[key].map { steps[$0].outcome }
    }

    /// Grid rows answered so far for one loop iteration.
    func gridRows(_ q: Question, loop: [OptionValue]) -> [String: Value] {
        var rows: [String: Value] = [:]
        for row in q.rows {
            if let o = outcome(AnswerPath(question: q.id, loop: loop, row: row.id)), case .answer(let v) = o { rows[row.id] = v }
        }
        return rows
    }

    /// Steps recorded for a question, by prompt key.
    func steps(of question: String) -> [(key: AnswerPath, outcome: StepOutcome)] {
        steps.filter { $0.key.question == question && !$0.key.isOtherText }
    }

    /// Fills `{name}` placeholders from answers, meta and the loop's `item`.
    func pipe(_ text: String, loop: [OptionValue], sections: [String], current: (id: String, value: Value)? = nil) -> String {
        guard Placeholder.hasBraces(text) else { return text }
        var out = ""
        let env = Environment(interview: self, loop: loop, loopSections: sections, current: current)
        for piece in checked.pieces(text) {
            switch piece {
            case .literal(let s): out += s
            case .placeholder(let name):
                out += env.display(QualifiedName(parts: name.split(separator: ".").map(String.init)))
            }
        }
        return out
    }

    /// Re-records a step read from a checkpoint: it must be the current prompt; checks are not run again.
    mutating func restoreStep(key: String, outcome: StepOutcome, durationMs: Int) -> Bool {
        guard let prompt, prompt.key.description == key else { return false }
        _ = accept(outcome, at: Asked(prompt), elapsedMs: durationMs)
        return true
    }

    /// Restores what a checkpoint holds besides the steps; `optionOrders` are the orders shown before, kept for
    /// the prompts already recorded (a revised file may shuffle differently).
    mutating func restoreExtras(durations: [String: Int], warnings: [String], remembered: [AnswerPath: StepOutcome],
                                optionOrders kept: [AnswerPath: [OptionValue]] = [:]) {
        self.durations = durations
        durationsMayBeStale = true
        self.warnings = warnings
        self.remembered = remembered
        state = walk()
        guard !kept.isEmpty else { return }
        let recorded = Set(steps.map { AnswerPath(question: $0.key.question, loop: $0.key.loop) })
        // The prompt being asked shows its options now, in the order `walk` gave them.
        let current = prompt.flatMap { $0.key.isOtherText ? nil : AnswerPath(question: $0.key.question, loop: $0.key.loop) }
        for (key, order) in kept where recorded.contains(key) && key != current { optionOrders[key] = order }
    }

    /// Settles the quota `dueQuota` gave: a full quota ends the interview with its status and text; an open
    /// one is not checked again. The session decides `full` from the output file (`QuotaTally`).
    public mutating func resolveQuota(_ quota: Quota, full: Bool) {
        guard full else {
            openQuotas.insert(quota.id)
            return
        }
        pendingSoft = nil
        stopPath = []
        stopSlot = nil
        endedAt = quota.position
        endedByQuota = quota.id
        let text = quota.text.map { pipe($0.text(language, fallback: questionnaire.defaultLanguage), loop: [], sections: []) }
        state = .finished(quota.status, text: text)
    }

    /// Replaces the meta values (used when meta is asked at the start of an interview).
    public mutating func setMeta(_ key: String, _ value: Value) {
        meta[key] = value
        durationsMayBeStale = true
        state = walk()
    }
}
