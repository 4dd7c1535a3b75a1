import Testing
import TouchpointCore
@testable import TouchpointReport

/// What the report computes from the seeded fixture, beyond what `score` computes.
@Suite("Report figures")
struct ReportBuilderTests {
    private let fixture: [ResponseSource] = [.file(ReportFixtures.journeyResponses)]

    @Test func theReportsScoresAreTheScoresThatScoreGives() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions(groupBy: "meta.segment"))
        var engine = try ScoreEngine(try ReportFixtures.load(), options: ScoreOptions(groupBy: ["meta.segment"], period: .month))
        engine.parallelism = 1
        try engine.read(.file(ReportFixtures.journeyResponses)) { _ in }
        let scored = engine.report()
        // Overall and per segment (scored crossed with months here, so compare the overall figures and the counts).
        #expect(JSONWriter().string(scored.json["scores"] ?? nil) == JSONWriter().string(data.scores.json["scores"] ?? nil))
        #expect(scored.responses == data.scores.responses)
        var bySegment = try ScoreEngine(try ReportFixtures.load(), options: ScoreOptions(groupBy: ["meta.segment"]))
        try bySegment.read(.file(ReportFixtures.journeyResponses)) { _ in }
        #expect(JSONWriter().string(bySegment.report().json) == JSONWriter().string(data.scores.json))
    }

    @Test func withoutAPeriodTheTrendUsesMonthsForSixMonthsOfData() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions())
        #expect(data.trend.period == .month)
        #expect(data.trend.chosen)
        #expect(data.trend.points.map(\.period) == ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"])
        #expect(data.trend.points.map(\.responses).reduce(0, +) == 400)
    }

    @Test func aGivenPeriodIsKept() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions(period: .week))
        #expect(data.trend.period == .week)
        #expect(!data.trend.chosen)
        #expect(data.trend.points.first?.period == "2026-W23")
    }

    @Test func theJourneyMatrixHasEveryStageByTheThreeDrivers() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions())
        let matrix = try #require(data.journeys.first)
        #expect(data.journeys.count == 1)
        #expect(matrix.stages.map(\.value) == ["awareness", "understanding", "acquisition", "use", "feedback"])
        #expect(matrix.measures.map(\.label) == ["Success", "Effort (ease)", "Emotion"])
        #expect(matrix.measures.map(\.isShare) == [true, false, false])
        // Every stage's effort base is the number of respondents who went through it.
        for stage in matrix.stages { #expect(stage.cells[1]?.n == stage.base) }
        // The effort cells' bases add up to the CES score's n.
        let ces = try #require(data.scores.overall.scores.first { $0.id == "ces" })
        #expect(matrix.stages.compactMap { $0.cells[1]?.n }.reduce(0, +) == ces.n)
    }

    @Test func driversCarryTheirPerformanceAndTheExperienceLoyaltyCorrelation() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions())
        let map = try #require(data.drivers.first)
        #expect(map.target == "recommend")
        #expect(map.drivers.map(\.item) == ["mean_emotion", "mean_effort", "need_met"])
        let needMet = try #require(map.drivers.first { $0.item == "need_met" })
        // need_met is yes/no: its performance is the share of yes, as the `success` score has it.
        let successScore = try #require(data.scores.overall.scores.first { $0.id == "success" })
        let success = try #require(ScoreFigure(successScore))
        #expect(abs((needMet.performance ?? 0) - success.value) < 1e-9)
        let effort = try #require(map.drivers.first { $0.item == "mean_effort" })
        #expect(effort.low == 1 && effort.high == 7 && !effort.observedRange)
        let r = try #require(map.experienceLoyalty)
        #expect(r.n == 358)
        #expect(r.value > 0.5 && r.value < 1)
    }

    @Test func verbatimsAreTheDetractorsNewestFirst() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions(groupBy: "meta.segment"))
        let v = data.verbatims
        #expect(v.npsItem == "recommend")
        #expect(v.shown.count == VerbatimCollector.limit)
        #expect(v.total > v.shown.count)
        #expect(v.shown.allSatisfy { ($0.rating ?? 99) <= 6 })
        let times = v.shown.compactMap(\.completedAt)
        #expect(times == times.sorted(by: >))
        #expect(Set(v.shown.compactMap(\.group)).isSubset(of: ["New customer", "Regular customer", "High-value customer"]))
    }

    @Test func statusesCountEveryScoredResponse() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions())
        #expect(data.statuses.byStatus.map(\.status) == ["complete", "screened_out"])
        #expect(data.statuses.byStatus.map(\.count).reduce(0, +) == 400)
        #expect(data.statuses.rejected == 0)
    }

    @Test func segmentsAreLabelledAndComparedWithTheRest() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions(groupBy: "meta.segment"))
        let segments = try #require(data.segments)
        #expect(segments.groups.map(\.label) == ["New customer", "Regular customer", "High-value customer"])
        let newCustomers = try #require(segments.groups.first)
        let nps = try #require(newCustomers.comparisons["nps"])
        #expect(nps.difference < 0 && nps.isSignificant)
    }

    @Test func segmentMarksAreTheDifferencesWithTheRestThatScoreByGives() throws {
        let (data, _) = try ReportFixtures.data(fixture, options: ReportOptions(groupBy: "meta.segment"))
        let segments = try #require(data.segments)
        var engine = try ScoreEngine(try ReportFixtures.load(), options: ScoreOptions(groupBy: ["meta.segment"]))
        try engine.read(.file(ReportFixtures.journeyResponses)) { _ in }
        let compared = engine.report(comparing: .rest)
        #expect(compared.report.groups.count == segments.groups.count)
        for (group, comparison) in zip(compared.report.groups, compared.comparisons) {
            let page = try #require(segments.groups.first { $0.value == group.by.first?.value })
            #expect(page.comparisons == comparison.vsRest, "segment \(page.label)")
            #expect(!page.comparisons.isEmpty)
        }
    }

    @Test func aLanguageTheQuestionnaireLacksIsRefusedWithTheOnesItHas() throws {
        let checked = try ReportFixtures.load()
        #expect {
            _ = try ReportBuilder(checked, options: ReportOptions(language: "fr"))
        } throws: { error in
            "\(error)" == "--lang fr: `customer_journey` is written in en, zh; pick one of them"
        }
    }

    @Test func anUnknownGroupingIsRefusedAsScoreRefusesIt() throws {
        let checked = try ReportFixtures.load()
        #expect {
            _ = try ReportBuilder(checked, options: ReportOptions(groupBy: "meta.segmnt"))
        } throws: { error in
            "\(error)".hasPrefix("--by meta.segmnt:")
        }
    }
}
