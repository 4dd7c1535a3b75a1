/// The completed interviews an output file holds for each quota of a questionnaire, counted incrementally.
///
/// A tally remembers how many bytes of the file it has counted (always up to a line end) and reads only what
/// was appended since, so a long run that checks quotas after every respondent reads each line once. It is
/// advanced only under the output file's exclusive lock (`ResponseStore.countQuotas(_:)` and
/// `ResponseStore.appendDeciding(_:_:)`), so several interviewers sharing a file count the same records.
///
/// A line counts for a quota when it passes the checks `score` applies (`RecordChecker`), belongs to this
/// questionnaire, has status `complete`, and the quota's `when` holds on its answers, meta and computes.
/// Lines that do not parse (a torn tail, another tool's garbage) count for nothing.
public struct QuotaTally: Sendable {
    public let checked: CheckedQuestionnaire
    /// Completes counted so far, by quota id.
    public private(set) var counts: [String: Int]
    /// Bytes of the file counted so far: the position just after the last whole line read.
    public private(set) var offset: Int64 = 0
    /// The file counted (device and inode): a replaced file is counted again from its start.
    var identity: (device: UInt64, inode: UInt64)?

    /// How lines are read, made when the first line is counted: a questionnaire without quotas, or a tally that
    /// only counts the records its own process writes, never needs it (on a large questionnaire it costs as much
    /// as several milliseconds of start-up).
    private var schema: ResponseSchema?

    public init(_ checked: CheckedQuestionnaire) {
        self.checked = checked
        counts = Dictionary(uniqueKeysWithValues: checked.questionnaire.quotas.map { ($0.id, 0) })
    }

    /// Whether `quota` is full: the file holds `limit` or more completes for which its `when` holds.
    public func isFull(_ quota: Quota) -> Bool {
        counts[quota.id, default: 0] >= quota.limit
    }

    /// Counts one line (without its "\n") for every quota it fills.
    public mutating func ingest(line: ArraySlice<UInt8>) {
        guard !checked.questionnaire.quotas.isEmpty else { return }
        let schema = self.schema ?? ResponseSchema(checked)
        self.schema = schema
        for id in Self.quotas(filledBy: line, schema: schema) { counts[id, default: 0] += 1 }
    }

    /// Counts one record this process writes, by the quotas it fills (`Interview.filledQuotas`).
    public mutating func ingest(filled quotas: [String]) {
        for id in quotas { counts[id, default: 0] += 1 }
    }

    /// Counts every whole line of `bytes`, which begin where the tally stopped; returns how many bytes were
    /// consumed (up to and including the last "\n").
    mutating func ingest(chunk bytes: [UInt8]) -> Int {
        var start = 0
        var consumed = 0
        for (index, byte) in bytes.enumerated() where byte == 0x0A {
            if index > start { ingest(line: bytes[start..<index]) }
            start = index + 1
            consumed = start
        }
        offset += Int64(consumed)
        return consumed
    }

    /// Marks the file as counted up to `end`, its size after lines this process wrote under the lock (and
    /// ingested already).
    mutating func markCounted(upTo end: Int64) {
        offset = end
    }

    /// Starts again from the start of a new or replaced file.
    mutating func reset(identity: (device: UInt64, inode: UInt64)) {
        self.identity = identity
        offset = 0
        for key in counts.keys { counts[key] = 0 }
    }

    /// The quotas whose count a record line raises: a complete record of this questionnaire for which `when` holds.
    static func quotas(filledBy line: ArraySlice<UInt8>, schema: ResponseSchema) -> [String] {
        guard let object = try? JSONParser().parseObject(Array(line)),
              object["status"]?.stringValue == EndStatus.complete.rawValue,
              let record = try? RecordChecker(schema: schema, checksTimes: false).check(object, source: .file(""), line: 0)
        else { return [] }
        return filled(by: record, schema: schema)
    }

    /// The quotas a checked complete record fills (score's quota fill uses this too).
    static func filled(by record: CheckedResponse, schema: ResponseSchema) -> [String] {
        guard record.status == .complete else { return [] }
        let env = RecordEnvironment(record: record, schema: schema)
        return schema.questionnaire.quotas.compactMap { quota in
            guard let expr = quota.when.expr, Evaluator.evaluate(expr, in: env).isTruthy else { return nil }
            return quota.id
        }
    }
}
