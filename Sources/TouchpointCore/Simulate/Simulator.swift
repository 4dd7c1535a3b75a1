/// Random valid respondents, to see which routes a questionnaire really takes (`touchpoint simulate`).
///
/// Each simulated respondent answers every prompt with a random answer that the question accepts (and, for
/// hard checks, retries until one passes); optional questions are sometimes skipped and don't know /
/// refused are sometimes used where allowed. Soft checks are confirmed, as a respondent may.
/// Every answer comes from the question's own `AnswerRule` (`example`), the rule that run, verify and score
/// enforce, so every record a simulation writes passes `verify`.
public struct Simulator: Sendable {
    public let checked: CheckedQuestionnaire
    public var questionnaire: Questionnaire { _read { yield checked.questionnaire } }
    public var table: SymbolTable { _read { yield checked.table } }

    /// The most prompts one simulated respondent answers; the rest of that interview is not simulated.
    public static let maxPromptsPerRespondent = 1_000
    /// After this many respondents were cut short the simulation stops: the rest would be cut short too.
    public static let maxCutShort = 10

    /// Reading and answering seconds of each question in the default language, worked out once, and the
    /// question's number among them (what a respondent marks on entering it).
    private let effortSeconds: [String: (seconds: Double, number: Int)]

    public init(_ checked: CheckedQuestionnaire) {
        self.checked = checked
        var seconds: [String: (seconds: Double, number: Int)] = [:]
        for f in checked.flow {
            guard case .question(let q) = f.item, seconds[q.id] == nil else { continue }
            seconds[q.id] = (EffortEstimate.readingSeconds(q, language: checked.defaultLanguage) + EffortEstimate.answeringSeconds(q),
                             seconds.count)
        }
        effortSeconds = seconds
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
        simulate(count: count, seed: seed, line: nil) { interview, id, _ in if let interview { onFinished(interview, id) } }
    }

    /// Simulates `count` respondents and hands each finished one's line to `onLine`, in order.
    ///
    /// `line` makes the line of a finished interview from its response id and its number among the finished
    /// respondents (1, 2, ...); it runs on the worker threads, so that encoding records is spread over the
    /// cores too, while `onLine` is called on this thread in respondent order, exactly as `run(count:seed:onFinished:)`
    /// would have met them.
    public func run(count: Int, seed: UInt64, line: @escaping @Sendable (Interview, String, Int) -> [UInt8],
                    onLine: ([UInt8]) -> Void) -> Report {
        simulate(count: count, seed: seed, line: line) { _, _, bytes in onLine(bytes ?? []) }
    }

    /// What a worker works out about one finished respondent for the report, off the main thread.
    private struct Reach: Sendable {
        /// Indices into `Report.items` of what the respondent reached, and names not among them (none expected).
        var items: [Int] = []
        var others: [String] = []
        var pathLength = 0
    }

