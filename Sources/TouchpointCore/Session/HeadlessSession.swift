/// `run --answers`: one interview per scripted respondent, walked with the rules of a terminal interview, the
/// accepted ones appended to the response file (SPEC section 4).
///
/// Each respondent is accepted or rejected whole. Accepted responses are written in batches: one write and one
/// sync under the file's lock for up to 1,000 respondents (or 1 MiB), every line whole and a batch on disk
/// entirely or not at all; the answers file stays the source to replay if a write fails.
public struct HeadlessSession: Sendable {
    public let checked: CheckedQuestionnaire
    public let store: ResponseStore
    /// The hex SHA-256 of the questionnaire file, copied into every record.
    public let sha256: String
    /// Defaults for what a respondent does not say itself.
    public var meta: [String: Value] = [:]
    public var respondent: String?
    public var interviewer: String?
    public var language: String?
    /// The run's seed; each respondent's own seed (its shuffled orders) is drawn from it and its input line.
    public var seed: UInt64 = 1
    /// Respondents per write.
    public var batchSize = 1000

    public init(checked: CheckedQuestionnaire, store: ResponseStore, sha256: String) {
        self.checked = checked
        self.store = store
        self.sha256 = sha256
    }

    /// What a run did.
    public struct Summary: Sendable, Hashable {
        public var saved = 0
        public var rejected = 0
        /// The first input line of the batch that could not be written, if a write failed.
        public var unsavedFromLine: Int?
        /// Why that write failed.
        public var failure: String?
    }

    /// Respondents replayed together on every core before their lines are handed on in input order.
    public var chunkSize = 2048

    /// Replays every respondent of `reader`; `onRejected` hears each rejected one (input line and message) in
    /// input order; `now` gives the time written as `started_at` and `completed_at`. Stops at the first failed
    /// write. Respondents are replayed on every core, a chunk at a time; what is written and reported is in
    /// input order, exactly as a one-core replay would give it.
    public func run(_ reader: JSONLinesReader, now: () -> String,
                    onRejected: (Int, String) -> Void) throws -> Summary {
        var summary = Summary()
        var batch: [UInt8] = []
        var batchCount = 0
        var batchFirstLine = 0
        func flush() -> Bool {
            guard batchCount > 0 else { return true }
            do {
                try store.appendResponses(lines: batch)
            } catch {
                summary.unsavedFromLine = batchFirstLine
                summary.failure = error.message
                return false
            }
            summary.saved += batchCount
            batch.removeAll(keepingCapacity: true)
            batchCount = 0
            return true
        }
        var chunk: [RespondentReader.Item] = []
        struct Stop: Error {}
        var tally = QuotaTally(checked)
        let session = self
        // A chunk is replayed on every core in the background while the reader goes on to the next one; it is
        // written (in input order, chunk after chunk) once the next chunk is read and has started its own replay.
        // So reading, writing and syncing overlap the replays instead of leaving the other core idle.
        var plainInFlight: Replaying<Result<[UInt8], RespondentRejection>>?
        var quotaInFlight: Replaying<QuotaOutcome>?
        func startReplay() {
            guard !chunk.isEmpty else { return }
            let time = now()
            let held = chunk.map(HeldRespondent.init)
            chunk.removeAll(keepingCapacity: true)
            if checked.questionnaire.quotas.isEmpty {
                plainInFlight = Replaying(held) { item in
                    var random = SystemRandomNumberGenerator()
                    return item.take().flatMap { json in
                        session.respond(json, line: item.line, now: time, random: &random).mapError { session.rejection(json, $0) }
                    }
                }
            } else {
                // Quotas full when the chunk starts: their respondents end where the quota falls due, without
                // walking the rest of the interview. Checked again under the lock (a replaced file starts over).
                let full = Set(checked.questionnaire.quotas.filter(tally.isFull).map(\.id))
                quotaInFlight = Replaying(held) { item in
                    var random = SystemRandomNumberGenerator()
                    return item.take().flatMap { json in
                        session.respondKeepingQuotaEndings(json, line: item.line, now: time, random: &random, full: full)
                            .mapError { session.rejection(json, $0) }
                    }
                }
            }
        }
        /// Hands on the chunk being replayed, if there is one, and starts the chunk read since.
        func process() throws {
            let plain = plainInFlight.take(), quota = quotaInFlight.take()
            startReplay()
            if let plain { try write(plain) }
            if let quota {
                guard flush() else { throw Stop() }
                try writeWithQuotas(quota)
            }
        }
        func write(_ replaying: Replaying<Result<[UInt8], RespondentRejection>>) throws {
            for (item, outcome) in zip(replaying.held, replaying.outcomes.wait()) {
                switch outcome {
                case .failure(let problem):
                    summary.rejected += 1
                    onRejected(item.line, problem.message)
                case .success(let line):
                    if batchCount == 0 { batchFirstLine = item.line }
                    batch += line
                    batchCount += 1
                    if batchCount >= batchSize || batch.count >= 1 << 20, !flush() { throw Stop() }
                }
            }
        }
        // With quotas, a chunk is replayed on every core with every quota open; then, under one hold of the
        // output file's lock, the file's completes are counted, each respondent whose due quota is full is
        // replayed again to end there (`quota_full`), this chunk's own completes are counted as they are
        // decided, and the chunk is appended. No other process counts or appends in between, so headless runs
        // sharing a file never overfill a quota.
        func writeWithQuotas(_ replaying: Replaying<QuotaOutcome>) throws {
            let held = replaying.held
            let outcomes = replaying.outcomes.wait()
            let quotas = Dictionary(uniqueKeysWithValues: checked.questionnaire.quotas.map { ($0.id, $0) })
            var written = 0
            do {
                try store.appendDeciding(&tally) { tally in
                    var lines: [UInt8] = []
                    written = 0
                    for (item, outcome) in zip(held, outcomes) {
                        switch outcome {
                        case .failure(let problem):
                            summary.rejected += 1
                            onRejected(item.line, problem.message)
                        case .success(var replayed):
                            // Ended by a quota that was full when the chunk started but is not now (the file was
                            // replaced): replayed again with every quota open, as if nothing had been known.
                            if let ended = replayed.endedBy, let quota = quotas[ended], !tally.isFull(quota),
                               let json = replayed.respondent {
                                var random = SystemRandomNumberGenerator()
                                switch respondKeepingQuotaEndings(json, line: item.line, now: now(), random: &random, full: []) {
                                case .success(let again): replayed = again
                                case .failure(let problem):
                                    summary.rejected += 1
                                    onRejected(item.line, rejection(json, problem).message)
                                    continue
                                }
                            }
                            var line = replayed.line
                            var filled = replayed.filled
                            // A full quota ends the record where it fell due (made in the worker, beside the
                            // record of the whole interview), and a record it ended fills no quota.
                            if let full = replayed.due.first(where: { quotas[$0].map(tally.isFull) ?? false }),
                               let ended = replayed.endings[full] {
                                line = ended
                                filled = []
                            }
                            // Counted from the interview, not by parsing the line again: what another process
                            // reading this line under the lock would count (`QuotaTallyTests` holds them equal).
                            tally.ingest(filled: filled)
                            lines += line
                            written += 1
                        }
                    }
                    return lines
                }
            } catch {
                summary.unsavedFromLine = held.first?.line
                summary.failure = error.message
                throw Stop()
            }
            summary.saved += written
        }
        do {
            do {
                try RespondentReader.read(reader) { item in
                    chunk.append(item)
                    if chunk.count >= chunkSize { try process() }
                }
            } catch let error where !(error is Stop) {
                // The answers could not be read on: what was replayed is still written (the chunk replayed in the
                // background and the batch not yet flushed) before the error is passed on; what was read of the
                // next chunk is not replayed.
                chunk.removeAll()
                try process()
                _ = flush()
                throw error
            }
            try process()   // the last chunk read starts; the one before it is written
            try process()   // the last chunk is written
        } catch is Stop {
            return summary
        }
        _ = flush()
        return summary
    }

