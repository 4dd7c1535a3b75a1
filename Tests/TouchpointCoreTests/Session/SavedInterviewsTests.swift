#if canImport(Glibc)
import Glibc
#endif
import Foundation
import Synchronization
import Testing
@testable import TouchpointCore

/// The saved interviews of an output folder (`touchpoint saved`): what each shows, finding one by id or the start
/// of its id, discarding it durably; and the records' rules that go with them: headless records carry no
/// durations, and a paste of several lines is one answer.
@Suite("saved interviews")
struct SavedInterviewsTests {
    static let yaml = """
    touchpoint: 1
    id: saved_rules
    meta:
      store: {type: text}
    questions:
      - {id: solved, type: yes_no, text: Solved?}
      - {id: recommend, type: nps, text: Recommend?}
      - {id: reason, type: text, required: false, max_length: 20, text: Why?}
    """

    static func checked() throws -> CheckedQuestionnaire {
        try #require(Validator.validate(Array(yaml.utf8)).checked)
    }

    /// Saves an interview with `answers` typed, as `run` does after each one.
    @discardableResult
    static func save(_ id: String, answers: [String], respondent: String? = "R1", store: ResponseStore) throws -> InterviewRun {
        let context = InterviewContext(responseID: id, questionnaireSHA256: "abc", respondent: respondent, interviewer: "li",
                                       mode: .interactive, startedAt: "2026-11-23T09:00:00Z")
        var run = InterviewRun(interview: Interview(try checked(), meta: ["store": .text("north")]), context: context,
                               store: store, file: "saved_rules.yaml")
        for answer in answers { #expect(run.submit(answer, elapsedMs: 3).feedback == .accepted) }
        #expect(try run.suspend())
        return run
    }

    static let first = "7d2c9e1a-0000-4000-8000-000000000001"
    static let second = "7d2c9e1a-0000-4000-8000-000000000002"
    static let other = "9f000000-0000-4000-8000-000000000003"

    @Test func eachSavedInterviewShowsWhoMetaAnswersAndTheQuestionReached() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        try Self.save(Self.first, answers: ["y", "6"], store: store)
        let saved = try #require(SavedInterview.list(in: store, questionnaire: "saved_rules").first)
        #expect(saved.id == Self.first)
        #expect(saved.respondent == "R1" && saved.interviewer == "li")
        #expect(saved.metaText.map { "\($0.key)=\($0.value)" } == ["store=north"])
        #expect(saved.answered == 2 && saved.lastAnswered == "recommend")
        #expect(saved.steps.map(\.outcome) == [.answer(.bool(true)), .answer(.number(6))])
        #expect(SavedInterview.text(of: saved.steps[1].outcome) == "6")
        #expect(saved.startedAt == "2026-11-23T09:00:00Z")
        #expect(!saved.fileChanged(sha256: "abc") && saved.fileChanged(sha256: "def"))
        let resumed = try saved.resumed(checked: try Self.checked(), sha256: "abc").get()
        #expect(resumed.interview.prompt?.key == AnswerPath(question: "reason"))
    }