    private func simulate(count: Int, seed: UInt64, line: (@Sendable (Interview, String, Int) -> [UInt8])?,
                          onFinished: (Interview?, String, [UInt8]?) -> Void) -> Report {
        var report = Report()
        let flow = checked.flow
        report.items = flow.map { Simulator.name($0.item) }
        var reachedCounts = [Int](repeating: 0, count: report.items.count)
        var itemIndex: [String: Int] = [:]
        for (i, name) in report.items.enumerated() where itemIndex[name] == nil { itemIndex[name] = i }
        var endNames: [SourcePosition: String] = [:]
        var sectionsOf: [String: [String]] = [:]
        for f in flow {
            if case .end(let e) = f.item { endNames[e.position] = Simulator.name(f.item) }
            if case .question(let q) = f.item { sectionsOf[q.id] = f.sections.map(\.id) }
        }
        var marks: [String: Marks] = [:]
        for (question, sections) in sectionsOf {
            var m = Marks()
            for name in [question] + sections {
                if let i = itemIndex[name] {
                    if !m.items.contains(i) { m.items.append(i) }
                } else if !m.others.contains(name) {
                    m.others.append(name)
                }
            }
            marks[question] = m
        }
        var seeds = SeededRandom(seed: seed)
        // Ids come from a generator of their own, so that they do not change the answers a seed gives.
        var ids = SeededRandom(seed: seed, key: "response_id")
        var remaining = count
        var finishedCount = 0
        // Chunks grow from a few respondents to `chunkSize`, and shrink back to one a core once respondents are
        // cut short: a run that will stop after `maxCutShort` of them must not simulate a thousand first.
        var size = ParallelMap.workers * 4
        let simulator = self
        let (ends, sections, index, reachedBy, itemCount) = (endNames, sectionsOf, itemIndex, marks, report.items.count)
        // With `line`, the finished respondents of a chunk have their lines made while the next chunk is simulated
        // (one pass over the cores for both), and are handed on once made, in order.
        // Each waiting interview is held in a box its worker empties, so that it is freed on that worker,
        // not here, where the lines are handed on one after another.
        var pending: [(held: Held, id: String, number: Int)] = []
        func emit(_ made: [[UInt8]?]) {
            for (one, bytes) in zip(pending, made) { onFinished(nil, one.id, bytes) }
            pending = []
        }
        while remaining > 0, report.cutShort < Self.maxCutShort {
            let n = min(remaining, size)
            size = report.cutShort > 0 ? ParallelMap.workers : min(size * 2, Self.chunkSize)
            remaining -= n
            let chunk = (0..<n).map { _ in (seed: seeds.next(), id: UUIDText.random(using: &ids)) }
            let waiting = pending
            let results = ParallelMap.map(Array(0..<max(n, waiting.count))) { i -> (Outcome?, [UInt8]?) in
                var made: [UInt8]?
                if let line, i < waiting.count { made = waiting[i].held.take().map { line($0, waiting[i].id, waiting[i].number) } }
                guard i < n else { return (nil, made) }
                let one = simulator.respondent(seed: chunk[i].seed)
                var outcome = Outcome(seconds: one.seconds, stuck: one.stuck, cutShort: one.cutShort)
                guard case .finished(let status, _) = one.interview.state, !one.cutShort, !one.stuck else { return (outcome, made) }
                outcome.status = status
                outcome.reach = Simulator.reach(one.interview, ends: ends, sectionsOf: sections, itemIndex: index,
                                                reached: reachedBy, itemCount: itemCount)
                outcome.held = Held(one.interview)
                return (outcome, made)
            }
            if !waiting.isEmpty { emit(results.prefix(waiting.count).map(\.1)) }
            for i in 0..<n {
                guard report.cutShort < Self.maxCutShort, let one = results[i].0 else { break }
                report.respondents += 1
                if one.cutShort { report.cutShort += 1 }
                if one.stuck { report.stuck += 1 }
                guard let reach = one.reach, let status = one.status, let held = one.held else { continue }
                finishedCount += 1
                report.statuses[status, default: 0] += 1
                for item in reach.items { reachedCounts[item] += 1 }
                for name in reach.others { report.reached[name, default: 0] += 1 }
                report.pathLengths.append(reach.pathLength)
                report.seconds.append(one.seconds)
                if line != nil {
                    pending.append((held, chunk[i].id, finishedCount))
                } else if let interview = held.take() {
                    onFinished(interview, chunk[i].id, nil)
                }
            }
        }
        if let line, !pending.isEmpty {
            let waiting = pending
            emit(ParallelMap.map(waiting) { one in one.held.take().map { line($0, one.id, one.number) } })
        }
        for (i, name) in report.items.enumerated() where itemIndex[name] == i && reachedCounts[i] > 0 {
            report.reached[name, default: 0] += reachedCounts[i]
        }
        return report
    }

    /// What the main thread needs of one simulated respondent: the interview itself stays boxed, so that it is
    /// not copied (a retain of every part) on its way from the worker to the line.
    private struct Outcome: Sendable {
        var seconds: Double
        var stuck: Bool
        var cutShort: Bool
        /// For a respondent who finished: how, what it reached and the interview.
        var status: EndStatus?
        var reach: Reach?
        var held: Held?
    }

