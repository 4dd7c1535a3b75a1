import Testing
@testable import TouchpointCore

@Suite struct ProportionTests {
    @Test func wilsonIntervalMatchesStatsmodels() throws {
        let vectors = try StatisticsVectors.load().wilson
        try #require(vectors.count > 10)
        for v in vectors {
            let estimate = try #require(Proportion.wilson(successes: v.successes, n: v.n), "\(v.name)")
            #expect(matchesOracle(estimate.value, v.value), "\(v.name)")
            #expect(matchesOracle(estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(estimate.ci95?.high, v.high), "\(v.name) high")
            #expect(estimate.n == v.n)
            #expect(estimate.nEff == nil)
        }
    }

    @Test func weightedShareUsesWilsonAtTheKishEffectiveSize() throws {
        let vectors = try StatisticsVectors.load().wilsonWeighted
        try #require(vectors.count > 3)
        for v in vectors {
            let estimate = try #require(Proportion.wilson(outcomes: v.outcomes, weights: v.weights), "\(v.name)")
            #expect(matchesOracle(estimate.value, v.value), "\(v.name)")
            #expect(matchesOracle(estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(estimate.ci95?.high, v.high), "\(v.name) high")
            #expect(matchesOracle(estimate.nEff, v.nEff), "\(v.name) n_eff")
            #expect(estimate.n == v.outcomes.count)
        }
    }

    @Test func intervalStaysOffTheWallAtZeroAndHundredPercent() throws {
        let none = try #require(Proportion.wilson(successes: 0, n: 20))
        #expect(none.ci95?.low == 0)
        #expect((none.ci95?.high ?? 0) > 10)
        let all = try #require(Proportion.wilson(successes: 20, n: 20))
        #expect(all.ci95?.high == 100)
        #expect((all.ci95?.low ?? 100) < 90)
    }

    @Test func equalWeightsGiveTheUnweightedEstimate() throws {
        let outcomes = [true, false, true, true, false, false, true]
        let weighted = try #require(Proportion.wilson(outcomes: outcomes, weights: Array(repeating: 0.3, count: 7)))
        let plain = try #require(Proportion.wilson(successes: 4, n: 7))
        #expect(matchesOracle(weighted.value, plain.value, tolerance: 1e-12))
        #expect(matchesOracle(weighted.ci95?.low, plain.ci95?.low, tolerance: 1e-12))
        #expect(matchesOracle(weighted.ci95?.high, plain.ci95?.high, tolerance: 1e-12))
    }

    @Test func impossibleCountsAndUnusableWeightsGiveNoEstimate() {
        #expect(Proportion.wilson(successes: 0, n: 0) == nil)
        #expect(Proportion.wilson(successes: 5, n: 4) == nil)
        #expect(Proportion.wilson(successes: -1, n: 4) == nil)
        #expect(Proportion.wilson(outcomes: [], weights: []) == nil)
        #expect(Proportion.wilson(outcomes: [true, false], weights: [1]) == nil)
        #expect(Proportion.wilson(outcomes: [true, false], weights: [1, -2]) == nil)
        #expect(Proportion.wilson(outcomes: [true, false], weights: [0, 0]) == nil)
    }
}
