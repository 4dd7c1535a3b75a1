import Testing
import TouchpointCore

/// The interview engine, driven with typed lines as a person would type them.
@Suite("Interview engine")
struct InterviewTests {
    static let yaml = """
    touchpoint: 1
    id: visit
    meta:
      segment: {type: single, options: [new, regular]}
    questions:
      - {id: solved, type: yes_no, text: Solved?}
      - id: used
        type: multi
        options: [{value: app, label: Mobile app}, {value: store, label: Store}, {value: none, label: None of these, exclusive: true}]
        text: Used?
      - section: per_channel
        for_each: used
        when: not ('none' in used)
        questions:
          - {id: sat, type: scale, min: 1, max: 5, text: "How satisfied with {item}?"}
      - id: recommend
        type: nps
        text: Recommend?
        checks:
          - {rule: "not (recommend >= 9 and not solved)", message: "You said it was not solved but gave {recommend}.", soft: true}
      - {id: reason, type: text, when: recommend <= 6, required: false, text: "You gave {recommend}. Why?"}
      - end: screened_out
        when: meta.segment == 'new' and not solved
      - compute: promoter
        value: recommend >= 9
    """

    func start(meta: [String: Value] = [:]) throws -> Interview {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return Interview(try #require(report.checked), meta: meta, seed: 3)
    }

    @Test func loopsAskOncePerChosenOptionWithItsLabelPiped() throws {
        var i = try start()
        #expect(i.submit("y") == .accepted)
        #expect(i.submit("mobile, store") == .accepted)
        #expect(i.prompt?.key.description == "sat[app]")
        #expect(i.prompt?.text == "How satisfied with Mobile app?")
        #expect(i.submit("4") == .accepted)
        #expect(i.prompt?.key.description == "sat[store]")
        #expect(i.submit("2") == .accepted)
        #expect(i.prompt?.key.question == "recommend")
    }

    @Test func exclusiveOptionSkipsTheLoop() throws {
        var i = try start()
        _ = i.submit("yes")
        guard case .invalid = i.submit("app, none") else { Issue.record("exclusive option combined"); return }
        #expect(i.submit("3") == .accepted)
        #expect(i.prompt?.key.question == "recommend")
    }

    @Test func backOffersThePreviousAnswerAndDropsAnswersOffThePath() throws {
        var i = try start()
        _ = i.submit("y"); _ = i.submit("none"); _ = i.submit("3")
        #expect(i.prompt?.key.question == "reason")
        #expect(i.prompt?.text == "You gave 3. Why?")
        #expect(i.submit(":back") == .back)
        #expect(i.prompt?.key.question == "recommend")
        #expect(i.prompt?.defaultText == "3")
        #expect(i.submit("10") == .accepted)
        #expect(i.isFinished)
        let record = i.record(InterviewContext(responseID: "r", questionnaireSHA256: "x", mode: .headless, startedAt: "t")).json
        #expect(record["answers"]?["reason"] == nil)
        #expect(record["path"] == .array(["solved", "used", "recommend"]))
        #expect(record["computed"]?["promoter"] == .bool(true))
    }

    @Test func emptyLineAfterBackKeepsTheRememberedAnswer() throws {
        var i = try start()
        _ = i.submit("n")
        _ = i.submit(":back")
        #expect(i.submit("") == .accepted)
        #expect(i.steps.first?.outcome == .answer(.bool(false)))
    }

    @Test func softCheckAsksForConfirmationAndRecordsAWarning() throws {
        var i = try start()
        _ = i.submit("n"); _ = i.submit("none")
        guard case .confirm(let message) = i.submit("10") else { Issue.record("soft check did not ask"); return }
        #expect(message.contains("gave 10"))
        #expect(i.submit("") == .accepted)
        #expect(i.warnings.count == 1)
    }

    @Test func screenOutEndsTheInterview() throws {
        var i = try start(meta: ["segment": .text("new")])
        _ = i.submit("n"); _ = i.submit("none"); _ = i.submit("8")
        guard case .finished(let status, _) = i.state else { Issue.record("not finished"); return }
        #expect(status == .screenedOut)
    }

    @Test func requiredQuestionsCannotBeSkippedAndOptionalOnesCan() throws {
        var i = try start()
        guard case .invalid = i.submit(":skip") else { Issue.record("required skipped"); return }
        _ = i.submit("y"); _ = i.submit("none"); _ = i.submit("2")
        #expect(i.submit(":skip") == .accepted)
        #expect(i.isFinished)
    }

    @Test func checkpointRestoresTheSameStateAndOrder() throws {
        var i = try start()
        _ = i.submit("y"); _ = i.submit("app store"); _ = i.submit("5")
        let context = InterviewContext(responseID: "r1", questionnaireSHA256: "abc", mode: .interactive, startedAt: "t")
        let json = Checkpoint.json(i, context: context, file: "f.yaml")
        let report = Validator.validate(Array(Self.yaml.utf8))
        let (restored, restoredContext) = try Checkpoint.restore(json, checked: try #require(report.checked), sha256: "abc")
        #expect(restored.prompt?.key == i.prompt?.key)
        #expect(restored.steps.map(\.key) == i.steps.map(\.key))
        #expect(restoredContext.responseID == "r1")
        // Another file's hash: the answers are replayed against it, and fit (RevisedResumeTests has the conflicts).
        let replayed = try Checkpoint.resume(json, checked: try #require(report.checked), sha256: "other")
        #expect(replayed.fileChanged && replayed.interview.prompt?.key == i.prompt?.key)
        #expect(throws: Checkpoint.Problem.self) {
            _ = try Checkpoint.restore(.object(JSONObject()), checked: try #require(report.checked), sha256: "abc")
        }
    }

    @Test func replayRejectsAnswersThePathNeverAsks() throws {
        var i = try start()
        let replay = Replay(answers: ["solved": .bool(true), "used": .list([.text("none")]), "recommend": .number(9),
                                      "reason": .text("too good")])
        #expect(throws: Replay.Rejection.self) { try replay.run(&i) }
    }

    @Test func replayNamesTheAnswerThePathNeverAsksWhateverItsKeys() throws {
        let base: [String: Value] = ["solved": .bool(true), "used": .list([.text("app")]), "recommend": .number(9)]
        var whole = try start()
        try Replay(answers: base.merging(["sat": .keyed(["app": .number(4)])]) { $1 }).run(&whole)
        #expect(whole.prompt == nil && whole.steps.count == 4)
        // A round the path never asks, under a plain key and under keys holding `.`, `[` or `]` (counted
        // as texts, since two of those could spell one key).
        for key in ["store", "st.ore", "a][b", "x[y"] {
            var i = try start()
            do {
                try Replay(answers: base.merging(["sat": .keyed(["app": .number(4), key: .number(2)])]) { $1 }).run(&i)
                Issue.record("an answer to sat[\(key)] was accepted")
            } catch {
                #expect(error.message == "answers `sat[\(key)]`, which this respondent's path never asks")
            }
        }
        // A prompt skipped for want of an answer uses no given key: `reason`, asked after a 3 and skipped,
        // does not stand in for the unasked round.
        var skipped = try start()
        do {
            try Replay(answers: base.merging(["recommend": .number(3), "sat": .keyed(["app": .number(4), "store": .number(2)])]) { $1 })
                .run(&skipped)
            Issue.record("an answer to sat[store] was accepted beside a skipped reason")
        } catch {
            #expect(error.message == "answers `sat[store]`, which this respondent's path never asks")
        }
        // A null answer is no answer; a missing reason is a given key unless the answers name the question.
        let sat = base.merging(["sat": .keyed(["app": .number(4), "store": .null])]) { $1 }
        var nulls = try start()
        try Replay(answers: sat, missing: ["sat": .keyed(["store": .text("refused")])]).run(&nulls)
        #expect(nulls.prompt == nil)
        var reasons = try start()
        do {
            try Replay(answers: sat, missing: ["reason": .text("skipped")]).run(&reasons)
            Issue.record("a missing reason for reason, never asked after a 9, was accepted")
        } catch {
            #expect(error.message == "answers `reason`, which this respondent's path never asks")
        }
    }

    /// Walking on from the last prompt must give what walking from the start gives.
    @Test func resumedWalkAgreesWithAFreshWalkOnRandomRespondents() throws {
        let report = Validator.validate(Array(Self.yaml.utf8))
        let questionnaire = try #require(report.checked)
        let simulator = Simulator(questionnaire)
        var checked = 0
        _ = simulator.run(count: 200, seed: 11) { interview, _ in
            var fresh = Interview(questionnaire, meta: interview.meta, seed: interview.seed)
            fresh.confirmSoftChecksAutomatically = true
            for step in interview.steps {
                _ = fresh.submit(step.outcome)
                // Setting meta walks from the start; it must land where walking on from the last prompt did.
                var full = fresh
                full.setMeta("segment", fresh.meta["segment"] ?? .null)
                #expect(full.prompt?.key == fresh.prompt?.key)
                #expect(full.computed == fresh.computed)
                #expect(full.isFinished == fresh.isFinished)
            }
            #expect(fresh.steps.map(\.key) == interview.steps.map(\.key))
            checked += 1
        }
        #expect(checked > 100)
    }
}
