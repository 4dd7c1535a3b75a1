import Foundation
import Testing
@testable import TouchpointCore

/// Resuming a saved interview after its questionnaire file was edited: the saved answers are replayed against
/// the revised file with the rules of `run --answers`; the interview continues when they fit, at the question
/// reached, with its timings and shown option orders; otherwise the first conflict is named.
@Suite("resuming against an edited questionnaire")
struct RevisedResumeTests {
    static let original = """
    touchpoint: 1
    id: revisable
    meta:
      segment: {type: single, options: [new, regular]}
    questions:
      - {id: solved, type: yes_no, text: Solved?}
      - id: used
        type: multi
        shuffle: true
        options: [app, store, web, kiosk, phone]
        text: Which did you use?
      - {id: ease, type: scale, min: 1, max: 7, text: Was it easy?}
      - {id: recommend, type: nps, text: Recommend?}
      - {id: reason, type: text, required: false, text: Why?}
    """

    static func checked(_ yaml: String) throws -> CheckedQuestionnaire {
        let report = Validator.validate(Array(yaml.utf8))
        return try #require(report.checked, "invalid: \(report.diagnostics.map(\.message))")
    }

    /// The checkpoint of an interview of `original` with three answers (5, 7 and 11 ms spent on them).
    static func checkpoint(seed: UInt64 = 42) throws -> (json: JSONValue, interview: Interview) {
        var interview = Interview(try checked(original), meta: ["segment": .text("regular")], seed: seed)
        #expect(interview.submit("y", elapsedMs: 5) == .accepted)
        let shown = try #require(interview.prompt?.options.map(\.value))
        // Chosen by number, as the person saw the list: the first and third shown.
        #expect(interview.submit("1 3", elapsedMs: 7) == .accepted)
        #expect(interview.submit("5", elapsedMs: 11) == .accepted)
        #expect(interview.optionOrders[AnswerPath(question: "used")] == shown)
        let context = InterviewContext(responseID: "r1", questionnaireSHA256: "old", respondent: "R1", interviewer: "li",
                                       mode: .interactive, startedAt: "2026-11-23T09:00:00Z")
        return (Checkpoint.json(interview, context: context, file: "revisable.yaml"), interview)
    }

    static func revised(_ edit: (String) -> String) throws -> CheckedQuestionnaire {
        let text = edit(original)
        #expect(text != original, "the edit changed nothing")
        return try checked(text)
    }

    @Test func anEditedTextContinuesAtTheQuestionReachedWithTimingsAndOptionOrdersKept() throws {
        let (json, before) = try Self.checkpoint()
        let revised = try Self.revised { $0.replacingOccurrences(of: "Was it easy?", with: "How easy was it?") }
        let resumed = try Checkpoint.resume(json, checked: revised, sha256: "new")
        #expect(resumed.fileChanged)
        #expect(resumed.interview.prompt?.key == AnswerPath(question: "recommend"))
        #expect(resumed.interview.steps.map(\.key) == before.steps.map(\.key))
        #expect(resumed.interview.steps.map(\.outcome) == before.steps.map(\.outcome))
        #expect(resumed.interview.durations == ["solved": 5, "used": 7, "ease": 11])
        #expect(resumed.interview.optionOrders[AnswerPath(question: "used")] == before.optionOrders[AnswerPath(question: "used")])
        #expect(resumed.context.questionnaireSHA256 == "new", "the record names the file its answers were checked against")
        #expect(resumed.context.respondent == "R1" && resumed.context.interviewer == "li" && resumed.context.responseID == "r1")
        // Soft checks are confirmed by the person again from here on.
        #expect(!resumed.interview.confirmSoftChecksAutomatically)
    }

    @Test func theSameFileIsNotReportedAsChanged() throws {
        let (json, before) = try Self.checkpoint()
        let resumed = try Checkpoint.resume(json, checked: try Self.checked(Self.original), sha256: "old")
        #expect(!resumed.fileChanged)
        #expect(resumed.interview.prompt?.key == before.prompt?.key)
    }

    @Test func anAddedOptionKeepsTheOrderTheAnsweredQuestionWasShownIn() throws {
        // Several seeds, so that the revised file's shuffle differs from the one shown for at least one.
        var differed = false
        for seed: UInt64 in 1...8 {
            let (json, before) = try Self.checkpoint(seed: seed)
            let revised = try Self.revised { $0.replacingOccurrences(of: "kiosk, phone]", with: "kiosk, phone, post]") }
            var resumed = try Checkpoint.resume(json, checked: revised, sha256: "new").interview
            let shown = before.optionOrders[AnswerPath(question: "used")]
            var fresh = Interview(revised, meta: ["segment": .text("regular")], seed: seed)
            _ = fresh.submit("y")
            if fresh.prompt?.options.map(\.value) != shown { differed = true }
            #expect(resumed.submit("9") == .accepted)
            #expect(resumed.submit(":skip") == .accepted)
            let record = resumed.record(InterviewContext(responseID: "r1", questionnaireSHA256: "new", mode: .interactive, startedAt: "t"))
            #expect(record.optionOrder[AnswerPath(question: "used")] == shown, "seed \(seed)")
        }
        #expect(differed, "no seed shuffled the revised options differently; the test proves nothing")
    }

    @Test func aChosenOptionThatWasRemovedIsAConflictNamingTheQuestion() throws {
        let (json, before) = try Self.checkpoint()
        let chosen = try #require(before.steps[1].outcome.value.listValue?.first?.textValue)
        let revised = try Self.revised { yaml in
            let options = ["app", "store", "web", "kiosk", "phone"].filter { $0 != chosen }
            return yaml.replacingOccurrences(of: "[app, store, web, kiosk, phone]", with: "[\(options.joined(separator: ", "))]")
        }
        let problem = try #require(Self.problem(json, revised))
        #expect(problem.question == "used")
        #expect(problem.message.contains("no longer fits"), "\(problem.message)")
        #expect(problem.message.contains(chosen), "\(problem.message)")
    }

