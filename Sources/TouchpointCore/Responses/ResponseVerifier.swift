/// Checks collected response files against their questionnaire (`touchpoint verify`): every check a line
/// must pass to be scored, then a full replay of its answers through the interview engine.
///
/// The replay finds what the record checks cannot: answers to questions the respondent's path never asks,
/// required answers that are missing, answers that fail `checks:`; and it recomputes what the record
/// stores, so a `status` or `computed` value that the answers do not give is reported too.
public struct ResponseVerifier: Sendable {
    let checked: CheckedQuestionnaire
    var reader: ResponseReader
    let expectedSHA256: String?
    /// Valid records whose `questionnaire_sha256` is not that of the questionnaire file given: collected
    /// with another version of it. Not a problem in itself (the replay decides), but worth knowing.
    public internal(set) var otherVersions = 0
    /// How many parts of a large file are verified at once, each on a core of its own.
    public var parallelism = ParallelMap.workers
    /// The smallest part worth a core: a replay costs tens of microseconds a line, so a megabyte (about 800
    /// records) is already worth it.
    var minimumPartBytes = 1 << 20
    /// Parts per core: more parts than cores, taken by whichever core is free, keep both busy to the end when
    /// one of them is slowed (by another process, or by a part with longer interviews).
    static let partsPerWorker = 4

    /// A verifier for records of `questionnaire`; `sha256` is the hex digest of its file, if known.
    public init(_ checked: CheckedQuestionnaire, sha256: String? = nil) {
        self.checked = checked
        expectedSHA256 = sha256
        reader = ResponseReader(checked, checksTimes: true, keepsAllFields: true)
    }

    /// Lines read, valid and with problems so far.
    public var counts: ResponseReader.Counts { reader.counts }

    /// Checks every line of `source`, reporting each line with a problem to `onProblem` as it is met.
    public mutating func verify(_ source: ResponseSource, onProblem: (LineRejection) -> Void) throws(JSONLinesError) {
        var reader = self.reader
        self.reader = ResponseReader(checked)
        defer { self.reader = reader }
        let sourceIndex = reader.begin(source)
        if case .file(let path) = source, parallelism > 1,
           let ranges = FileChunks.ranges(path: path, parts: parallelism * Self.partsPerWorker,
                                          minimumPartBytes: minimumPartBytes) {
            try verifyInParallel(source, sourceIndex: sourceIndex, ranges: ranges, reader: &reader, onProblem: onProblem)
            return
        }
        try reader.read(source, sourceIndex: sourceIndex, range: nil,
                        accept: { record throws(LineProblem) in try self.replay(record) }, reject: onProblem)
    }

    /// Replays one record that passed the record checks; throws what is wrong with it.
    public mutating func replay(_ record: CheckedResponse) throws(LineProblem) {
        var meta: [String: Value] = [:]
        for (key, value) in record.meta where !value.isNull { meta[key] = Value(json: value) }
        var answers: [String: Value] = [:]
        for (key, value) in record.answers { answers[key] = Value(json: value) }
        var missing: [String: Value] = [:]
        for (key, value) in record.missing { missing[key] = Value(json: value) }
        var interview = Interview(checked, language: record.language, meta: meta, rendersText: false)
        interview.recordsDurations = false  // the stored durations are not compared: keeping them costs a dictionary
        do {
            let quotas: Replay.QuotaDecision = record.status == .complete || record.status == .screenedOut
                ? .allOpen : .endsWhereAnswersEnd(record.status)
            try Replay(answers: answers, missing: missing).run(&interview, quotas: quotas)
        } catch {
            throw LineProblem(.pathRule, "replaying the answers: \(error.message)")
        }
        if case .finished(let status, _) = interview.state, status != record.status {
            throw LineProblem(.inconsistent, "`status` is \"\(record.status.rawValue)\", but the answers end the interview as \"\(status.rawValue)\"")
        }
        let stored = Value(json: .object(record.computed))
        // Only the computes are compared: the rest of the record is not built.
        let replayed = ResponseRecord.computedObject(interview.computedValues())
        if stored != Value(json: .object(replayed)) {
            let differing = replayed.keys.first { Value(json: record.computed[$0] ?? .null) != Value(json: replayed[$0] ?? .null) }
                ?? record.computed.keys.first { replayed[$0] == nil }
            let detail = differing.map { key in
                "`\(key)` is \(record.computed[key].map(RecordChecker.show) ?? "absent"), but the answers give \(replayed[key].map(RecordChecker.show) ?? "nothing")"
            } ?? "it differs from what the answers give"
            throw LineProblem(.inconsistent, "`computed` does not match the answers: \(detail)")
        }
        if let expectedSHA256, let sha = record.questionnaireSHA256, sha != expectedSHA256 { otherVersions += 1 }
    }
}
