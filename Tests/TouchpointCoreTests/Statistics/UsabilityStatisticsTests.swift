import Testing
@testable import TouchpointCore

@Suite struct UsabilityStatisticsTests {
    @Test func sevenSuccessesOfTenGiveTheAdjustedWaldIntervalOfSauroAndLewis() throws {
        let estimate = try #require(AdjustedWald.estimate(successes: 7, n: 10))
        let ci = try #require(estimate.ci95)
        #expect(abs(ci.low / 100 - 0.3923) < 1e-4)
        #expect(abs(ci.high / 100 - 0.8967) < 1e-4)
        #expect(estimate.value == 70)
    }

    @Test func adjustedWaldIntervalMatchesStatsmodelsAgrestiCoull() throws {
        let vectors = try UsabilityVectors.load().adjustedWald
        try #require(vectors.count > 10)
        for v in vectors {
            let estimate = try #require(AdjustedWald.estimate(successes: v.successes, n: v.n), "\(v.name)")
            #expect(matchesOracle(estimate.value, v.value), "\(v.name)")
            #expect(matchesOracle(estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(estimate.ci95?.high, v.high), "\(v.name) high")
        }
    }

    @Test func weightedCompletionUsesTheAdjustedWaldIntervalAtTheKishEffectiveSize() throws {
        for v in try UsabilityVectors.load().adjustedWaldWeighted {
            let estimate = try #require(AdjustedWald.estimate(outcomes: v.outcomes, weights: v.weights), "\(v.name)")
            #expect(matchesOracle(estimate.value, v.value), "\(v.name)")
            #expect(matchesOracle(estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(estimate.ci95?.high, v.high), "\(v.name) high")
            #expect(matchesOracle(estimate.nEff, v.nEff), "\(v.name) n_eff")
        }
    }

    @Test func noAttemptsGiveNoCompletionRate() {
        #expect(AdjustedWald.estimate(successes: 0, n: 0) == nil)
        #expect(AdjustedWald.estimate(successes: 3, n: 2) == nil)
        #expect(AdjustedWald.estimate(outcomes: [true], weights: [0]) == nil)
    }

    @Test func susScoresEachRespondentByBrookesRule() throws {
        let vectors = try UsabilityVectors.load().sus.scores
        for v in vectors {
            let answers = v.answers.compactMap { $0 }
            let score = answers.count == v.answers.count ? SystemUsabilityScale.score(answers) : nil
            #expect(score == v.score, "\(v.answers)")
        }
        #expect(SystemUsabilityScale.score([5, 1, 5, 1, 5, 1, 5, 1, 5, 1]) == 100)
        #expect(SystemUsabilityScale.score([3, 3, 3, 3, 3, 3, 3, 3, 3, 3]) == 50)
    }

    @Test func susSampleMeansAndIntervalsMatchScipy() throws {
        for sample in try UsabilityVectors.load().sus.samples {
            let scores = sample.respondents.compactMap(SystemUsabilityScale.score)
            #expect(scores == sample.scores, "\(sample.name)")
            let estimate = try #require(Mean.estimate(scores), "\(sample.name)")
            #expect(matchesOracle(estimate.estimate.value, sample.mean), "\(sample.name)")
            #expect(matchesOracle(estimate.sd, sample.sd), "\(sample.name) sd")
            #expect(matchesOracle(estimate.estimate.ci95?.low, sample.low), "\(sample.name) low")
            #expect(matchesOracle(estimate.estimate.ci95?.high, sample.high), "\(sample.name) high")
            #expect(SystemUsabilityScale.grade(estimate.estimate.value) == sample.grade, "\(sample.name)")
        }
    }

    @Test func gradesFollowTheSauroLewisCurvedGradingScale() throws {
        for v in try UsabilityVectors.load().sus.grades {
            #expect(SystemUsabilityScale.grade(v.mean) == v.grade, "\(v.mean)")
        }
        #expect(SystemUsabilityScale.grade(84.1) == "A+")
        #expect(SystemUsabilityScale.grade(51.6) == "F")
        #expect(SystemUsabilityScale.grade(101) == nil)
        #expect(SystemUsabilityScale.grade(.nan) == nil)
    }

    @Test func umuxLiteScoresAndAdjustsAsLewisUteschAndMaher() throws {
        let vectors = try UsabilityVectors.load().umuxLite
        for v in vectors.pairs {
            let score = try #require(UMUXLite.score(v.a, v.b))
            #expect(matchesOracle(score, v.value), "\(v.a), \(v.b)")
            #expect(matchesOracle(UMUXLite.adjusted(score), v.adjusted), "\(v.a), \(v.b) adjusted")
        }
        for sample in vectors.samples {
            let scores = sample.pairs.compactMap { UMUXLite.score($0[0], $0[1]) }
            let estimate = try #require(Mean.estimate(scores), "\(sample.name)")
            #expect(matchesOracle(estimate.estimate.value, sample.mean), "\(sample.name)")
            #expect(matchesOracle(estimate.estimate.ci95?.low, sample.low), "\(sample.name) low")
            #expect(matchesOracle(estimate.estimate.ci95?.high, sample.high), "\(sample.name) high")
            #expect(matchesOracle(UMUXLite.adjusted(estimate.estimate.value), sample.adjusted), "\(sample.name) adjusted")
        }
        #expect(UMUXLite.score(0, 7) == nil)
        #expect(UMUXLite.score(4, 8) == nil)
    }

    @Test func timesOfFortyToOneHundredTwentySecondsHaveAGeometricMeanOf66Point59() throws {
        let estimate = try #require(GeometricMean.estimate([40, 55, 62, 80, 120]))
        #expect(abs(estimate.value - 66.59) < 1e-2)
        #expect(abs(estimate.value - 66.591243) < 1e-4)
    }

    @Test func geometricMeanAndItsLogScaleIntervalMatchScipy() throws {
        for v in try UsabilityVectors.load().geometricMean {
            let estimate = try #require(GeometricMean.estimate(v.seconds), "\(v.name)")
            #expect(matchesOracle(estimate.value, v.value), "\(v.name)")
            #expect(matchesOracle(estimate.ci95?.low, v.low), "\(v.name) low")
            #expect(matchesOracle(estimate.ci95?.high, v.high), "\(v.name) high")
            #expect(estimate.n == v.seconds.count)
        }
    }

    @Test func timesThatAreNotPositiveGiveNoGeometricMean() {
        #expect(GeometricMean.estimate([]) == nil)
        #expect(GeometricMean.estimate([12, 0]) == nil)
        #expect(GeometricMean.estimate([12, -3]) == nil)
        #expect(GeometricMean.estimate([.infinity]) == nil)
    }
}
