import Testing
import TouchpointCore

/// What a prompt allows besides an answer: Enter, `:skip`, `:dk`, `:rf`, `:back`, and what `?` lists
/// (issue 8, item 1).
@Suite("prompt commands")
struct PromptCommandTests {
    static let yaml = """
    touchpoint: 1
    id: commands
    questions:
      - {id: visits, type: number, min: 0, max: 99, dont_know: true, text: Visits?}
      - {id: comment, type: text, required: false, refuse: true, text: Anything to add?}
      - {id: news, type: yes_no, required: false, text: Newsletter?}
      - {id: ok, type: note, text: Thanks.}
      - {id: rating, type: scale, min: 1, max: 5, text: Rating?}
    """

    func start() throws -> Interview {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return Interview(try #require(report.checked))
    }

    @Test func enterAtAnOptionalQuestionRecordsSkippedAndARequiredOneRefusesIt() throws {
        var i = try start()
        #expect(i.prompt?.enterAction == .needsAnswer)
        #expect(i.submit("") == .invalid("This question needs an answer."))
        #expect(i.submit("   ") == .invalid("This question needs an answer."))
        #expect(i.submit("3") == .accepted)
        #expect(i.prompt?.enterAction == .skip)
        #expect(i.submit("") == .accepted)
        #expect(i.steps.last?.outcome == .missing(.skipped))
        #expect(i.submit("") == .accepted)
        #expect(i.steps.last?.key.question == "news")
        #expect(i.steps.last?.outcome == .missing(.skipped))
        // A note goes on with Enter, and records that it was seen.
        #expect(i.prompt?.enterAction == .continueOn)
        #expect(i.submit("") == .accepted)
        #expect(i.steps.last?.outcome == .seen)
    }

    @Test func afterGoingBackEnterKeepsTheEarlierAnswerEvenAtAnOptionalQuestion() throws {
        var i = try start()
        _ = i.submit("3")
        _ = i.submit("too far away")
        #expect(i.submit(":back") == .back)
        #expect(i.prompt?.key.question == "comment")
        #expect(i.prompt?.enterAction == .keepEarlier)
        #expect(i.submit("") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.text("too far away")))
    }

    @Test func eachPromptAllowsOnlyItsOwnCommands() throws {
        var i = try start()
        // The first prompt: nothing to go back to; required; don't know allowed.
        #expect(i.prompt?.commands == [.dontKnow, .help, .quit])
        #expect(i.prompt?.canGoBack == false)
        _ = i.submit("3")
        #expect(i.prompt?.commands == [.back, .skip, .refused, .help, .quit])
        _ = i.submit("")
        #expect(i.prompt?.commands == [.back, .skip, .help, .quit])
        #expect(i.prompt?.completions.contains(":dk") == false)
        #expect(i.prompt?.completions.contains(":skip") == true)
    }

    @Test func helpListsOnlyTheCommandsAllowedThere() throws {
        var i = try start()
        guard case .help(let first) = i.submit("?") else { Issue.record("no help"); return }
        #expect(first.contains(":dk don't know"))
        #expect(!first.contains(":back"))
        #expect(!first.contains(":skip"))
        #expect(!first.contains(":rf"))
        #expect(first.contains(":quit stop (nothing is saved before the first answer)"))
        _ = i.submit("3")
        guard case .help(let second) = i.submit(":help") else { Issue.record("no help"); return }
        #expect(second == "Commands here: :back (or <) previous question, :skip leave it unanswered, :rf refused, ? (or :help) this help, :quit save and stop.")
        var zh = Interview(i.checked, language: "zh")
        guard case .help(let chinese) = zh.submit("?") else { Issue.record("no help"); return }
        #expect(chinese == "此题可用命令：:dk 不知道，?（或 :help）本帮助，:quit 退出（回答第一题之前不保存任何内容）。")
    }

    @Test func commandsTheQuestionDoesNotAllowAreRefusedWithAReason() throws {
        var i = try start()
        #expect(i.submit(":skip") == .invalid("This question cannot be skipped."))
        #expect(i.submit(":rf") == .invalid("\"Refused\" is not an option for this question."))
        #expect(i.submit(":back") == .invalid("This is the first question; there is nothing to go back to."))
        #expect(i.submit(":nope") == .invalid(":nope is not a command. Commands: :dk ? :quit."))
        #expect(i.submit(":dk") == .accepted)
    }
}
