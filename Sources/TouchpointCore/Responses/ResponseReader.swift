#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A part of a regular file: the lines from byte `offset` (the start of a line) on, numbered from
/// `firstLine`, and at most `lineCount` of them (blank ones included).
struct ResponseRange: Sendable {
    var offset: Int
    var firstLine: Int
    var lineCount: Int?
}

/// Reads response records from JSON-lines files and standard input, line by line, in constant memory.
///
/// Each line is either handed on as a `CheckedResponse` or rejected with a `LineRejection`: blank lines are
/// skipped; a torn last line (no newline) is incomplete, never data; then bad JSON, records of another
/// questionnaire, missing or mistyped fields, answers that break the questionnaire's rules (`RecordChecker`),
/// and ids already taken by an earlier accepted line. The first line with an id keeps it; a rejected line
/// claims no id, so a corrected copy further on is still read.
///
/// Memory stays bounded by the read buffer and the set of ids seen (`ResponseIDSet`, about 40 bytes an id),
/// whatever the size of the files.
public struct ResponseReader: Sendable {
    /// How many lines were read, accepted and rejected, and the rejections by kind.
    public struct Counts: Sendable, Hashable {
        /// Lines that were not blank, torn and over-long ones included.
        public var read = 0
        public var accepted = 0
        public var rejected = 0
        public var rejectedByKind: [LineProblem.Kind: Int] = [:]

        /// No lines yet.
        public init() {}
    }

    let checker: RecordChecker
    private let parser: JSONParser
    private let keys: JSONKeySet?
    /// The byte-level fast path, for scoring (see `RecordScanner`); lines it is unsure of are parsed.
    private let scanner: RecordScanner?
    public private(set) var counts = Counts()
    /// The ids of accepted lines, with where each was read.
    public private(set) var seen = ResponseIDSet()
    /// The sources read so far, in order; `ResponseLocation.sourceIndex` points into it.
    public private(set) var sources: [ResponseSource] = []

    /// A reader for records of `questionnaire`.
    ///
    /// `checksTimes` makes `completed_at` have to be an RFC 3339 time (needed to group by period); without
    /// it, and without `keepsAllFields`, `completed_at` is not read at all.
    /// `keepsAllFields` builds every field of a record (for `verify`); otherwise only the fields that
    /// checking and scoring read are built, which is much faster.
    public init(_ checked: CheckedQuestionnaire, checksTimes: Bool = false, keepsAllFields: Bool = false) {
        self.init(schema: ResponseSchema(checked), checksTimes: checksTimes,
                  keepsAllFields: keepsAllFields)
    }

    /// `scansBytes` lets lines be checked from their bytes without building them (`RecordScanner`), when what
    /// the records are read for needs no more than the slots: scoring. The records then carry empty
    /// `meta`, `answers`, `computed` and `record` objects.
    init(schema: ResponseSchema, checksTimes: Bool, keepsAllFields: Bool, extraKeys: [String] = [], scansBytes: Bool = false) {
        checker = RecordChecker(schema: schema, checksTimes: checksTimes)
        // `completed_at` is read only to group by period: building it costs a string per line otherwise.
        keys = keepsAllFields ? nil : JSONKeySet((RecordKey.checked + (schema.readsDurations ? [.durations] : []))
            .filter { checksTimes || $0 != .completedAt }.map(\.rawValue) + extraKeys)
        var strings = RecordKey.stringTable.strings
        strings += schema.questions.keys.sorted()
        strings += schema.computes.keys.sorted()
        strings += schema.meta.keys.sorted()
        for entry in schema.questions.values.sorted(by: { $0.question.id < $1.question.id }) {
            strings += entry.question.allOptions.compactMap { option in
                if case .text(let text) = option.value { return text }
                return nil
            }
            strings += entry.question.rows.map(\.id)
        }
        for field in schema.meta.values.map(\.question).sorted(by: { $0.id < $1.id }) {
            strings += field.allOptions.compactMap { option in
                if case .text(let text) = option.value { return text }
                return nil
            }
        }
        parser = JSONParser(strings: JSONStringTable(strings))
        scanner = scansBytes && !keepsAllFields && extraKeys.isEmpty && RecordScanner.covers(schema)
            ? RecordScanner(schema: schema, parser: parser, checksTimes: checksTimes) : nil
    }

