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
}
