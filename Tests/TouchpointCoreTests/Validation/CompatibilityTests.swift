import Testing
import TouchpointCore

/// `validate NEW --against OLD`: each change that makes collected data incomparable is one warning in NEW.
@Suite("Changes between versions of a questionnaire")
struct CompatibilityTests {
    static let old = """
    touchpoint: 1
    id: visit
    questions:
      - id: channel
        type: single
        options: [{value: app, label: Mobile app}, {value: store, label: Store}, {value: phone, label: Phone}]
        text: Which channel?
      - {id: ease, type: scale, min: 1, max: 5, text: How easy was it?}
      - {id: recommend, type: nps, text: How likely are you to recommend us?}
      - {id: reason, type: text, required: false, text: Why?}
      - {id: age, type: number, min: 18, max: 99, text: Your age?}
      - {id: visits, type: number, text: How many visits?}
    """

    func compare(_ new: String) throws -> [Diagnostic] {
        let oldQ = try #require(Validator.validate(Array(Self.old.utf8)).questionnaire)
        let newReport = Validator.validate(Array(new.utf8))
        #expect(!newReport.hasErrors, "\(newReport.diagnostics.map(\.fullMessage))")
        let newQ = try #require(newReport.questionnaire)
        return VersionComparison.compare(new: newQ, old: oldQ)
    }

    @Test func theSameQuestionnaireHasNoFindings() throws {
        #expect(try compare(Self.old).isEmpty)
    }

    @Test func everyIncomparableChangeIsOneWarningSayingWhichDataCannotBeCompared() throws {
        let findings = try compare("""
        touchpoint: 1
        id: visit
        questions:
          - id: channel
            type: single
            options: [{value: mobile, label: Mobile app}, {value: store, label: Shop}]
            text: Which channel?
          - {id: ease, type: scale, min: 1, max: 7, text: How easy was it?}
          - {id: likely, type: nps, text: How likely are you to recommend us?}
          - {id: reason, type: text, required: false, when: likely <= 6, text: Why?}
          - {id: age, type: single, options: [young, old], text: Your age?}
        """)
        let codes = findings.map(\.code)
        #expect(Set(codes) == [.optionRecoded, .optionRemoved, .rangeChanged, .idRenamed, .routingChanged, .typeChanged, .idRemoved])
        #expect(findings.allSatisfy { $0.severity == .warning })
        #expect(codes.filter { $0 == .optionRecoded }.count == 2, "app became mobile; store's label changed")
        let removed = findings.filter { $0.code == .idRemoved }
        #expect(removed.count == 1)
        #expect(removed.first?.message.contains("question `visits` (line 12 of the earlier version) is gone") == true)
        let renamed = findings.first { $0.code == .idRenamed }
        #expect(renamed?.message.hasPrefix("question `recommend` (line 9 of the earlier version) is now `likely`") == true)
        #expect(findings.first { $0.code == .optionRemoved }?.message.contains("option `phone` (\"Phone\") of `channel` is gone") == true)
        #expect(findings.first { $0.code == .rangeChanged }?.message.contains("was 1 to 5 and is now 1 to 7") == true)
        #expect(findings.first { $0.code == .typeChanged }?.message.contains("`age` was a number question and is now a single question") == true)
        #expect(findings.first { $0.code == .routingChanged }?.message.contains("`reason` was asked of everyone who reached it, and is now asked only when `likely <= 6`") == true)
        for f in findings {
            #expect(f.message.contains("before this version") || f.message.contains("earlier version") || f.message.contains("across versions"),
                    "\(f.code.rawValue) should say which collected data is affected: \(f.message)")
        }
    }

    @Test func aQuestionWithChangedTextIsNotARename() throws {
        let findings = try compare("""
        touchpoint: 1
        id: visit
        questions:
          - id: channel
            type: single
            options: [{value: app, label: Mobile app}, {value: store, label: Store}, {value: phone, label: Phone}]
            text: Which channel?
          - {id: ease, type: scale, min: 1, max: 5, text: How easy was it?}
          - {id: likely, type: nps, text: Would you recommend us?}
          - {id: reason, type: text, required: false, text: Why?}
          - {id: age, type: number, min: 18, max: 99, text: Your age?}
          - {id: visits, type: number, text: How many visits?}
        """)
        #expect(findings.map(\.code) == [.idRemoved])
    }

    @Test func aConditionThatWasAlreadyThereIsNotAChangeEvenWrittenDifferently() throws {
        let old = "touchpoint: 1\nid: v\nquestions:\n  - {id: a, type: nps, text: A?}\n  - {id: b, type: text, when: a  <=  6, text: B?}\n"
        let new = "touchpoint: 1\nid: v\nquestions:\n  - {id: a, type: nps, text: A?}\n  - {id: b, type: text, when: a <= 6, text: B?}\n"
        let oldQ = try #require(Validator.validate(Array(old.utf8)).questionnaire)
        let newQ = try #require(Validator.validate(Array(new.utf8)).questionnaire)
        #expect(VersionComparison.compare(new: newQ, old: oldQ).isEmpty)
    }
}