    /// The rejection of a respondent, named by its `respondent` id when it has one.
    func rejection(_ json: JSONValue, _ problem: RespondentRejection) -> RespondentRejection {
        RespondentRejection((json["respondent"]?.stringValue.map { "respondent \($0)" } ?? "respondent") + " rejected: " + problem.message)
    }

    /// The response line for one respondent, or why it is rejected.
    func respond(_ json: JSONValue, line: Int, now: String,
                 random: inout SystemRandomNumberGenerator) -> Result<[UInt8], RespondentRejection> {
        respond(json, line: line, now: now, random: &random, quotas: .allOpen).map(\.line)
    }

    /// The response line for one respondent with quotas settled as `quotas` says, the quotas that fell due
    /// (held open) on the way, and the quotas its record fills; or why it is rejected.
    func respond(_ json: JSONValue, line: Int, now: String, random: inout SystemRandomNumberGenerator,
                 quotas: Replay.QuotaDecision,
                 keeping: ((_ endings: [String: Interview], _ context: InterviewContext, _ endedBy: String?) -> Void)? = nil)
        -> Result<(line: [UInt8], due: [String], filled: [String]), RespondentRejection> {
        guard let o = json.objectValue else {
            return .failure(RespondentRejection("a respondent must be a JSON object, not \(json.kindDescription)"))
        }
        if let unknown = o.keys.first(where: { !HeadlessSession.recordKeys.contains($0) }) {
            return .failure(RespondentRejection("unknown key `\(unknown)`; a respondent has answers, missing, meta, respondent, language"))
        }
        let q = checked.questionnaire
        if let other = o["questionnaire"]?.stringValue, other != q.id {
            return .failure(RespondentRejection("it belongs to questionnaire `\(other)`, not `\(q.id)`"))
        }
        let language = o["language"]?.stringValue ?? self.language ?? q.defaultLanguage
        if !q.languages.isEmpty, !q.languages.contains(language) {
            return .failure(RespondentRejection("language `\(language)` is not one of \(q.languages.joined(separator: ", "))"))
        }
        var meta = self.meta
        for (key, value) in o["meta"]?.objectValue ?? JSONObject() {
            guard let rule = checked.metaRule(key) else {
                return .failure(RespondentRejection("meta `\(key)` is not declared in the questionnaire"))
            }
            let v = Value(json: value)
            if let problem = rule.problem(with: v, language: language) {
                return .failure(RespondentRejection("meta `\(key)`: \(problem.message)"))
            }
            meta[key] = v
        }
        func values(_ key: String) -> Result<[String: Value], RespondentRejection> {
            guard let node = o[key] else { return .success([:]) }
            guard let obj = node.objectValue else { return .failure(RespondentRejection("`\(key)` must be an object keyed by question id")) }
            var map: [String: Value] = [:]
            for (k, v) in obj { map[k] = Value(json: v) }
            return .success(map)
        }
        let answers: [String: Value], missing: [String: Value]
        switch (values("answers"), values("missing")) {
        case (.success(let a), .success(let m)): (answers, missing) = (a, m)
        case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
        }
        var interview = Interview(checked, language: language, meta: meta, seed: respondentSeed(line), rendersText: false)
        interview.recordsDurations = false  // a headless record carries no durations (`{}`), rather than zeros
        let due: [String]
        var endings: [String: Interview] = [:]
        do {
            if keeping != nil {
                let full: Set<String>
                switch quotas {
                case .allOpen, .endsWhereAnswersEnd: full = []
                case .full(let id): full = [id]
                case .fullAmong(let ids): full = ids
                }
                (due, endings) = try Replay(answers: answers, missing: missing).runKeepingQuotaEndings(&interview, full: full)
            } else {
                due = try Replay(answers: answers, missing: missing).run(&interview, quotas: quotas)
            }
        } catch {
            return .failure(RespondentRejection("at `\(error.question)`: \(error.message)"))
        }
        let context = InterviewContext(responseID: UUIDText.random(using: &random), questionnaireSHA256: sha256,
                                       respondent: o["respondent"]?.stringValue ?? respondent,
                                       interviewer: o["interviewer"]?.stringValue ?? interviewer,
                                       mode: .headless, startedAt: now, completedAt: now)
        keeping?(endings, context, interview.endedByQuota)
        return .success((interview.record(context).line(), due, interview.filledQuotas))
    }