    @Test func damagedCheckpointsAreListedAndOtherQuestionnairesLeftOut() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        try Self.save(Self.first, answers: ["y"], store: store)
        try store.saveCheckpoint(id: "broken", bytes: Array("{not json".utf8))
        try store.saveCheckpoint(id: Self.other, bytes: Array(#"{"format":"touchpoint-checkpoint/1","questionnaire":"elsewhere"}"#.utf8))
        let listing = try SavedInterview.scan(store, questionnaire: "saved_rules")
        #expect(listing.saved.map(\.id) == [Self.first])
        #expect(listing.damaged.map(\.id) == ["broken"])
        #expect(listing.damaged.first?.reason.contains("JSON") == true)
        // A folder with no .partial yet has nothing saved, and that is not an error.
        let empty = ResponseStore(outputPath: folder.file("sub/none.jsonl"))
        #expect(try SavedInterview.scan(empty, questionnaire: "saved_rules").saved.isEmpty)
    }

    @Test func anInterviewIsFoundByItsIdOrTheStartOfItAndOtherwiseTheMessageSaysWhy() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        try Self.save(Self.first, answers: ["y"], store: store)
        try Self.save(Self.second, answers: ["n"], store: store)
        try store.saveCheckpoint(id: Self.other, bytes: Array(#"{"format":"touchpoint-checkpoint/1","questionnaire":"elsewhere"}"#.utf8))
        #expect(try SavedInterview.find(Self.second, in: store, questionnaire: "saved_rules").id == Self.second)
        func failure(_ id: String) -> SavedInterviewError? {
            do {
                _ = try SavedInterview.find(id, in: store, questionnaire: "saved_rules")
                return nil
            } catch {
                return error
            }
        }
        guard case .ambiguous(_, let matches)? = failure("7d2c") else { Issue.record("a shared start is ambiguous"); return }
        #expect(matches.sorted() == [Self.first, Self.second])
        #expect(try SavedInterview.find("7d2c9e1a-0000-4000-8000-000000000001", in: store, questionnaire: "saved_rules").id == Self.first)
        guard case .unknown(_, _, _, let count)? = failure("0000") else { Issue.record("an unknown id is unknown"); return }
        #expect(count == 2)
        #expect(failure("0000")?.message.contains("no saved interview `0000` of `saved_rules`") == true)
        guard case .otherQuestionnaire(_, let owner, _)? = failure(Self.other) else { Issue.record("another questionnaire's"); return }
        #expect(owner == "elsewhere")
        guard case .notAnID? = failure("../out") else { Issue.record("a path is not an id"); return }
    }

    @Test func discardingRemovesTheCheckpointAndLeftoversAndOnlyThatOne() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        try Self.save(Self.first, answers: ["y"], store: store)
        try Self.save(Self.second, answers: ["n", "3"], store: store)
        // A temporary file a crash left while saving the first.
        let leftover = folder.file(".partial/.\(Self.first).abc123.tmp")
        try StorageTestSupport.write("{", to: leftover)
        let discarded = try SavedInterview.discard(Self.first, in: store, questionnaire: "saved_rules")
        guard case .saved(let gone) = discarded else { Issue.record("not the saved interview"); return }
        #expect(gone.answered == 1)
        #expect(SavedInterview.list(in: store, questionnaire: "saved_rules").map(\.id) == [Self.second])
        #expect(!FileManager.default.fileExists(atPath: leftover))
        // A damaged checkpoint is discarded by its whole id.
        try store.saveCheckpoint(id: "broken", bytes: Array("{not json".utf8))
        guard case .damaged = try SavedInterview.discard("broken", in: store, questionnaire: "saved_rules") else {
            Issue.record("not the damaged checkpoint"); return
        }
        #expect(try SavedInterview.scan(store, questionnaire: "saved_rules").damaged.isEmpty)
    }

    @Test func aDiscardWhoseFolderCannotBeSyncedSaysSoInsteadOfClaimingSuccess() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        try Self.save(Self.first, answers: ["y"], store: store)
        let syncs = Mutex(0)
        let failing = SystemCalls(write: SystemCalls.posix.write, fsync: { _ in
            syncs.withLock { $0 += 1 }
            errno = EIO
            return -1
        }, rename: SystemCalls.posix.rename)
        let broken = ResponseStore(outputPath: folder.file("out.jsonl"), calls: failing)
        #expect(throws: SavedInterviewError.self) { try SavedInterview.discard(Self.first, in: broken, questionnaire: "saved_rules") }
        #expect(syncs.withLock { $0 } >= 1, "the folder was never synced after the unlink")
    }

    // MARK: Records

    @Test func headlessRecordsCarryNoDurationsRatherThanZeros() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        let session = HeadlessSession(checked: try Self.checked(), store: store, sha256: "abc")
        try StorageTestSupport.write(#"{"answers":{"solved":true,"recommend":9}}"#, to: folder.file("a.jsonl"))
        let summary = try JSONLinesReader.withFile(atPath: folder.file("a.jsonl")) {
            try session.run($0, now: { "2026-01-01T00:00:00Z" }, onRejected: { _, _ in })
        }
        #expect(summary.saved == 1)
        let record = try JSONParser().parse(try StorageTestSupport.contents(folder.file("out.jsonl")).dropLast())
        #expect(record["mode"]?.stringValue == "headless")
        #expect(record["durations_ms"] == .object(JSONObject()))
    }

    @Test func anInterviewThatRecordsNoDurationsKeepsItsAnswersAndNoTimes() throws {
        var interview = Interview(try Self.checked())
        interview.recordsDurations = false
        #expect(interview.submit("y", elapsedMs: 900) == .accepted)
        #expect(interview.submit("4", elapsedMs: 700) == .accepted)
        #expect(interview.durations.isEmpty)
        #expect(interview.steps.count == 2)
    }

    @Test func pastedLinesAreOneLineWithEachBreakASpace() {
        #expect(AnswerLine.oneLine("slow delivery") == "slow delivery")
        #expect(AnswerLine.oneLine("tab\tkept") == "tab\tkept")
        #expect(AnswerLine.oneLine("slow\ndelivery") == "slow delivery")
        #expect(AnswerLine.oneLine("slow  \r\n  delivery\r\rand\n\n\nrude staff") == "slow delivery and rude staff")
        #expect(AnswerLine.oneLine("送货\n太慢") == "送货 太慢")
        #expect(AnswerLine.oneLine("\nfirst line blank") == "first line blank")
        #expect(AnswerLine.oneLine("a\u{2028}b\u{0C}c") == "a\u{2028}b\u{0C}c", "only CR and LF are line breaks here")
    }

    @Test func aPasteOfSeveralLinesIsStoredAsOneLineAndHeldToMaxLength() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        let run = try Self.save(Self.first, answers: ["y", "3"], store: store)
        var resumed = InterviewRun(interview: run.interview, context: run.context, store: store, file: "saved_rules.yaml")
        guard case .invalid(let message) = resumed.submit("far too slow\nand the staff\nwere rude", elapsedMs: 1).feedback else {
            Issue.record("36 characters were accepted under max_length 20"); return
        }
        #expect(message.contains("at most 20"))
        #expect(resumed.submit("too slow\r\nrude", elapsedMs: 1).feedback == .accepted)
        let (record, _) = try resumed.finish(completedAt: "2026-11-23T09:10:00Z")
        #expect(record.entries.last?.outcome == .answer(.text("too slow rude")))
    }
}
