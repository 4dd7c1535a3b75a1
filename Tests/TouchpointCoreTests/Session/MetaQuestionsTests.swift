import Foundation
import Testing
import TouchpointCore

/// Meta values asked before the first question (`ask: true`): commands work there, and `<` at the first
/// question returns to them (issue 8, item 2).
@Suite("meta prompts")
struct MetaQuestionsTests {
    static let yaml = """
    touchpoint: 1
    id: meta_first
    meta:
      segment: {type: single, ask: true, text: Segment, help: From the sample record., options: [{value: new, label: New}, {value: regular, label: Regular}]}
      store: {type: text, ask: true, text: Store}
      wave: {type: text}
    questions:
      - {id: solved, type: yes_no, text: "Solved, {meta.segment}?"}
      - {id: recommend, type: nps, text: Recommend?}
    """

    static func checked() throws -> CheckedQuestionnaire {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    @Test func metaPromptsTakeHelpBackAndEnterAndRefuseWhatMetaCannotHold() throws {
        var meta = MetaQuestions(try Self.checked(), language: "en", given: ["wave": .text("3")])
        #expect(meta.fields.map(\.key) == ["segment", "store"])
        #expect(meta.prompt?.metaKey == "segment")
        #expect(meta.prompt?.commands == [.help, .quit])
        guard case .help(let help) = meta.submit("?") else { Issue.record("no help"); return }
        #expect(help.hasPrefix("From the sample record.\n"))
        #expect(!help.contains(":back"))
        #expect(meta.submit(":back") == .invalid("This is the first question; there is nothing to go back to."))
        #expect(meta.submit(":dk") == .invalid("\"Don't know\" is not an option for this question."))
        #expect(meta.submit("") == .invalid("This question needs an answer."))
        #expect(meta.submit("reg") == .accepted)
        #expect(meta.prompt?.metaKey == "store")
        // Meta values are always required: no :skip, and Enter asks for a value.
        #expect(meta.prompt?.commands == [.back, .help, .quit])
        // Back: the value typed comes back as the default, and Enter keeps it.
        #expect(meta.submit("<") == .back)
        #expect(meta.prompt?.defaultText == "reg")
        #expect(meta.prompt?.enterAction == .keepEarlier)
        #expect(meta.submit("") == .accepted)
        #expect(meta.values["segment"] == .text("regular"))
        #expect(meta.submit("") == .invalid("This question needs an answer."))
        #expect(meta.submit(":skip") == .invalid("This question cannot be skipped."))
        #expect(meta.submit("North 1") == .accepted)
        #expect(meta.isFinished)
        #expect(meta.values == ["segment": .text("regular"), "store": .text("North 1"), "wave": .text("3")])
        #expect(meta.submit(":quit") == .invalid("the meta values have all been asked"))
    }

    @Test func quitAtAMetaPromptStopsWithNothingSaved() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        let checked = try Self.checked()
        let opening = MetaQuestions(checked, language: "en", given: [:])
        var run = InterviewRun(interview: Interview(checked), context: SessionRulesTests.context(), store: store,
                               file: "meta.yaml", opening: opening)
        #expect(run.prompt?.metaKey == "segment")
        #expect(run.submit(":quit", elapsedMs: 0).feedback == .quit)
        #expect(try run.suspend() == false)
        #expect(!FileManager.default.fileExists(atPath: store.partialFolder))
    }

    @Test func backAtTheFirstQuestionReturnsToTheLastMetaPromptAndTheNewValueIsUsed() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("out.jsonl"))
        let checked = try Self.checked()
        var run = InterviewRun(interview: Interview(checked), context: SessionRulesTests.context(), store: store,
                               file: "meta.yaml", opening: MetaQuestions(checked, language: "en", given: [:]))
        #expect(run.submit("new", elapsedMs: 0).feedback == .accepted)
        #expect(run.submit("Shop 12", elapsedMs: 0).feedback == .accepted)
        #expect(run.prompt?.key.question == "solved")
        #expect(run.prompt?.text == "Solved, New?")
        #expect(run.prompt?.canGoBack == true, "the first question can go back to the meta prompts")
        #expect(run.submit("<", elapsedMs: 0).feedback == .back)
        #expect(run.prompt?.metaKey == "store")
        #expect(run.prompt?.defaultText == "Shop 12")
        #expect(run.submit("<", elapsedMs: 0).feedback == .back)
        #expect(run.submit("regular", elapsedMs: 0).feedback == .accepted)
        #expect(run.submit("", elapsedMs: 0).feedback == .accepted)
        #expect(run.prompt?.text == "Solved, Regular?")
        #expect(run.submit("y", elapsedMs: 0).feedback == .accepted)
        #expect(run.submit("9", elapsedMs: 0).feedback == .accepted)
        #expect(run.interview.isFinished)
        let record = try run.finish(completedAt: "2026-12-01T00:00:00Z").record
        #expect(record.json["meta"] == ["segment": "regular", "store": "Shop 12"])
    }
}
