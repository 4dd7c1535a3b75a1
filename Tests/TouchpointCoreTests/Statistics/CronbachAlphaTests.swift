import Testing
@testable import TouchpointCore

@Suite struct CronbachAlphaTests {
    @Test func alphaMatchesPingouinWithListwiseDeletion() throws {
        let vectors = try StatisticsVectors.load().alpha
        try #require(vectors.contains { $0.n < $0.cases.count })
        for v in vectors {
            let alpha = try #require(CronbachAlpha.estimate(v.cases), "\(v.name)")
            #expect(matchesOracle(alpha.alpha, v.alpha), "\(v.name)")
            #expect(alpha.n == v.n, "\(v.name)")
            #expect(alpha.items == v.items, "\(v.name)")
        }
    }

    @Test func alphaNeedsTwoItemsTwoCompleteCasesAndVaryingTotals() {
        #expect(CronbachAlpha.estimate([]) == nil)
        #expect(CronbachAlpha.estimate([[1], [2], [3]]) == nil)
        #expect(CronbachAlpha.estimate([[1, 2], [3, nil], [nil, 4]]) == nil)
        #expect(CronbachAlpha.estimate([[1, 3], [2, 2], [3, 1]]) == nil)
    }

    @Test func rowsOfTheWrongLengthCountAsIncomplete() throws {
        let rows: [[Double?]] = [[1, 2, 2], [2, 3, 3], [4, 4, 5], [5, 5], [3, 3, 4, 1]]
        let alpha = try #require(CronbachAlpha.estimate(rows))
        #expect(alpha.n == 3)
        let complete = try #require(CronbachAlpha.estimate(Array(rows.prefix(3))))
        #expect(alpha == complete)
    }
}
