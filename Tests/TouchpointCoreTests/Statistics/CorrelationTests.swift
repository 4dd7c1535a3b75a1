import Testing
@testable import TouchpointCore

@Suite struct CorrelationTests {
    @Test func pearsonAndFisherIntervalMatchScipyAndStatsmodels() throws {
        let vectors = try StatisticsVectors.load().pearson
        try #require(vectors.contains { $0.weights == nil } && vectors.contains { $0.weights != nil })
        for v in vectors {
            let result: Estimate? = if let weights = v.weights {
                Correlation.pearson(x: v.x, y: v.y, weights: weights)
            } else {
                Correlation.pearson(x: v.x, y: v.y)
            }
            let r = try #require(result, "\(v.name)")
            #expect(matchesOracle(r.value, v.r), "\(v.name)")
            #expect(matchesOracle(r.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(r.ci95?.high, v.high), "\(v.name) high")
            #expect(matchesOracle(r.nEff, v.nEff), "\(v.name) n_eff")
            #expect(r.n == v.x.count)
        }
    }

    @Test func constantSeriesHaveNoCorrelation() {
        #expect(Correlation.pearson(x: [3, 3, 3, 3, 3], y: [1, 2, 3, 4, 5]) == nil)
        #expect(Correlation.pearson(x: [1, 2, 3, 4, 5], y: [0.1, 0.1, 0.1, 0.1, 0.1]) == nil)
        // Constant where it counts: the varying case has no weight.
        #expect(Correlation.pearson(x: [1, 1, 1, 9], y: [1, 2, 3, 4], weights: [1, 1, 1, 0]) == nil)
    }

    @Test func fewerThanFourPairsHaveNoInterval() throws {
        let r = try #require(Correlation.pearson(x: [1, 2, 3], y: [2, 1, 7]))
        #expect(r.ci95 == nil)
        #expect(try #require(Correlation.pearson(x: [1, 2, 3, 4], y: [2, 1, 7, 3])).ci95 != nil)
    }

    @Test func mismatchedOrTooShortSeriesGiveNothing() {
        #expect(Correlation.pearson(x: [1, 2, 3], y: [1, 2]) == nil)
        #expect(Correlation.pearson(x: [1], y: [2]) == nil)
        #expect(Correlation.pearson(x: [1, 2, 3], y: [1, 2, 4], weights: [1, 1]) == nil)
        #expect(Correlation.pearson(x: [1, 2, 3], y: [1, 2, 4], weights: [1, -1, 1]) == nil)
    }
}
