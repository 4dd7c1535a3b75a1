import Foundation
import Testing
@testable import TouchpointCore

/// The interview session's rules, in-process with scripted lines: a checkpoint after each accepted answer,
/// the append and then the checkpoint's removal, headless batches, `--answers` read as a stream, and the list
/// of saved interviews.
@Suite("session rules")
struct SessionRulesTests {
    static let yaml = """
    touchpoint: 1
    id: rules
    questions:
      - {id: solved, type: yes_no, text: Solved?}
      - {id: recommend, type: nps, text: Recommend?}
      - {id: reason, type: text, required: false, text: Why?}
    """

    static func checked() throws -> CheckedQuestionnaire {
        try #require(Validator.validate(Array(yaml.utf8)).checked)
    }

    static func context(_ id: String = "7d2c9e1a-0000-4000-8000-000000000001") -> InterviewContext {
        InterviewContext(responseID: id, questionnaireSHA256: "abc", mode: .interactive, startedAt: "2026-01-01T00:00:00Z")
    }

    @Test func eachAcceptedAnswerIsCheckpointedAndAFinishedInterviewIsAppendedBeforeItsCheckpointGoes() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        var run = InterviewRun(interview: Interview(try Self.checked()), context: Self.context(), store: store, file: "rules.yaml")
        #expect(run.submit("maybe", elapsedMs: 5).feedback != .accepted)
        #expect(store.checkpointExists(Self.context().responseID) == false, "nothing is saved before an answer")
        #expect(run.submit("y", elapsedMs: 10).feedback == .accepted)
        let saved = try JSONParser().parse(try store.loadCheckpoint(id: Self.context().responseID))
        #expect(saved["steps"]?.arrayValue?.count == 1)
        #expect(run.submit("9", elapsedMs: 10).feedback == .accepted)
        #expect(try JSONParser().parse(try store.loadCheckpoint(id: Self.context().responseID))["steps"]?.arrayValue?.count == 2)
        #expect(run.submit(":skip", elapsedMs: 10).feedback == .accepted)
        let (record, left) = try run.finish(completedAt: "2026-01-01T00:01:00Z")
        #expect(left == nil)
        #expect(store.checkpointExists(Self.context().responseID) == false)
        let lines = try StorageTestSupport.contents(folder.file("out.jsonl"))
        #expect(lines == record.line())
        // The refused attempt's 5 ms count towards the question it was typed at.
        #expect(record.durations["solved"] == 15)
    }

    @Test func stoppingBeforeTheFirstAnswerLeavesNoCheckpoint() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        var run = InterviewRun(interview: Interview(try Self.checked()), context: Self.context(), store: store, file: "rules.yaml")
        #expect(try run.suspend() == false)
        #expect(SavedInterview.list(in: store, questionnaire: "rules").isEmpty)
        _ = run.submit("n", elapsedMs: 1)
        #expect(try run.suspend() == true)
        let saved = SavedInterview.list(in: store, questionnaire: "rules")
        #expect(saved.map(\.id) == [Self.context().responseID])
        #expect(saved.first?.answered == 1)
        #expect(saved.first?.lastAnswered == "solved")
        #expect(SavedInterview.list(in: store, questionnaire: "other").isEmpty)
    }

    @Test func headlessRespondentsAreWrittenInBatchesAndRejectedOnesNamedByLine() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        var session = HeadlessSession(checked: try Self.checked(), store: store, sha256: "abc")
        session.batchSize = 2
        var lines = (1...5).map { #"{"respondent":"R\#($0)","answers":{"solved":true,"recommend":\#($0)}}"# }
        lines.insert(#"{"answers":{"solved":"perhaps","recommend":3}}"#, at: 2)
        lines.insert("not json", at: 4)
        try StorageTestSupport.write(lines.joined(separator: "\n"), to: folder.file("answers.jsonl"))
        var rejected: [Int] = []
        let summary = try JSONLinesReader.withFile(atPath: folder.file("answers.jsonl")) {
            try session.run($0, now: { "2026-01-01T00:00:00Z" }, onRejected: { line, _ in rejected.append(line) })
        }
        #expect(summary.saved == 5 && summary.rejected == 2 && summary.unsavedFromLine == nil)
        #expect(rejected == [3, 5])
        let written = String(decoding: try StorageTestSupport.contents(folder.file("out.jsonl")), as: UTF8.self)
        let respondents = written.split(separator: "\n").compactMap { try? JSONParser().parse(String($0))["respondent"]?.stringValue }
        #expect(respondents == ["R1", "R2", "R3", "R4", "R5"])
    }

    @Test func answersAreReadAsAStreamOrAsOnePrettyPrintedObject() throws {
        let folder = try TemporaryFolder()
        try StorageTestSupport.write("{\n  \"answers\": {\"solved\": false,\n    \"recommend\": 10}\n}\n", to: folder.file("one.json"))
        var items: [RespondentReader.Item] = []
        try JSONLinesReader.withFile(atPath: folder.file("one.json")) { try RespondentReader.read($0) { items.append($0) } }
        #expect(items.count == 1)
        #expect(try items.first?.value.get()["answers"]?["recommend"] == .number(10))
        // Lines are handed on one by one, with a chunk far smaller than the file: nothing holds the whole file.
        let many = (1...2_000).map { #"{"answers":{"solved":true,"recommend":\#($0 % 11)}}"# }.joined(separator: "\n")
        try StorageTestSupport.write(many, to: folder.file("many.jsonl"))
        var count = 0
        let descriptor = open(folder.file("many.jsonl"), O_RDONLY)
        defer { close(descriptor) }
        try RespondentReader.read(JSONLinesReader(fileDescriptor: descriptor, source: "many", chunkSize: 512, maxLineBytes: 4096)) { item in
            if case .success = item.value { count += 1 }
        }
        #expect(count == 2_000)
    }
}

extension ResponseStore {
    func checkpointExists(_ id: String) -> Bool { FileManager.default.fileExists(atPath: checkpointPath(id: id)) }
}
