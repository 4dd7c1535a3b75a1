import Testing
@testable import TouchpointCore

@Suite struct StudentTTests {
    @Test func quantileMatchesScipyForEveryWholeDegreeOfFreedomUpTo1000() throws {
        let vectors = try StatisticsVectors.load().tQuantile.filter { $0.df <= 1000 && $0.df == $0.df.rounded() }
        try #require(Set(vectors.map(\.df)).count == 1000)
        for v in vectors {
            let t = StudentT.quantile(v.p, degreesOfFreedom: v.df)
            #expect(matchesOracle(t, v.t, tolerance: 1e-9), "p = \(v.p), df = \(v.df): \(t) vs \(v.t)")
        }
    }

    @Test func quantileMatchesScipyForFractionalAndHugeDegreesOfFreedom() throws {
        let vectors = try StatisticsVectors.load().tQuantile.filter { $0.df > 1000 || $0.df != $0.df.rounded() }
        try #require(vectors.contains { $0.df >= 1e12 } && vectors.contains { $0.df == 1.5 })
        for v in vectors {
            let t = StudentT.quantile(v.p, degreesOfFreedom: v.df)
            #expect(matchesOracle(t, v.t, tolerance: 1e-9), "p = \(v.p), df = \(v.df): \(t) vs \(v.t)")
        }
    }

    @Test func cdfMatchesScipyIncludingFarTails() throws {
        let vectors = try StatisticsVectors.load().tCdf
        try #require(vectors.count > 100)
        for v in vectors {
            let p = StudentT.cdf(v.t, degreesOfFreedom: v.df)
            #expect(abs(p - v.p) <= 1e-15 + 1e-11 * v.p, "t = \(v.t), df = \(v.df): \(p) vs \(v.p)")
        }
    }

    @Test func quantileInvertsTheCDFForFractionalDegreesOfFreedom() {
        for df in [1.2, 2.7, 4.4, 9.9, 57.3, 3_456.7] {
            for p in [1e-8, 0.01, 0.2, 0.5, 0.8, 0.975, 0.9999] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) <= 1e-12 * max(p, 1e-3), "p = \(p), df = \(df)")
            }
        }
    }

    @Test func extremeTailQuantilesOfHeavyTailedDistributionsInvertTheCDF() {
        // Beyond what scipy resolves (it returns -inf for p = 1e-300 at 3 df), so checked by round trip.
        for df in [1.5, 3, 30, 1e6] {
            for p in [1e-300, 1e-200, 1e-100] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(t.isFinite && t < 0, "p = \(p), df = \(df)")
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) / p - 1) <= 1e-12, "p = \(p), df = \(df)")
            }
        }
    }

    @Test func infiniteDegreesOfFreedomGiveTheNormal() {
        #expect(StudentT.quantile(0.975, degreesOfFreedom: .infinity) == Normal.quantile(0.975))
        #expect(StudentT.cdf(1.3, degreesOfFreedom: .infinity) == Normal.cdf(1.3))
    }

    @Test func quantileIsInfiniteAtTheEndsAndUndefinedForBadArguments() {
        #expect(StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.quantile(1.1, degreesOfFreedom: 5).isNaN)
        #expect(StudentT.cdf(1, degreesOfFreedom: -2).isNaN)
        #expect(StudentT.cdf(.infinity, degreesOfFreedom: 3) == 1)
        #expect(StudentT.cdf(-.infinity, degreesOfFreedom: 3) == 0)
    }

    @Test func densityIntegratesToTheCDF() {
        // Simpson's rule over [-1, 2] against the CDF difference, for a fractional df.
        let df = 6.5
        let steps = 600
        let h = 3.0 / Double(steps)
        var sum = StudentT.density(-1, degreesOfFreedom: df) + StudentT.density(2, degreesOfFreedom: df)
        for i in 1..<steps {
            sum += Double(i % 2 == 0 ? 2 : 4) * StudentT.density(-1 + Double(i) * h, degreesOfFreedom: df)
        }
        let expected = StudentT.cdf(2, degreesOfFreedom: df) - StudentT.cdf(-1, degreesOfFreedom: df)
        #expect(abs(sum * h / 3 - expected) <= 1e-10)
    }
}
