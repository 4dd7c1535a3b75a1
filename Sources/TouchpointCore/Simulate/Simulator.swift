/// Random valid respondents, to see which routes a questionnaire really takes (`touchpoint simulate`).
///
/// Each simulated respondent answers every prompt with a random answer that the question accepts (and, for
/// hard checks, retries until one passes); optional questions are sometimes skipped and don't know /
/// refused are sometimes used where allowed. Soft checks are confirmed, as a respondent may.
public struct Simulator: Sendable {
    public let questionnaire: Questionnaire
    public let table: SymbolTable

    /// The longest text answer a simulated respondent writes: `TextLimits.maxAnswerCharacters`.
    public static let longestText = TextLimits.maxAnswerCharacters

    public init(questionnaire: Questionnaire, table: SymbolTable) {
        self.questionnaire = questionnaire
        self.table = table
    }

    /// What the simulated respondents did.
    public struct Report: Sendable {
        public var respondents = 0
        /// Respondents who reached each question, section and end (ends by line: `end@12`).
        public var reached: [String: Int] = [:]
        /// Every question, section and end, in questionnaire order.
        public var items: [String] = []
        public var pathLengths: [Int] = []
        public var seconds: [Double] = []
        public var statuses: [EndStatus: Int] = [:]
        /// Respondents for whom no acceptable answer was found at some prompt (a pattern too strict to guess).
        public var stuck = 0
        /// Items no respondent reached.
        public var neverReached: [String] { items.filter { (reached[$0] ?? 0) == 0 } }
    }

    /// Simulates `count` respondents; `onFinished` receives each finished interview (to write it out).
    public func run(count: Int, seed: UInt64, onFinished: (Interview) -> Void = { _ in }) -> Report {
        var report = Report()
        let flow = FlowItem.flatten(questionnaire.items)
        report.items = flow.map { Simulator.name($0.item) }
        var endNames: [SourcePosition: String] = [:]
        var sectionsOf: [String: [String]] = [:]
        for f in flow {
            if case .end(let e) = f.item { endNames[e.position] = Simulator.name(f.item) }
            if case .question(let q) = f.item { sectionsOf[q.id] = f.sections.map(\.id) }
        }
        let plan = InterviewPlan(questionnaire)
        var rng = SeededRandom(seed: seed)
        for _ in 0..<count {
            report.respondents += 1
            var meta: [String: Value] = [:]
            for field in questionnaire.meta {
                if let v = randomAnswer(field.question, options: field.question.allOptions, rng: &rng) { meta[field.key] = v }
            }
            var interview = Interview(questionnaire: questionnaire, table: table, meta: meta, seed: rng.next(), plan: plan)
            interview.confirmSoftChecksAutomatically = true
            var seconds = 0.0
            var entered = Set<String>()
            var guardSteps = 0
            while let prompt = interview.prompt, guardSteps < 100_000 {
                guardSteps += 1
                let q = prompt.question
                if entered.insert(q.id).inserted {
                    seconds += EffortEstimate.readingSeconds(q, language: interview.language) + EffortEstimate.answeringSeconds(q)
                    for s in table.symbols[q.id]?.loops ?? [] { entered.insert(s) }
                }
                if !answer(&interview, prompt, rng: &rng) { report.stuck += 1; break }
            }
            guard case .finished(let status, _) = interview.state else { continue }
            report.statuses[status, default: 0] += 1
            var names = Set(interview.steps.map(\.key.question))
            for step in interview.steps { names.formUnion(sectionsOf[step.key.question] ?? []) }
            if let end = interview.endedAt, let name = endNames[end] { names.insert(name) }
            for key in interview.computed.keys { names.insert(String(key.prefix { $0 != "[" })) }
            for n in names { report.reached[n, default: 0] += 1 }
            report.pathLengths.append(Set(interview.steps.filter { $0.outcome != .seen }.map { PromptKey(question: $0.key.question, loop: $0.key.loop).description }).count)
            report.seconds.append(seconds)
            onFinished(interview)
        }
        return report
    }

