import Foundation
import Testing
@testable import TouchpointCore

/// When a quota falls due (every name of its `when` asked, never before), what a full quota does to the
/// interview and its record, and how the output file is counted.
@Suite("Quotas in the engine")
struct QuotaEngineTests {
    static let yaml = """
    touchpoint: 1
    id: field
    meta:
      segment: {type: single, options: [new, regular]}
    questions:
      - {id: age, type: single, options: [young, old], text: How old?}
      - {id: visits, type: number, min: 0, max: 99, text: How many visits?}
      - {id: recommend, type: nps, text: Recommend?}
      - end: screened_out
        when: visits == 0
    quotas:
      - id: young_regulars
        when: meta.segment == 'regular' and age == 'young' and visits > 0
        limit: 2
        text: "Thank you, {age} respondent."
      - id: regulars
        when: meta.segment == 'regular'
        limit: 5
        status: quota_regular
    """

    func checked() throws -> CheckedQuestionnaire {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    @Test func aQuotaIsNeverDueBeforeEveryNameOfItsConditionHasBeenAsked() throws {
        var interview = Interview(try checked(), meta: ["segment": .text("regular")])
        // The meta-only quota is due at once; the other waits for age and visits.
        #expect(interview.dueQuota?.id == "regulars")
        interview.resolveQuota(try #require(interview.dueQuota), full: false)
        #expect(interview.dueQuota == nil)
        #expect(interview.submit("1") == .accepted)            // age: young
        #expect(interview.dueQuota == nil, "visits has not been asked yet")
        #expect(interview.submit("3") == .accepted)            // visits
        #expect(interview.dueQuota?.id == "young_regulars")
    }

    @Test func aFullQuotaEndsTheInterviewWithItsStatusAndPipedTextAndKeepsTheAnswersSoFar() throws {
        var interview = Interview(try checked(), meta: ["segment": .text("regular")])
        interview.resolveQuota(try #require(interview.dueQuota), full: false)
        _ = interview.submit("1")
        _ = interview.submit("3")
        interview.resolveQuota(try #require(interview.dueQuota), full: true)
        guard case .finished(let status, let text) = interview.state else { Issue.record("not finished"); return }
        #expect(status == .quotaFull)
        #expect(text == "Thank you, young respondent.")
        let record = interview.record(InterviewContext(responseID: "r", questionnaireSHA256: "", mode: .headless, startedAt: ""))
        #expect(record.status == .quotaFull)
        #expect(record.line().count > 0)
        #expect(String(decoding: record.line(), as: UTF8.self).contains(#""path":["age","visits"]"#))
    }

    @Test func aQuotasOwnStatusEndsTheInterviewBeforeTheFirstQuestion() throws {
        var interview = Interview(try checked(), meta: ["segment": .text("regular")])
        interview.resolveQuota(try #require(interview.dueQuota), full: true)
        guard case .finished(let status, _) = interview.state else { Issue.record("not finished"); return }
        #expect(status == EndStatus(named: "quota_regular"))
        #expect(interview.steps.isEmpty)
    }

    @Test func aQuotaWhoseConditionFailsIsNeverDueAndTheInterviewEndsAsItsEndsSay() throws {
        var interview = Interview(try checked(), meta: ["segment": .text("regular")])
        interview.resolveQuota(try #require(interview.dueQuota), full: false)
        _ = interview.submit("1")
        _ = interview.submit("0")   // visits 0: young_regulars cannot hold, and the end screens out
        #expect(interview.dueQuota == nil)
        _ = interview.submit("7")
        guard case .finished(let status, _) = interview.state else { Issue.record("not finished"); return }
        #expect(status == .screenedOut)
    }

    @Test func aReplayWithAFullQuotaIgnoresTheAnswersItNeverAsks() throws {
        var interview = Interview(try checked(), meta: ["segment": .text("new")])
        let replay = Replay(answers: ["age": .text("young"), "visits": .number(2), "recommend": .number(9)])
        let due = try replay.run(&interview, quotas: .allOpen)
        #expect(due.isEmpty)
        var regular = Interview(try checked(), meta: ["segment": .text("regular")])
        #expect(try replay.run(&regular, quotas: .allOpen) == ["regulars", "young_regulars"])
        var ended = Interview(try checked(), meta: ["segment": .text("regular")])
        try replay.run(&ended, quotas: .full("young_regulars"))
        #expect(ended.endedByQuota == "young_regulars")
        #expect(ended.steps.count == 2)
    }

    /// Quotas on answers that may be absent (a skipped question, a `null` test, a compute), for the agreement
    /// of a finished interview's own count with the count read back from its line.
    static let conditionalYAML = """
    touchpoint: 1
    id: field_conditional
    meta:
      segment: {type: single, options: [new, regular]}
    questions:
      - {id: visits, type: number, min: 0, max: 99, text: How many visits?}
      - {id: reason, type: text, required: false, when: visits > 2, text: Why so often?}
      - {id: channel, type: multi, options: [app, web, store], text: Which channels?}
      - compute: heavy
        value: visits >= 5
    quotas:
      - {id: talkers, when: "visits > 2 and reason != null", limit: 9}
      - {id: quiet, when: "visits > 2 and reason == null", limit: 9}
      - {id: app_regulars, when: "meta.segment == 'regular' and 'app' in channel", limit: 9}
      - {id: heavy_users, when: "heavy", limit: 9}
    """

    @Test func aFinishedInterviewFillsTheQuotasTheTallyReadsBackFromItsLine() throws {
        let report = Validator.validate(Array(Self.conditionalYAML.utf8))
        let checked = try #require(report.checked, "\(report.diagnostics)")
        let schema = ResponseSchema(checked)
        var random = SeededRandom(seed: 20261201, key: "quota-agreement")
        var compared = 0
        for respondent in 0..<200 {
            let visits = Int(random.next() % 8)
            var answers: [String: Value] = ["visits": .number(Double(visits))]
            var missing: [String: Value] = [:]
            if visits > 2 {
                if random.next() % 2 == 0 { answers["reason"] = .text("often") } else { missing["reason"] = .text("skipped") }
            }
            let channels = ["app", "web", "store"].filter { _ in random.next() % 2 == 0 }
            answers["channel"] = .list((channels.isEmpty ? ["web"] : channels).map { Value.text($0) })
            var interview = Interview(checked, meta: ["segment": .text(respondent % 2 == 0 ? "regular" : "new")])
            try Replay(answers: answers, missing: missing).run(&interview, quotas: .allOpen)
            let line = interview.record(InterviewContext(responseID: "r\(respondent)", questionnaireSHA256: "",
                                                         mode: .headless, startedAt: "")).line()
            #expect(interview.filledQuotas == QuotaTally.quotas(filledBy: line.dropLast(), schema: schema),
                    "respondent \(respondent): \(String(decoding: line, as: UTF8.self))")
            compared += interview.filledQuotas.count
        }
        #expect(compared > 0, "no respondent filled a quota: the test compares nothing")
    }

    @Test func anEndingKeptWhereAQuotaFellDueIsTheRecordOfAReplayWithThatQuotaFull() throws {
        let checked = try checked()
        let context = InterviewContext(responseID: "r", questionnaireSHA256: "", mode: .headless, startedAt: "")
        var compared = 0
        for segment in ["new", "regular"] {
            for age in ["young", "old"] {
                for visits in [0.0, 1, 4] {
                    let answers: [String: Value] = ["age": .text(age), "visits": .number(visits), "recommend": .number(7)]
                    var open = Interview(checked, meta: ["segment": .text(segment)])
                    let kept = try Replay(answers: answers).runKeepingQuotaEndings(&open)
                    #expect(Set(kept.endings.keys) == Set(kept.due))
                    for (id, ended) in kept.endings {
                        var full = Interview(checked, meta: ["segment": .text(segment)])
                        try Replay(answers: answers).run(&full, quotas: .full(id))
                        #expect(ended.record(context).line() == full.record(context).line(), "\(segment) \(age) \(visits): \(id)")
                        compared += 1
                    }
                }
            }
        }
        #expect(compared >= 6)
    }

    @Test func theTallyCountsOnlyTheNewTailOfTheFileUnderTheLock() throws {
        let checked = try checked()
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        var tally = QuotaTally(checked)
        try store.countQuotas(&tally)
        #expect(tally.counts["young_regulars"] == 0 && tally.offset == 0)
        func line(_ meta: String, _ answers: [String: Value], full: String? = nil) throws -> [UInt8] {
            var interview = Interview(checked, meta: ["segment": .text(meta)])
            try Replay(answers: answers).run(&interview, quotas: full.map { .full($0) } ?? .allOpen)
            return interview.record(InterviewContext(responseID: UUIDText.random(using: &rng), questionnaireSHA256: "",
                                                     mode: .headless, startedAt: "")).line()
        }
        var rng = SystemRandomNumberGenerator()
        let young = ["age": Value.text("young"), "visits": .number(2), "recommend": .number(9)]
        try store.appendResponse(line: try line("regular", young))
        try store.appendResponse(line: try line("new", young))
        try store.appendResponse(line: try line("regular", young, full: "young_regulars"))
        try store.countQuotas(&tally)
        #expect(tally.counts["young_regulars"] == 1, "only the complete regular counts")
        #expect(tally.counts["regulars"] == 1)
        let counted = tally.offset
        #expect(counted > 0)
        // A torn tail from another tool counts for nothing and is not consumed.
        try StorageTestSupport.write(String(decoding: try StorageTestSupport.contents(folder.file("out.jsonl")), as: UTF8.self)
                                     + #"{"questionnaire":"field","status":"comp"#, to: folder.file("out.jsonl"))
        try store.countQuotas(&tally)
        #expect(tally.offset == counted)
        try store.appendResponse(line: try line("regular", young))
        try store.countQuotas(&tally)
        #expect(tally.counts["young_regulars"] == 2)
        #expect(tally.isFull(try #require(checked.questionnaire.quotas.first)))
    }

    @Test func aPrecountMadeBeforeTheInterviewMatchesACountUnderTheLockAndTheLockedCountGoesOnFromIt() throws {
        let checked = try checked()
        let folder = try TemporaryFolder()
        let path = folder.file("out.jsonl")
        let store = ResponseStore(outputPath: path)
        #expect(store.precountQuotas(checked).offset == 0)
        #expect(!FileManager.default.fileExists(atPath: path), "a precount of a missing file creates nothing")
        var rng = SystemRandomNumberGenerator()
        func line(_ meta: String) throws -> [UInt8] {
            var interview = Interview(checked, meta: ["segment": .text(meta)])
            try Replay(answers: ["age": .text("young"), "visits": .number(2), "recommend": .number(9)]).run(&interview, quotas: .allOpen)
            return interview.record(InterviewContext(responseID: UUIDText.random(using: &rng), questionnaireSHA256: "",
                                                     mode: .headless, startedAt: "")).line()
        }
        for meta in ["regular", "new", "regular"] { try store.appendResponse(line: try line(meta)) }
        var precounted = store.precountQuotas(checked)
        var locked = QuotaTally(checked)
        try store.countQuotas(&locked)
        #expect(precounted.counts == locked.counts && precounted.offset == locked.offset)
        #expect(precounted.counts["young_regulars"] == 2)
        // Lines appended after the precount are read under the lock, once.
        try store.appendResponse(line: try line("regular"))
        try store.countQuotas(&precounted)
        #expect(precounted.counts["young_regulars"] == 3)
        // A file replaced after the precount is counted again from its start.
        let replaced = folder.file("replacement.jsonl")
        try StorageTestSupport.write(String(decoding: try line("new"), as: UTF8.self), to: replaced)
        #expect(rename(replaced, path) == 0)
        try store.countQuotas(&precounted)
        #expect(precounted.counts["young_regulars"] == 0 && precounted.counts["regulars"] == 0)
    }

    @Test func verifyAcceptsARecordTheQuotaEndedAndRejectsOneEndedTooEarly() throws {
        let checked = try checked()
        var interview = Interview(checked, meta: ["segment": .text("regular")])
        try Replay(answers: ["age": .text("young"), "visits": .number(2)]).run(&interview, quotas: .full("young_regulars"))
        let record = interview.record(InterviewContext(responseID: "r1", questionnaireSHA256: "", mode: .headless, startedAt: ""))
        var verifier = ResponseVerifier(checked)
        let parsed = try #require(JSONParser().parse(record.line().dropLast().map { $0 }).objectValue)
        let checkedRecord = try RecordChecker(schema: ResponseSchema(checked), checksTimes: false).check(parsed, source: .file("t"), line: 1)
        try verifier.replay(checkedRecord)
        // The same record without `visits`: no quota was due where its answers end.
        var cut = parsed
        cut["answers"] = .object(JSONObject([("age", .string("young"))]))
        cut["path"] = .array([.string("age")])
        let short = try RecordChecker(schema: ResponseSchema(checked), checksTimes: false).check(cut, source: .file("t"), line: 2)
        #expect(throws: LineProblem.self) { try verifier.replay(short) }
    }
}