    /// What `respondKeepingQuotaEndings` gives for one respondent.
    typealias QuotaOutcome = Result<QuotaReplay, RespondentRejection>

    /// One respondent replayed with the quotas it met held open (see `respondKeepingQuotaEndings`).
    struct QuotaReplay: Sendable {
        var line: [UInt8]
        /// The quotas that fell due and were held open, in order.
        var due: [String]
        /// The quotas its record fills.
        var filled: [String]
        /// For each due quota, the line of the record it would end with were that quota full.
        var endings: [String: [UInt8]]
        /// The quota, known full, that ended the interview, if one did; then `respondent` is kept, to replay
        /// again should the quota turn out not to be full.
        var endedBy: String?
        var respondent: JSONValue?
    }

    /// The response line for one respondent with every quota open except those in `full` (which end the
    /// interview where they fall due), the quotas that fell due and were held open, the quotas its record fills,
    /// and for each due quota the line of the record it would end with were that quota full.
    func respondKeepingQuotaEndings(_ json: JSONValue, line: Int, now: String, random: inout SystemRandomNumberGenerator,
                                    full: Set<String>) -> QuotaOutcome {
        var endings: [String: Interview] = [:]
        var context: InterviewContext?
        var endedBy: String?
        let replayed = respond(json, line: line, now: now, random: &random, quotas: full.isEmpty ? .allOpen : .fullAmong(full),
                               keeping: { endings = $0; context = $1; endedBy = $2 })
        return replayed.map { replayed in
            let lines = context.map { context in endings.mapValues { $0.record(context).line() } } ?? [:]
            return QuotaReplay(line: replayed.line, due: replayed.due, filled: replayed.filled, endings: lines,
                               endedBy: endedBy, respondent: endedBy == nil ? nil : json)
        }
    }

    /// The names of `RecordKey`, the keys a respondent may have, for looking them up by hashing.
    static let recordKeys = Set(RecordKey.allCases.map(\.rawValue))

    /// The seed of the respondent on input line `line`: shuffled orders differ between respondents and
    /// repeat with the run's seed.
    func respondentSeed(_ line: Int) -> UInt64 {
        var rng = SeededRandom(seed: seed, key: String(line))
        return rng.next()
    }
}

/// A chunk of respondents being replayed on every core in the background, and what became of each.
final class Replaying<Outcome: Sendable>: Sendable {
    let held: [HeldRespondent]
    let outcomes: BackgroundWork<[Outcome]>

    init(_ held: [HeldRespondent], _ replay: @escaping @Sendable (HeldRespondent) -> Outcome) {
        self.held = held
        outcomes = BackgroundWork { ParallelMap.map(held, replay) }
    }
}