    static func name(_ item: Item) -> String {
        switch item {
        case .end(let e): e.id ?? "end@\(e.position.line)"
        default: item.id ?? "?"
        }
    }

    /// Gives the prompt a random acceptable answer; false when none was found.
    private func answer(_ interview: inout Interview, _ prompt: Prompt, rng: inout SeededRandom) -> Bool {
        let q = prompt.question
        if q.type == .note { return interview.submit(.seen) == .accepted }
        if prompt.key.isOtherText { return interview.submit(.answer(.text("simulated other"))) == .accepted }
        let roll = Double(rng.next() % 1000) / 1000
        if prompt.canDontKnow && roll < 0.04 { return interview.submit(.missing(.dontKnow)) == .accepted }
        if prompt.canRefuse && roll >= 0.04 && roll < 0.07 { return interview.submit(.missing(.refused)) == .accepted }
        if prompt.canSkip && roll >= 0.07 && roll < 0.15 { return interview.submit(.missing(.skipped)) == .accepted }
        for _ in 0..<40 {
            guard let value = randomAnswer(q, options: prompt.options, rng: &rng, row: prompt.key.row) else { break }
            if interview.submit(.answer(value)) == .accepted { return true }
        }
        if prompt.canSkip { return interview.submit(.missing(.skipped)) == .accepted }
        if prompt.canDontKnow { return interview.submit(.missing(.dontKnow)) == .accepted }
        return false
    }

    /// A random answer of the right shape for `q`.
    func randomAnswer(_ q: Question, options: [ChoiceOption], rng: inout SeededRandom, row: String? = nil) -> Value? {
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
        switch q.type {
        case .single:
            guard !options.isEmpty else { return nil }
            return Value.of(options[pick(options.count)].value)
        case .grid where !q.options.isEmpty:
            return Value.of(q.options[pick(q.options.count)].value)
        case .multi:
            guard !options.isEmpty else { return nil }
            if let ex = options.first(where: \.exclusive), pick(options.count + 1) == 0 { return .list([Value.of(ex.value)]) }
            let plain = options.filter { !$0.exclusive }
            let lo = max(Saturating.int(q.min ?? 1), 1), hi = min(Saturating.int(q.max ?? Double(plain.count)), plain.count)
            guard hi >= lo else { return nil }
            let k = lo + pick(hi - lo + 1)
            var chosen = plain
            chosen.shuffle(using: &rng)
            let set = Set(chosen.prefix(k).map(\.value))
            return .list(q.allOptions.filter { set.contains($0.value) }.map { Value.of($0.value) })
        case .scale, .nps, .grid:
            let range = q.scalePoints ?? 0...10
            return .number(Double(range.lowerBound + pick(range.count)))
        case .number:
            let lo = q.min ?? 0, hi = q.max ?? max(lo + 100, 100)
            let v = lo + (hi - lo) * Double(rng.next() % 10_001) / 10_000
            return .number(q.integer ? v.rounded(.down) : (v * 100).rounded() / 100)
        case .text:
            // Bounded before allocating: a min_length beyond what an answer can hold gives no answer (stuck).
            let shortest = max(q.minLength ?? 1, 1)
            guard shortest <= Simulator.longestText else { return nil }
            let n = shortest + pick(5)
            let word = String(repeating: "a", count: min(n, q.maxLength ?? n))
            return .text(word)
        case .yesNo:
            return .bool(pick(2) == 0)
        case .date:
            let lo = q.minDate.flatMap(DateText.parts) ?? (2020, 1, 1)
            let hi = q.maxDate.flatMap(DateText.parts) ?? (2026, 12, 31)
            let year = lo.year + pick(max(hi.year - lo.year + 1, 1))
            let month = 1 + pick(12), day = 1 + pick(28)
            let text = zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
            if let a = q.minDate, text < a { return .text(a) }
            if let b = q.maxDate, text > b { return .text(b) }
            return .text(text)
        case .note:
            return nil
        }
    }
}

/// Zero-padded decimal digits (`7` -> `07`), for dates.
func zeroPadded(_ n: Int, width: Int) -> String {
    let digits = "\(n)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
