import Testing
@testable import TouchpointCore

/// The engine on records built in memory: what each respondent contributes to each score.
@Suite struct ScoreEngineTests {
    static func record(_ id: String, segment: String, weight: Double, recommend: Int, channels: JSONValue,
                       solved: Bool = true) -> CheckedResponse {
        CheckedResponse(
            responseID: id, status: .complete, meta: ["segment": .string(segment), "weight": .number(weight)],
            answers: ["eligible": true, "solved": .bool(solved), "ease": 5, "effort_hard": 3, "clarity": 4,
                      "recommend": .number(Double(recommend)), "tier": 1, "used": ["app"], "channel_sat": channels,
                      "channel_nps": [:], "service": ["speed": 2, "staff": 4]],
            computed: ["promoter": .bool(recommend >= 9)])
    }

    static func outcome(_ report: ScoreReport.Group, _ id: String) -> ScoreResult.Outcome? {
        report.scores.first { $0.id == id }?.outcome
    }

    @Test func loopItemsContributeOneValuePerLoopAnswer() throws {
        let checked = try ScoringFixture.load()
        var engine = try ScoreEngine(checked)
        try engine.add(Self.record("a", segment: "new", weight: 1, recommend: 10, channels: ["app": 5, "store": 4, "web": 1]))
        try engine.add(Self.record("b", segment: "new", weight: 1, recommend: 3, channels: ["web": 5]))
        let overall = engine.report().overall
        guard case .share(let n, let count, _)? = Self.outcome(overall, "csat") else { Issue.record("csat"); return }
        #expect(n == 4 && count == 3, "four channel ratings, three of them 4 or 5")
        guard case .drivers(let targets, let drivers)? = Self.outcome(overall, "drivers") else { Issue.record("drivers"); return }
        #expect(targets == 2)
        #expect(drivers.first { $0.item == "channel_sat" }?.n == 4, "each channel rating is paired with its respondent's rating")
        guard case .mean(let cases, let mean, let alpha)? = Self.outcome(overall, "service") else { Issue.record("service"); return }
        #expect(cases == 4 && mean?.estimate.value == 3 && alpha == nil, "a whole grid gives one value per row")
    }

    @Test func reverseCodedItemsCountAsMinPlusMaxMinusTheAnswer() throws {
        let checked = try ScoringFixture.load()
        var engine = try ScoreEngine(checked)
        try engine.add(Self.record("a", segment: "new", weight: 1, recommend: 9, channels: [:]))
        guard case .mean(_, let sum, _)? = Self.outcome(engine.report().overall, "ces_sum") else { Issue.record("ces_sum"); return }
        let expected: Double = 5 + (1 + 7 - 3)  // ease, then effort_hard 3 on a 1-7 scale reversed
        #expect(sum?.estimate.value == expected)
    }

    @Test func weightsAndGroupsApplyToRecordsBuiltInMemory() throws {
        let checked = try ScoringFixture.load()
        let options = ScoreOptions(groupBy: ["meta.segment"], weight: "meta.weight")
        var engine = try ScoreEngine(checked, options: options)
        try engine.add(Self.record("a", segment: "new", weight: 3, recommend: 10, channels: [:]))
        try engine.add(Self.record("b", segment: "regular", weight: 1, recommend: 0, channels: [:], solved: false))
        let report = engine.report()
        guard case .nps(let n, let nps)? = Self.outcome(report.overall, "nps") else { Issue.record("nps"); return }
        #expect(n == 2 && nps?.estimate.value == 50, "weighted: 3/4 promoters, 1/4 detractors")
        #expect(nps?.estimate.nEff == 1.6)
        guard case .share(_, let count, let success)? = Self.outcome(report.overall, "success") else { Issue.record("success"); return }
        #expect(count == 1 && success?.value == 75)
        #expect(report.groups.map { $0.by[0].value } == [.value("new"), .value("regular")])
    }
}