    @Test func aNarrowerRangeIsAConflictAtTheAnswerItExcludes() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { $0.replacingOccurrences(of: "min: 1, max: 7", with: "min: 1, max: 4") }))
        #expect(problem.question == "ease")
        #expect(problem.message.contains("from 1 to 4"), "\(problem.message)")
    }

    @Test func aRemovedQuestionIsAConflict() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { yaml in
            yaml.replacingOccurrences(of: "  - {id: ease, type: scale, min: 1, max: 7, text: Was it easy?}\n", with: "")
        }))
        #expect(problem.question == "ease")
        #expect(problem.message.contains("has no such question"), "\(problem.message)")
    }

    @Test func aQuestionAddedBeforeTheQuestionReachedIsAConflictNamingIt() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { yaml in
            yaml.replacingOccurrences(of: "  - {id: ease,", with: "  - {id: visited, type: yes_no, required: false, text: Visited?}\n  - {id: ease,")
        }))
        #expect(problem.question == "visited")
        #expect(problem.message.contains("asks `visited` before `ease`"), "\(problem.message)")
    }

    @Test func aQuestionAddedAfterTheQuestionReachedIsAskedInItsTurn() throws {
        let (json, _) = try Self.checkpoint()
        let revised = try Self.revised { yaml in
            yaml.replacingOccurrences(of: "  - {id: recommend,", with: "  - {id: visited, type: yes_no, text: Visited?}\n  - {id: recommend,")
        }
        let resumed = try Checkpoint.resume(json, checked: revised, sha256: "new")
        #expect(resumed.interview.prompt?.key == AnswerPath(question: "visited"))
    }

    @Test func aConditionThatNowSkipsAnAnsweredQuestionIsAConflict() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { yaml in
            yaml.replacingOccurrences(of: "  - {id: ease, type: scale,", with: "  - {id: ease, when: not solved, type: scale,")
        }))
        #expect(problem.question == "ease")
        #expect(problem.message.contains("ends the interview before it") || problem.message.contains("no longer asks it"), "\(problem.message)")
    }

    @Test func aFailedHardCheckIsAConflictAndAFailedSoftCheckAWarning() throws {
        let (json, _) = try Self.checkpoint()
        let hard = try Self.revised { yaml in
            yaml.replacingOccurrences(of: "text: Was it easy?}", with: "text: Was it easy?, checks: [{rule: ease < 5, message: Too easy.}]}")
        }
        let problem = try #require(Self.problem(json, hard))
        #expect(problem.question == "ease")
        #expect(problem.message.contains("Too easy."), "\(problem.message)")

        let soft = try Self.revised { yaml in
            yaml.replacingOccurrences(of: "text: Was it easy?}", with: "text: Was it easy?, checks: [{rule: ease < 5, message: Really that easy?, soft: true}]}")
        }
        let resumed = try Checkpoint.resume(json, checked: soft, sha256: "new")
        #expect(resumed.interview.prompt?.key == AnswerPath(question: "recommend"))
        #expect(resumed.interview.warnings == ["ease: Really that easy?"])
    }

    @Test func metaTheRevisedFileNoLongerDeclaresIsAConflict() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { yaml in
            yaml.replacingOccurrences(of: "meta:\n  segment: {type: single, options: [new, regular]}\n", with: "")
        }))
        #expect(problem.question == "meta.segment")
    }

    @Test func anEndAddedBeforeTheQuestionReachedIsAConflict() throws {
        let (json, _) = try Self.checkpoint()
        let problem = try #require(Self.problem(json, try Self.revised { yaml in
            yaml.replacingOccurrences(of: "  - id: used\n", with: "  - {end: screened_out, when: solved}\n  - id: used\n")
        }))
        #expect(problem.question == "used")
        #expect(problem.message.contains("screened_out"), "\(problem.message)")
    }

    @Test func aDefaultAfterBackThatNoLongerFitsIsDropped() throws {
        var interview = Interview(try Self.checked(Self.original), meta: ["segment": .text("regular")], seed: 3)
        _ = interview.submit("y"); _ = interview.submit("1"); _ = interview.submit("6")
        #expect(interview.back() == .back)
        #expect(interview.remembered[AnswerPath(question: "ease")] == .answer(.number(6)))
        let context = InterviewContext(responseID: "r1", questionnaireSHA256: "old", mode: .interactive, startedAt: "t")
        let json = Checkpoint.json(interview, context: context, file: "f.yaml")
        let revised = try Self.revised { $0.replacingOccurrences(of: "min: 1, max: 7", with: "min: 1, max: 5") }
        let resumed = try Checkpoint.resume(json, checked: revised, sha256: "new").interview
        #expect(resumed.prompt?.key == AnswerPath(question: "ease"))
        #expect(resumed.remembered.isEmpty, "6 is out of the revised range: it must not be offered, nor kept by Enter")
        #expect(resumed.prompt?.defaultText == nil)
    }

    private static func problem(_ json: JSONValue, _ revised: CheckedQuestionnaire) -> Checkpoint.Problem? {
        do {
            _ = try Checkpoint.resume(json, checked: revised, sha256: "new")
            return nil
        } catch {
            return error
        }
    }
}

extension Value {
    fileprivate var listValue: [Value]? {
        if case .list(let items) = self { return items }
        return nil
    }

    fileprivate var textValue: String? {
        if case .text(let s) = self { return s }
        return nil
    }
}