    /// Reads every line of `source`, calling `accept` with each record that passes the checks and `reject`
    /// with each line that does not.
    ///
    /// `accept` may still refuse a record by throwing a `LineProblem` (scoring does when a record has no
    /// usable weight); it must then leave no trace of it. Throws `JSONLinesError` when the source cannot be
    /// opened or read; the lines before the failure have been handled.
    public mutating func read(_ source: ResponseSource, accept: (CheckedResponse) throws(LineProblem) -> Void,
                              reject: (LineRejection) -> Void) throws(JSONLinesError) {
        let sourceIndex = begin(source)
        try read(source, sourceIndex: sourceIndex, range: nil, accept: accept, reject: reject)
    }

    /// Adds `source` to the sources read and returns its index.
    mutating func begin(_ source: ResponseSource) -> Int {
        sources.append(source)
        return sources.count - 1
    }

    /// Reads `source` (already added with `begin`), or only `range` of it.
    mutating func read(_ source: ResponseSource, sourceIndex: Int, range: ResponseRange?,
                       accept: (CheckedResponse) throws(LineProblem) -> Void,
                       reject: (LineRejection) -> Void) throws(JSONLinesError) {
        switch source {
        case .standardInput:
            try readLines(JSONLinesReader.standardInput(), source: source, sourceIndex: sourceIndex, range: nil,
                          accept: accept, reject: reject)
        case .file(let path):
            do {
                try JSONLinesReader.withFile(atPath: path) { reader in
                    if let range, range.offset > 0, lseek(reader.fileDescriptor, off_t(range.offset), SEEK_SET) < 0 {
                        throw JSONLinesError(source: path, errorNumber: errno, lineNumber: range.firstLine,
                                             reason: "cannot seek to byte \(range.offset)")
                    }
                    try readLines(reader, source: source, sourceIndex: sourceIndex, range: range, accept: accept, reject: reject)
                }
            } catch let error as JSONLinesError {
                throw error
            } catch {
                throw JSONLinesError(source: path, errorNumber: 0, lineNumber: 0, reason: "\(error)")
            }
        }
    }

    /// Thrown from inside the line loop to stop at the end of a range.
    private struct EndOfRange: Error {}

    private mutating func readLines(_ reader: JSONLinesReader, source: ResponseSource, sourceIndex: Int, range: ResponseRange?,
                                    accept: (CheckedResponse) throws(LineProblem) -> Void,
                                    reject: (LineRejection) -> Void) throws(JSONLinesError) {
        let lineOffset = (range?.firstLine ?? 1) - 1
        let lineLimit = range?.lineCount ?? Int.max
        // The checks are taken out of `self` once: calling them through the closure's `inout self` would
        // copy the whole reader for every line.
        let checks = Checks(checker: checker, parser: parser, keys: keys, scanner: scanner)
        // The fast path fills this one record line after line (see `RecordScanner.scan(_:into:source:line:)`).
        var scanned = scanner?.emptyRecord(source: source) ?? CheckedResponse(responseID: "", status: .complete, source: source)
        do {
            try reader.forEachLine { line in
                if line.number > lineLimit { throw EndOfRange() }
                if line.kind == .blank { return }
                let number = line.number + lineOffset
                counts.read += 1
                do {
                    if line.kind == .data, let scanner = checks.scanner,
                       scanner.scan(line.bytes, into: &scanned, source: source, line: number) {
                        try take(&scanned, sourceIndex: sourceIndex, number: number, accept: accept)
                    } else {
                        var record = try checks.checkedRecord(line, source: source, number: number, scanning: false)
                        try take(&record, sourceIndex: sourceIndex, number: number, accept: accept)
                    }
                } catch let problem as LineProblem {
                    counts.rejected += 1
                    counts.rejectedByKind[problem.kind, default: 0] += 1
                    reject(LineRejection(source: source, line: number, problem: problem))
                }
            }
        } catch is EndOfRange {
            return
        } catch let error as JSONLinesError {
            throw error
        } catch {
            throw JSONLinesError(source: source.description, errorNumber: 0, lineNumber: counts.read, reason: "\(error)")
        }
    }

