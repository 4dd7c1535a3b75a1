/// Reads the respondents of `run --answers` as a stream: JSON lines, one respondent a line, read in chunks
/// (memory bounded by the longest line, whatever the file's size), or one JSON object, pretty-printed or not.
///
/// A last line without a newline is data here: an answers file is written by people and scripts, not
/// appended to by interviews, so it is not a torn write.
public enum RespondentReader {
    /// One respondent as read: its first line and its JSON, or why the line is not one.
    public struct Item: Sendable {
        public var line: Int
        public var value: Result<JSONValue, RespondentRejection>
    }

    /// The most a single pretty-printed object may hold: lines that do not parse on their own are kept only
    /// up to this size, in case together they are one object.
    public static let maxObjectBytes = 64 << 20

    /// The record keys a replay does not read (`HeadlessSession.respond` reads questionnaire, language, meta,
    /// answers, missing, respondent and interviewer): a record written by `simulate` or `run` is replayed
    /// without building its path, durations, times and ids. Their values are still checked as JSON, and any
    /// key not in this list (an unknown one too) is kept, so that unknown keys are still reported.
    static let unread = JSONKeySet([RecordKey.version, .questionnaireSHA256, .responseID, .status, .mode, .startedAt,
                                    .completedAt, .computed, .path, .durations, .optionOrder, .warnings].map(\.rawValue))

    /// Calls `body` with every respondent in order.
    public static func read(_ reader: JSONLinesReader, _ body: (Item) throws -> Void) throws {
        let parser = JSONParser()
        // Lines that failed to parse while no line has parsed yet: perhaps one pretty-printed object.
        var pending: [(line: Int, bytes: [UInt8], error: String)] = []
        var pendingBytes = 0
        var streaming = false
        func flushPending() throws {
            for p in pending { try body(Item(line: p.line, value: .failure(RespondentRejection("line is not valid JSON: \(p.error)")))) }
            pending = []
            pendingBytes = 0
        }
        try reader.forEachLine { view in
            switch view.kind {
            case .blank: return
            case .tooLong:
                try flushPending()
                streaming = true
                try body(Item(line: view.number, value: .failure(RespondentRejection("line is longer than \(reader.maxLineBytes) bytes"))))
                return
            default: break
            }
            if view.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
            do {
                let value = try parser.parse(view.bytes, skipping: unread)
                try flushPending()
                streaming = true
                try body(Item(line: view.number, value: .success(value)))
            } catch {
                if streaming || pendingBytes + view.bytes.count > maxObjectBytes {
                    try flushPending()
                    streaming = true
                    try body(Item(line: view.number, value: .failure(RespondentRejection("line is not valid JSON: \(error)"))))
                } else {
                    pending.append((view.number, Array(view.bytes), "\(error)"))
                    pendingBytes += view.bytes.count + 1
                }
            }
        }
        guard !pending.isEmpty else { return }
        var whole: [UInt8] = []
        for p in pending { whole += p.bytes; whole.append(0x0A) }
        if let value = try? parser.parse(whole), value.objectValue != nil {
            try body(Item(line: pending[0].line, value: .success(value)))
        } else {
            try flushPending()
        }
    }
}

/// Why a scripted respondent was not accepted, for people.
public struct RespondentRejection: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