    /// A finished interview waiting for its line, taken out once by the worker that makes the line.
    private final class Held: @unchecked Sendable {
        // @unchecked: each box is emptied by exactly one worker of one `ParallelMap.map`, and read by no one else.
        private var interview: Interview?
        init(_ interview: Interview) { self.interview = interview }

        func take() -> Interview? {
            defer { interview = nil }
            return interview
        }
    }

    /// What a question's step reaches: the question and its sections, as item indices and other names.
    private struct Marks: Sendable {
        var items: [Int] = []
        var others: [String] = []
    }

    /// What a finished respondent reached, and the length of its path.
    private static func reach(_ interview: Interview, ends: [SourcePosition: String], sectionsOf: [String: [String]],
                              itemIndex: [String: Int], reached: [String: Marks], itemCount: Int) -> Reach {
        // Each name once: items by index, other names (none expected) in a set.
        var reach = Reach()
        var marked = [Bool](repeating: false, count: itemCount)
        var others = Set<String>()
        func mark(_ i: Int) {
            if !marked[i] { marked[i] = true; reach.items.append(i) }
        }
        func add(_ name: String) {
            if let i = itemIndex[name] {
                mark(i)
            } else if others.insert(name).inserted {
                reach.others.append(name)
            }
        }
        // Steps read in place by index: iterating them would copy each (key, outcome) pair.
        let steps = interview.steps
        var previous: String?
        for i in steps.indices {
            let question = steps[i].key.question
            if question == previous { continue }
            previous = question
            if let known = reached[question] {
                for i in known.items { mark(i) }
                for name in known.others { add(name) }
                continue
            }
            add(question)
            for section in sectionsOf[question] ?? [] { add(section) }
        }
        if let end = interview.endedAt, let name = ends[end] { add(name) }
        for key in interview.computed.keys { add(key.question) }
        // Distinct prompts: looked for in a short list, in a set once the list grows long.
        var list: [AnswerPath] = []
        list.reserveCapacity(min(interview.steps.count, 32))
        var prompts = Set<AnswerPath>()
        var last: AnswerPath?
        for i in steps.indices {
            if case .seen = steps[i].outcome { continue }
            let prompt = AnswerPath(question: steps[i].key.question, loop: steps[i].key.loop)
            if prompt == last { continue }
            last = prompt
            if list.count < 32 {
                if !list.contains(prompt) { list.append(prompt) }
                if list.count == 32 { prompts = Set(list) }
            } else {
                prompts.insert(prompt)
            }
        }
        reach.pathLength = list.count < 32 ? list.count : prompts.count
        return reach
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
        // The interview goes into the result only at the end: a copy held meanwhile would make every answer
        // copy the interview's arrays before changing them.
        var seconds = 0.0, stuck = false, cutShort = false
        // Questions of the flow entered, by number; others (none expected) by id.
        var entered = [Bool](repeating: false, count: effortSeconds.count)
        var enteredOthers = Set<String>()
        var guardSteps = 0
        while let prompt = interview.prompt {
            // Bounded: nested loops over big selections can ask more questions than anyone answers.
            guard guardSteps < Self.maxPromptsPerRespondent else { cutShort = true; break }
            guardSteps += 1
            let q = prompt.question
            let known = effortSeconds[q.id]
            let isNew: Bool
            if let known {
                isNew = !entered[known.number]
                entered[known.number] = true
            } else {
                isNew = enteredOthers.insert(q.id).inserted
            }
            // (Section ids are never question ids, so the loops around a question need no mark.)
            if isNew {
                let cached = interview.language == checked.defaultLanguage ? known?.seconds : nil
                seconds += cached
                    ?? EffortEstimate.readingSeconds(q, language: interview.language) + EffortEstimate.answeringSeconds(q)
            }
            if !answer(&interview, prompt, rng: &rng) { stuck = true; break }
        }
        return Respondent(interview: interview, seconds: seconds, stuck: stuck, cutShort: cutShort)
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