    /// Hands on a checked record unless its id was taken by an earlier line, and claims the id. The record is
    /// taken `inout` only so that it is passed in place, not copied out of the line loop's variable.
    @inline(__always)
    private mutating func take(_ record: inout CheckedResponse, sourceIndex: Int, number: Int,
                               accept: (CheckedResponse) throws(LineProblem) -> Void) throws(LineProblem) {
        let key = record.idKey ?? ResponseIDSet.Key(record.responseID)
        let probe = seen.probe(key)
        if let earlier = probe.earlier {
            throw LineProblem(.duplicateID, duplicateMessage(record.responseID, earlier: earlier, sourceIndex: sourceIndex))
        }
        try accept(record)
        seen.insert(key, at: ResponseLocation(sourceIndex: sourceIndex, line: number), probedSlot: probe.slot)
        counts.accepted += 1
    }

    /// Takes in what another reader read from a later part of the same sources: its counts and its ids,
    /// which must not overlap this reader's (check with `seen.overlaps` first).
    mutating func absorb(_ other: ResponseReader) {
        counts.read += other.counts.read
        counts.accepted += other.counts.accepted
        counts.rejected += other.counts.rejected
        for (kind, count) in other.counts.rejectedByKind { counts.rejectedByKind[kind, default: 0] += count }
        seen.formUnion(other.seen)
    }

    /// Takes the list of sources of the reader whose work this one shares, so that locations match.
    mutating func adopt(_ sources: [ResponseSource]) {
        self.sources = sources
    }

    /// A reader with the same checks and the same sources so far, but nothing read: a worker's starting point.
    func emptyCopy() -> ResponseReader {
        var copy = self
        copy.counts = Counts()
        copy.seen = ResponseIDSet()
        return copy
    }

    /// The line parsed and checked, or why it cannot be.
    func checkedRecord(_ line: JSONLineView, source: ResponseSource, number: Int) throws(LineProblem) -> CheckedResponse {
        try Checks(checker: checker, parser: parser, keys: keys, scanner: scanner).checkedRecord(line, source: source, number: number)
    }

    private func duplicateMessage(_ id: String, earlier: ResponseLocation, sourceIndex: Int) -> String {
        let place = earlier.sourceIndex == sourceIndex
            ? "line \(earlier.line)"
            : "line \(earlier.line) of \(sources[earlier.sourceIndex])"
        return "duplicate response_id \"\(RecordChecker.clip(id))\": \(place) already has it, and only the first is kept; give each response its own id"
    }
}

/// What checks one line: the reader's checker, parser, key selection and fast path, held apart from the
/// reader so that the line loop does not copy the reader.
private struct Checks {
    let checker: RecordChecker
    let parser: JSONParser
    let keys: JSONKeySet?
    let scanner: RecordScanner?

    /// The line parsed and checked, or why it cannot be.
    func checkedRecord(_ line: JSONLineView, source: ResponseSource, number: Int, scanning: Bool = true) throws(LineProblem) -> CheckedResponse {
        switch line.kind {
        case .torn:
            throw LineProblem(.incomplete, "the last line has no newline at its end, so it is an interrupted write (a crash or a full disk) and is not read; if it is complete, add the newline")
        case .tooLong:
            throw LineProblem(.tooLong, "the line is longer than \(JSONLinesReader.defaultMaxLineBytes >> 20) MiB, far more than any response record; it is skipped")
        case .blank, .data:
            break
        }
        if scanning, let scanner {
            var record = scanner.emptyRecord(source: source)
            if scanner.scan(line.bytes, into: &record, source: source, line: number) { return record }
        }
        let object: JSONObject
        do {
            if let keys {
                object = try parser.parseObject(line.bytes, keeping: keys)
            } else {
                object = try parser.parseObject(line.bytes)
            }
        } catch {
            throw LineProblem(.invalidJSON, "not a valid JSON object: \(error.description)")
        }
        return try checker.check(object, source: source, line: number)
    }
}
