import Testing
@testable import TouchpointCore

@Suite struct TabBuilderTests {
    static let yaml = """
    touchpoint: 1
    id: tabs
    meta:
      segment: {type: single, options: [a, b, c]}
    questions:
      - id: solved
        type: yes_no
        dont_know: true
        text: Was it solved?
      - id: tags
        type: multi
        required: false
        text: Which?
        options: [{value: x, label: X}, {value: y, label: Y}]
    """

    static func checked() throws -> CheckedQuestionnaire {
        let report = Validator.validate(Array(yaml.utf8))
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    /// `yes` of `solved` answers, `no` the rest of `n`, in segment `segment`.
    static func records(_ segment: String, yes: Int, n: Int, dontKnow: Int = 0) -> [AnalysisRecord] {
        var out: [AnalysisRecord] = []
        for index in 0..<n {
            out.append(AnalysisRecord(responseID: "\(segment)\(index)", meta: ["segment": .string(segment)],
                                      answers: ["solved": .bool(index < yes), "tags": ["x"]]))
        }
        for index in 0..<dontKnow {
            out.append(AnalysisRecord(responseID: "\(segment)dk\(index)", meta: ["segment": .string(segment)],
                                      missing: ["solved": "dont_know"]))
        }
        return out
    }

    @Test func frequenciesSeparatePercentOfAskedFromValidPercent() throws {
        let checked = try Self.checked()
        let records = Self.records("a", yes: 30, n: 40, dontKnow: 10) + [AnalysisRecord(responseID: "s", status: "screened_out")]
        let tab = try TabBuilder(questionnaire: checked.questionnaire, table: checked.table).build("solved", records: records)
        let part = try #require(tab.parts.first)
        let column = part.columns[0]
        #expect(column.validBase == 40)
        #expect(column.askedBase == 50)
        #expect(column.missing["dont_know"] == 10)
        #expect(part.categories[0].counts == [30])
        #expect(part.categories[0].percent == [60])
        #expect(part.categories[0].validPercent == [75])
    }

    @Test func aColumnSignificantlyHigherCarriesTheOtherColumnsLetter() throws {
        let checked = try Self.checked()
        // 45/100 against 30/100: z = 2.191, p = 0.028 (statsmodels' proportions_ztest); 30/100 against 28/100 is not.
        let records = Self.records("a", yes: 45, n: 100) + Self.records("b", yes: 30, n: 100) + Self.records("c", yes: 28, n: 100)
        let tab = try TabBuilder(questionnaire: checked.questionnaire, table: checked.table)
            .build("solved", records: records, by: ["meta.segment"])
        let part = try #require(tab.parts.first)
        #expect(part.columns.map(\.letter) == ["", "A", "B", "C"])
        #expect(part.categories[0].higherThan == [[], ["B", "C"], [], []])
        #expect(part.categories[1].higherThan == [[], [], ["A"], ["A"]])
    }

    @Test func smallBasesAreFlaggedAndNotTested() throws {
        let checked = try Self.checked()
        let records = Self.records("a", yes: 20, n: 20) + Self.records("b", yes: 0, n: 29)
        let tab = try TabBuilder(questionnaire: checked.questionnaire, table: checked.table)
            .build("solved", records: records, by: ["meta.segment"])
        let part = try #require(tab.parts.first)
        #expect(part.columns[1].isSmallBase && part.columns[2].isSmallBase)
        #expect(part.categories.allSatisfy { $0.higherThan.allSatisfy(\.isEmpty) })
    }

    @Test func multiAnswersCountEveryChosenOption() throws {
        let checked = try Self.checked()
        let tab = try TabBuilder(questionnaire: checked.questionnaire, table: checked.table)
            .build("tags", records: Self.records("a", yes: 1, n: 4))
        #expect(tab.isMultiResponse)
        #expect(tab.parts[0].categories.map(\.counts) == [[4], [0]])
    }

    @Test func textQuestionsAndUnknownNamesAreRefusedWithAMessage() throws {
        let checked = try Self.checked()
        let builder = TabBuilder(questionnaire: checked.questionnaire, table: checked.table)
        #expect(throws: TabError.self) { try builder.build("solve", records: []) }
        #expect(throws: TabError.self) { try builder.build("solved", records: [], by: ["meta.region"]) }
    }
}
