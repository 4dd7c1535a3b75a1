import Testing
@testable import TouchpointCore

/// `--by`: groups are every combination met, ordered by each name's values in turn, with the overall totals
/// unchanged; names that cannot group are refused before anything is read.
@Suite struct ScoreGroupingTests {
    @Test func twoGroupingsCrossAndFollowOptionOrderThenYesBeforeNo() throws {
        let file = try ResponseFile([
            ScoringFixture.line(id: "1", segment: "regular") { ResponseRejectionTests.answer(&$0, "solved", false) },
            ScoringFixture.line(id: "2", segment: "new"),
            ScoringFixture.line(id: "3", segment: "regular"),
            ScoringFixture.line(id: "4", segment: nil) { ResponseRejectionTests.answer(&$0, "solved", false) },
            ScoringFixture.line(id: "5", segment: "new") { ResponseRejectionTests.answer(&$0, "solved", false) },
            ScoringFixture.line(id: "6", segment: "new"),
        ])
        let options = ScoreOptions(groupBy: ["meta.segment", "solved"])
        let (report, _) = try ScoringFixture.score([file.source], options: options)
        #expect(report.groupNames == ["meta.segment", "solved"])
        let labels = report.groups.map { $0.by.map(\.value.description).joined(separator: "/") }
        #expect(labels == ["new/true", "new/false", "regular/true", "regular/false", "(missing)/false"])
        #expect(report.groups.map(\.responses) == [2, 1, 1, 1, 1])
        #expect(report.overall.responses == 6)
    }

    @Test func groupTotalsAddUpToTheOverallCounts() throws {
        let (report, _) = try ScoringFixture.score([.file(ScoringFixture.responsesPath)],
                                                  options: ScoreOptions(groupBy: ["meta.region"]))
        #expect(report.groups.count == 3)
        for (index, score) in report.overall.scores.enumerated() {
            let groupN = report.groups.map { $0.scores[index].n }.reduce(0, +)
            #expect(groupN == score.n, "\(score.id)")
        }
    }

    @Test(arguments: [
        (["meta.segmnt"], nil as String?, "did you mean `meta.segment`?"),
        (["segment"], nil, "meta keys are written `meta.segment`"),
        (["recommend"], nil, "is a nps question"),
        (["meta.segment", "meta.segment"], nil, "given twice"),
        ([], "solved", "a weight must be a number question"),
        ([], "meta.nothing", "not declared"),
    ])
    func namesThatCannotGroupOrWeightAreRefusedUpFront(by: [String], weight: String?, message: String) throws {
        let checked = try ScoringFixture.load()
        #expect {
            _ = try ScoreEngine(checked, options: ScoreOptions(groupBy: by, weight: weight))
        } throws: { error in
            (error as? ScoreSetupError)?.message.contains(message) == true
        }
    }

    @Test func periodIsReservedWhenGroupingByPeriod() throws {
        let checked = try ScoringFixture.load()
        #expect(throws: ScoreSetupError.self) {
            _ = try ScoreEngine(checked, options: ScoreOptions(groupBy: ["period"], period: .day))
        }
    }
}
