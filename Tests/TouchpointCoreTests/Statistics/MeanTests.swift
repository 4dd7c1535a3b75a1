import Testing
@testable import TouchpointCore

@Suite struct MeanTests {
    @Test func meanSdAndTIntervalMatchStatsmodels() throws {
        let vectors = try StatisticsVectors.load().mean
        try #require(vectors.contains { $0.weights == nil } && vectors.contains { $0.weights != nil })
        for v in vectors {
            let result: MeanEstimate? = if let weights = v.weights {
                Mean.estimate(v.values, weights: weights)
            } else {
                Mean.estimate(v.values)
            }
            let mean = try #require(result, "\(v.name)")
            #expect(matchesOracle(mean.estimate.value, v.mean), "\(v.name)")
            #expect(matchesOracle(mean.sd, v.sd), "\(v.name) sd")
            #expect(matchesOracle(mean.estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(mean.estimate.ci95?.high, v.high), "\(v.name) high")
            #expect(matchesOracle(mean.estimate.nEff, v.nEff), "\(v.name) n_eff")
            #expect(mean.estimate.n == v.values.count)
        }
    }

    @Test func oneValueHasAMeanButNoSpreadOrInterval() throws {
        let mean = try #require(Mean.estimate([4]))
        #expect(mean.estimate.value == 4)
        #expect(mean.sd == nil)
        #expect(mean.estimate.ci95 == nil)
    }

    @Test func equalWeightsGiveTheUnweightedEstimate() throws {
        let values: [Double] = [1, 4, 4, 5, 7, 2, 6]
        let plain = try #require(Mean.estimate(values))
        let weighted = try #require(Mean.estimate(values, weights: Array(repeating: 1.7, count: values.count)))
        #expect(matchesOracle(weighted.estimate.value, plain.estimate.value, tolerance: 1e-12))
        #expect(matchesOracle(weighted.sd, plain.sd, tolerance: 1e-12))
        #expect(matchesOracle(weighted.estimate.ci95?.low, plain.estimate.ci95?.low, tolerance: 1e-12))
        #expect(matchesOracle(weighted.estimate.ci95?.high, plain.estimate.ci95?.high, tolerance: 1e-12))
    }

    @Test func noValuesOrUnusableWeightsGiveNoMean() {
        #expect(Mean.estimate([]) == nil)
        #expect(Mean.estimate([1, 2], weights: [1]) == nil)
        #expect(Mean.estimate([1, 2], weights: [0, 0]) == nil)
        #expect(Mean.estimate([1, 2], weights: [1, -1]) == nil)
    }
}
