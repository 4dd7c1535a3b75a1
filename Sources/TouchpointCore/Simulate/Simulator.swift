/// Random valid respondents, to see which routes a questionnaire really takes (`touchpoint simulate`).
///
/// Each simulated respondent answers every prompt with a random answer that the question accepts (and, for
/// hard checks, retries until one passes); optional questions are sometimes skipped and don't know /
/// refused are sometimes used where allowed. Soft checks are confirmed, as a respondent may.
/// Every answer comes from the question's own `AnswerRule` (`example`), the rule that run, verify and score
/// enforce, so every record a simulation writes passes `verify`.
public struct Simulator: Sendable {
    public let checked: CheckedQuestionnaire
    public var questionnaire: Questionnaire { checked.questionnaire }
    public var table: SymbolTable { checked.table }

    /// The most prompts one simulated respondent answers; the rest of that interview is not simulated.
    public static let maxPromptsPerRespondent = 1_000
    /// After this many respondents were cut short the simulation stops: the rest would be cut short too.
    public static let maxCutShort = 10

    public init(_ checked: CheckedQuestionnaire) {
        self.checked = checked
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
        /// Respondents stopped after `maxPromptsPerRespondent` prompts (loops nested over big selections).
        public var cutShort = 0
        /// Items no respondent reached.
        public var neverReached: [String] { items.filter { (reached[$0] ?? 0) == 0 } }
    }

    /// Respondents simulated together on every core before they are reported in order.
    static let chunkSize = 1024

    /// Simulates `count` respondents; `onFinished` receives each finished interview with its response id, a
    /// UUID drawn from the seed (so the same seed writes the same records).
    ///
    /// Each respondent draws its answers from a generator of its own, seeded from the run's seed in order, so
    /// respondents are simulated on every core and still come out the same, and in the same order, each run.
    public func run(count: Int, seed: UInt64, onFinished: (Interview, String) -> Void = { _, _ in }) -> Report {
        var report = Report()
        let flow = checked.flow
        report.items = flow.map { Simulator.name($0.item) }
        var endNames: [SourcePosition: String] = [:]
        var sectionsOf: [String: [String]] = [:]
        for f in flow {
            if case .end(let e) = f.item { endNames[e.position] = Simulator.name(f.item) }
            if case .question(let q) = f.item { sectionsOf[q.id] = f.sections.map(\.id) }
        }
        var seeds = SeededRandom(seed: seed)
        // Ids come from a generator of their own, so that they do not change the answers a seed gives.
        var ids = SeededRandom(seed: seed, key: "response_id")
        var remaining = count
        // Chunks grow from a few respondents to `chunkSize`, and shrink back to one a core once respondents are
        // cut short: a run that will stop after `maxCutShort` of them must not simulate a thousand first.
        var size = ParallelMap.workers * 4
        while remaining > 0, report.cutShort < Self.maxCutShort {
            let n = min(remaining, size)
            size = report.cutShort > 0 ? ParallelMap.workers : min(size * 2, Self.chunkSize)
            remaining -= n
            let chunk = (0..<n).map { _ in (seed: seeds.next(), id: UUIDText.random(using: &ids)) }
            let simulator = self
            let outcomes = ParallelMap.map(chunk) { simulator.respondent(seed: $0.seed) }
            for (entry, one) in zip(chunk, outcomes) {
                guard report.cutShort < Self.maxCutShort else { break }
                report.respondents += 1
                if one.cutShort { report.cutShort += 1 }
                if one.stuck { report.stuck += 1 }
                guard case .finished(let status, _) = one.interview.state, !one.cutShort, !one.stuck else { continue }
                let interview = one.interview
                report.statuses[status, default: 0] += 1
                var names = Set(interview.steps.map(\.key.question))
                for step in interview.steps { names.formUnion(sectionsOf[step.key.question] ?? []) }
                if let end = interview.endedAt, let name = endNames[end] { names.insert(name) }
                for key in interview.computed.keys { names.insert(key.question) }
                for n in names { report.reached[n, default: 0] += 1 }
                report.pathLengths.append(Set(interview.steps.filter { $0.outcome != .seen }
                    .map { AnswerPath(question: $0.key.question, loop: $0.key.loop) }).count)
                report.seconds.append(one.seconds)
                onFinished(interview, entry.id)
            }
        }
        return report
    }

    /// One simulated respondent.
    struct Respondent: Sendable {
        var interview: Interview
        var seconds: Double
        var stuck = false
        var cutShort = false
    }

    /// Simulates the respondent whose answers `seed` draws.
    func respondent(seed: UInt64) -> Respondent {
        var rng = SeededRandom(seed: seed)
        var meta: [String: Value] = [:]
        for field in questionnaire.meta {
            if let v = checked.metaRule(field.key)?.example(using: &rng) { meta[field.key] = v }
        }
        var interview = Interview(checked, meta: meta, seed: rng.next(), rendersText: false)
        interview.confirmSoftChecksAutomatically = true
        var one = Respondent(interview: interview, seconds: 0)
        var entered = Set<String>()
        var guardSteps = 0
        while let prompt = interview.prompt {
            // Bounded: nested loops over big selections can ask more questions than anyone answers.
            guard guardSteps < Self.maxPromptsPerRespondent else { one.cutShort = true; break }
            guardSteps += 1
            let q = prompt.question
            if entered.insert(q.id).inserted {
                one.seconds += EffortEstimate.readingSeconds(q, language: interview.language) + EffortEstimate.answeringSeconds(q)
                for s in table.symbols[q.id]?.loops ?? [] { entered.insert(s) }
            }
            if !answer(&interview, prompt, rng: &rng) { one.stuck = true; break }
        }
        one.interview = interview
        return one
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
        let rule = checked.rule(q.id) ?? AnswerRule(q)
        for _ in 0..<40 {
            guard let value = rule.example(shown: q.type == .grid ? nil : prompt.options, using: &rng) else { break }
            if interview.submit(.answer(value)) == .accepted { return true }
        }
        if prompt.canSkip { return interview.submit(.missing(.skipped)) == .accepted }
        if prompt.canDontKnow { return interview.submit(.missing(.dontKnow)) == .accepted }
        return false
    }
}
