import Foundation
import TouchpointCore

/// `run --answers`: walks one interview per scripted respondent and appends the accepted ones.
///
/// Each respondent is accepted or rejected whole; rejections name the input line and the question, and
/// the others go on. Returns 0, or 1 when any respondent was rejected, or 3 when a response could not be
/// written.
struct HeadlessRun {
    let setup: RunSetup

    init(setup: RunSetup) {
        self.setup = setup
    }

    /// A respondent is a response record, or the part of one that replays it: any other key is a mistake.
    static let respondentKeys = Set(RecordKey.allCases.map(\.rawValue))

    func run(answersPath: String) -> Int32 {
        var saved = 0, rejected = 0
        let name = answersPath == "-" ? "<stdin>" : answersPath
        let respondents: [AnswerSource.Item]
        do {
            respondents = try AnswerSource.read(answersPath)
        } catch {
            Console.error("touchpoint: --answers \(name): \(error)")
            return 2
        }
        // Accepted responses are written in batches: one write and one sync for up to 1,000 respondents. Every
        // line is whole and a batch is on disk entirely or not at all; the answers file stays the source to replay.
        var batch: [UInt8] = []
        var batchCount = 0
        var batchFirstLine = 0
        func flush() -> Bool {
            guard batchCount > 0 else { return true }
            if let failure = append(batch) {
                Console.error("touchpoint: \(name): the responses of input lines \(batchFirstLine) on were NOT saved: \(failure)")
                Console.error("touchpoint: \(saved) saved before the failure")
                return false
            }
            saved += batchCount
            batch.removeAll(keepingCapacity: true)
            batchCount = 0
            return true
        }
        for item in respondents {
            let outcome = item.value.flatMap { json in
                interview(json, seed: respondentSeed(item.line)).mapError { problem in
                    Rejected((json["respondent"]?.stringValue.map { "respondent \($0)" } ?? "respondent") + " rejected: " + problem.message)
                }
            }
            switch outcome {
            case .failure(let problem):
                rejected += 1
                Console.error("\(name):\(item.line): \(problem.message)")
            case .success(let line):
                if batchCount == 0 { batchFirstLine = item.line }
                batch += line
                batchCount += 1
                if batchCount >= 1000 || batch.count >= 1 << 20, !flush() { return 3 }
            }
        }
        if !flush() { return 3 }
        Console.error("\(saved + rejected) respondent\(saved + rejected == 1 ? "" : "s"): \(saved) saved to \(setup.store.outputPath), \(rejected) rejected")
        return rejected > 0 ? 1 : 0
    }

    /// Appends whole response lines; the problem, if they could not be written.
    private func append(_ lines: [UInt8]) -> String? {
        do {
            try setup.store.appendResponses(lines: lines)
            return nil
        } catch {
            return error.message
        }
    }

    /// The response line for one respondent, or why it is rejected.
    /// A seed for the respondent on input line `line`, derived from the run's seed.
    private func respondentSeed(_ line: Int) -> UInt64 {
        var rng = SeededRandom(seed: setup.seed, key: String(line))
        return rng.next()
    }

    /// `seed` is the respondent's own, so that shuffled option orders differ between respondents.
    private func interview(_ json: JSONValue, seed: UInt64) -> Result<[UInt8], Rejected> {
        guard let o = json.objectValue else { return .failure(Rejected("a respondent must be a JSON object, not \(json.kindDescription)")) }
        if let unknown = o.keys.first(where: { !HeadlessRun.respondentKeys.contains($0) }) {
            return .failure(Rejected("unknown key `\(unknown)`; a respondent has answers, missing, meta, respondent, language"))
        }
        if let other = o["questionnaire"]?.stringValue, other != setup.questionnaire.id {
            return .failure(Rejected("it belongs to questionnaire `\(other)`, not `\(setup.questionnaire.id)`"))
        }
        let q = setup.questionnaire
        let language = o["language"]?.stringValue ?? setup.language ?? q.defaultLanguage
        if !q.languages.isEmpty, !q.languages.contains(language) {
            return .failure(Rejected("language `\(language)` is not one of \(q.languages.joined(separator: ", "))"))
        }
        var meta = setup.meta
        for (key, value) in o["meta"]?.objectValue ?? JSONObject() {
            guard let rule = setup.loaded.checked.metaRule(key) else { return .failure(Rejected("meta `\(key)` is not declared in the questionnaire")) }
            let v = Value(json: value)
            if let problem = rule.problem(with: v, language: language) {
                return .failure(Rejected("meta `\(key)`: \(problem.message)"))
            }
            meta[key] = v
        }
        func values(_ key: String) -> Result<[String: Value], Rejected> {
            guard let node = o[key] else { return .success([:]) }
            guard let obj = node.objectValue else { return .failure(Rejected("`\(key)` must be an object keyed by question id")) }
            var map: [String: Value] = [:]
            for (k, v) in obj { map[k] = Value(json: v) }
            return .success(map)
        }
        let answers: [String: Value], missing: [String: Value]
        switch (values("answers"), values("missing")) {
        case (.success(let a), .success(let m)): (answers, missing) = (a, m)
        case (.failure(let p), _), (_, .failure(let p)): return .failure(p)
        }
        var interview = Interview(setup.loaded.checked, language: language, meta: meta, seed: seed, rendersText: false)
        do {
            try Replay(answers: answers, missing: missing).run(&interview)
        } catch {
            return .failure(Rejected("at `\(error.question)`: \(error.message)"))
        }
        let now = Timestamp.rfc3339(Date())
        var random = SystemRandomNumberGenerator()
        let context = InterviewContext(responseID: UUIDText.random(using: &random), questionnaireSHA256: setup.sha256,
                                       respondent: o["respondent"]?.stringValue ?? setup.respondent,
                                       interviewer: o["interviewer"]?.stringValue ?? setup.interviewer,
                                       mode: .headless, startedAt: now, completedAt: now)
        return .success(interview.record(context).line())
    }
}

/// Reads respondents from an `--answers` file: one JSON object, or JSON lines.
enum AnswerSource {
    struct Item {
        var line: Int
        var value: Result<JSONValue, Rejected>
    }

    static func read(_ path: String) throws -> [Item] {
        let bytes: [UInt8]
        if path == "-" {
            bytes = Array(FileHandle.standardInput.readDataToEndOfFile())
        } else {
            do {
                bytes = try FileReader.read(path, maxBytes: 1 << 30).bytes
            } catch {
                throw error
            }
        }
        let parser = JSONParser()
        // A single (possibly pretty-printed) object first; otherwise one object a line.
        if let whole = try? bytes.withUnsafeBytes({ try parser.parse($0) }), whole.objectValue != nil {
            return [Item(line: 1, value: .success(whole))]
        }
        var items: [Item] = []
        var lineNumber = 0
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            lineNumber += 1
            var slice = bytes[start..<end]
            if slice.last == 0x0D { slice = slice.dropLast() }
            if !slice.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                do {
                    let value = try Array(slice).withUnsafeBytes { try parser.parse($0) }
                    items.append(Item(line: lineNumber, value: .success(value)))
                } catch {
                    items.append(Item(line: lineNumber, value: .failure(Rejected("line is not valid JSON: \(error)"))))
                }
            }
            if end == bytes.count { break }
            start = end + 1
        }
        return items
    }
}

/// Why a scripted respondent was not accepted.
struct Rejected: Error, CustomStringConvertible {
    var message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
