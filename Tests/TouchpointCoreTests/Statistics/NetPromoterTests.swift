import Testing
@testable import TouchpointCore

@Suite struct NetPromoterTests {
    @Test func ratingsFallIntoTheStandardCategories() {
        #expect((0...6).allSatisfy { NPSCategory(rating: $0) == .detractor })
        #expect(NPSCategory(rating: 7) == .passive)
        #expect(NPSCategory(rating: 8) == .passive)
        #expect(NPSCategory(rating: 9) == .promoter)
        #expect(NPSCategory(rating: 10) == .promoter)
    }

    @Test func scoreAndBothIntervalsMatchTheFormulaOracle() throws {
        let vectors = try StatisticsVectors.load().nps
        try #require(vectors.count > 10)
        for v in vectors {
            for interval in NPSInterval.allCases {
                let result: NPSEstimate? = if let weights = v.weights {
                    NetPromoter.estimate(ratings: v.ratings, weights: weights, interval: interval)
                } else {
                    NetPromoter.estimate(ratings: v.ratings, interval: interval)
                }
                let nps = try #require(result, "\(v.name)")
                let expected = interval == .wald ? v.wald : v.adjustedWald
                #expect(matchesOracle(nps.estimate.value, v.value), "\(v.name)")
                #expect(matchesOracle(nps.estimate.ci95?.low, expected.low), "\(v.name) \(interval) low")
                #expect(matchesOracle(nps.estimate.ci95?.high, expected.high), "\(v.name) \(interval) high")
                #expect(matchesOracle(nps.estimate.nEff, v.nEff), "\(v.name) n_eff")
                #expect(nps.estimate.n == v.ratings.count)
                #expect([nps.promoters, nps.passives, nps.detractors] == [v.promoters, v.passives, v.detractors])
                #expect(matchesOracle(nps.promoterPercent, v.promoterPercent), "\(v.name)")
                #expect(matchesOracle(nps.passivePercent, v.passivePercent), "\(v.name)")
                #expect(matchesOracle(nps.detractorPercent, v.detractorPercent), "\(v.name)")
            }
        }
    }

    @Test func countsGiveTheSameScoreAsRatings() throws {
        let fromRatings = try #require(NetPromoter.estimate(ratings: [10, 9, 8, 3, 0, 9, 7], interval: .adjustedWald))
        let fromCounts = try #require(NetPromoter.estimate(promoters: 3, passives: 2, detractors: 2,
                                                           interval: .adjustedWald))
        #expect(fromRatings == fromCounts)
    }

    @Test func adjustedWaldReportsTheRawScoreWithAnIntervalAroundTheAdjustedOne() throws {
        let nps = try #require(NetPromoter.estimate(promoters: 6, passives: 3, detractors: 1, interval: .adjustedWald))
        #expect(nps.estimate.value == 50)
        let ci = try #require(nps.estimate.ci95)
        // Centred on 100·(6.75 - 1.75)/13 ≈ 38.5, the adjusted score, not on the reported 50.
        #expect(abs((ci.low + ci.high) / 2 - 500.0 / 13) < 1e-9)
    }

    @Test func adjustedWaldDoesNotCollapseWhenEveryoneIsAPromoter() throws {
        let wald = try #require(NetPromoter.estimate(promoters: 10, passives: 0, detractors: 0, interval: .wald))
        #expect(wald.estimate.ci95 == ConfidenceInterval(low: 100, high: 100))
        let adjusted = try #require(NetPromoter.estimate(promoters: 10, passives: 0, detractors: 0,
                                                         interval: .adjustedWald))
        #expect(adjusted.estimate.value == 100)
        #expect((adjusted.estimate.ci95?.low ?? 100) < 60)
    }

    @Test func waldIntervalIsClippedToThePossibleRange() throws {
        let nps = try #require(NetPromoter.estimate(ratings: [10, 0]))
        #expect(nps.estimate.ci95 == ConfidenceInterval(low: -100, high: 100))
    }

    @Test func noRatingsOrUnusableWeightsGiveNoScore() {
        #expect(NetPromoter.estimate(ratings: []) == nil)
        #expect(NetPromoter.estimate(promoters: 0, passives: 0, detractors: 0) == nil)
        #expect(NetPromoter.estimate(promoters: -1, passives: 2, detractors: 0) == nil)
        #expect(NetPromoter.estimate(ratings: [9, 3], weights: [1]) == nil)
        #expect(NetPromoter.estimate(ratings: [9, 3], weights: [0, 0]) == nil)
    }
}
