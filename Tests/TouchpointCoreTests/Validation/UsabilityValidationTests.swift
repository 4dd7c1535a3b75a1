import Testing
import TouchpointCore

/// What `validate` says about usability-test scores and interviewer instructions, beyond the marked fixture.
@Suite struct UsabilityValidationTests {
    static func validate(_ yaml: String) -> Validator.Report {
        Validator.validate(Array(yaml.utf8))
    }

    /// A questionnaire with ten 1-5 items `q1` ... `q10` and a SUS score over `items`.
    static func sus(_ items: [String]) -> String {
        var yaml = "touchpoint: 1\nid: sus_order\nquestions:\n"
        for i in 1...10 { yaml += "  - {id: q\(i), type: scale, min: 1, max: 5, text: Statement \(i)}\n" }
        yaml += "scores:\n  sus: {method: sus, items: [\(items.joined(separator: ", "))]}\n"
        return yaml
    }

    @Test func tenItemsInTheOrderAskedAreClean() {
        let report = Self.validate(Self.sus((1...10).map { "q\($0)" }))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.fullMessage))")
    }

    @Test func susItemsListedOutOfOrderAreAWarningNamingTheOrderAsked() throws {
        let report = Self.validate(Self.sus(["q2", "q1"] + (3...10).map { "q\($0)" }))
        let finding = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1)
        #expect(finding.code == .badScore && finding.severity == .warning)
        #expect(finding.fullMessage.contains("q1, q2, q3"), "\(finding.fullMessage)")
    }

    @Test func aReversedOrRepeatedSUSItemIsAnError() {
        let report = Self.validate(Self.sus(["{item: q1, reverse: true}"] + (2...9).map { "q\($0)" } + ["q9"]))
        let messages = report.diagnostics.filter { $0.severity == .error }.map(\.fullMessage)
        #expect(messages.contains { $0.contains("marked reversed") }, "\(messages)")
        #expect(messages.contains { $0.contains("named twice") }, "\(messages)")
    }

    @Test func timeOnTaskWithoutACompletionScoreSaysToAddOneOrWriteSuccessfulFalse() throws {
        let yaml = """
        touchpoint: 1
        id: timing
        questions:
          - {id: task_done, type: note, text: Press Enter when done.}
        scores:
          time: {method: time_on_task, items: [task_done]}
          every: {method: time_on_task, items: [task_done], successful: false}
          named: {method: time_on_task, items: [task_done], successful: nothing}
        """
        let messages = Self.validate(yaml).diagnostics.map(\.fullMessage)
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("no `completion` score") && $0.contains("successful: false") })
        #expect(messages.contains { $0.contains("`nothing`, which is not a `completion` score") })
    }

    @Test func anInstructionIsReadAndMustBeTranslatedLikeAnyShownText() throws {
        let yaml = """
        touchpoint: 1
        id: instructed
        languages: [en, zh]
        questions:
          - id: card
            type: yes_no
            instruction: {en: "SHOW CARD B; do not read {this} out"}
            text: {en: Seen the card?, zh: 看过卡片了吗？}
        """
        let report = Self.validate(yaml)
        let finding = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1, "an instruction is never piped, so {this} is no placeholder")
        #expect(finding.code == .missingTranslation && finding.fullMessage.contains("instruction of question `card`"))
        guard case .question(let question)? = report.questionnaire?.items.first else { Issue.record("no question"); return }
        #expect(question.instruction?.text("en") == "SHOW CARD B; do not read {this} out")
    }

    @Test func aScoreMayReadOneLoopRoundWrittenAsInPath() throws {
        let yaml = """
        touchpoint: 1
        id: rounds
        questions:
          - {id: tasks, type: multi, options: [find_plan, cancel], text: Tasks?}
          - section: task_loop
            for_each: tasks
            questions:
              - {id: seq, type: scale, min: 1, max: 7, text: "Ease of {item}?"}
          - {id: overall, type: scale, min: 1, max: 7, text: Overall?}
        scores:
          good: {method: mean, items: ["seq[find_plan]"]}
          typo: {method: mean, items: ["seq[find_plna]"]}
          flat: {method: mean, items: ["overall[find_plan]"]}
          deep: {method: mean, items: ["seq[find_plan][cancel]"]}
          broken: {method: mean, items: ["seq[find_plan"]}
        """
        let findings = Self.validate(yaml).diagnostics
        #expect(findings.count == 4, "\(findings.map(\.fullMessage))")
        let typo = try #require(findings.first { $0.code == .notAnOption })
        #expect(typo.fullMessage.contains("did you mean `find_plan`?"), "\(typo.fullMessage)")
        #expect(findings.filter { $0.code == .badScore }.count == 2, "a round of a question outside loops, and two rounds of one loop")
        #expect(findings.contains { $0.code == .undefinedName && $0.fullMessage.contains("`id[option]`") })
    }

    @Test func scoreItemNamesSplitIntoIdRowAndRounds() throws {
        let plain = try #require(ScoreItemName("seq"))
        #expect(plain.base == "seq" && plain.id == "seq" && plain.rounds.isEmpty)
        let row = try #require(ScoreItemName("service.speed"))
        #expect(row.base == "service.speed" && row.id == "service" && row.rounds.isEmpty)
        let round = try #require(ScoreItemName("grid[app][3].speed"))
        #expect(round.base == "grid.speed" && round.id == "grid" && round.rounds == ["app", "3"])
        for bad in ["seq[", "seq[]", "[a]", "seq[a]x", "seq.row[a]", "seq[a]."] {
            #expect(ScoreItemName(bad) == nil, "\(bad)")
        }
    }
}
