import Testing
@testable import TouchpointCore

@Suite struct NormalTests {
    @Test func quantileMatchesScipyToFullDoublePrecision() throws {
        let vectors = try StatisticsVectors.load().normalQuantile
        try #require(vectors.count > 10)
        for v in vectors {
            #expect(matchesOracle(Normal.quantile(v.p), v.x, tolerance: 2e-15), "p = \(v.p)")
        }
    }

    @Test func cdfMatchesScipyFarIntoTheTails() throws {
        let vectors = try StatisticsVectors.load().normalCdf
        try #require(vectors.count > 5)
        for v in vectors {
            // Relative to the probability itself, so a tail of 1e-300 is checked as strictly as 0.5.
            #expect(abs(Normal.cdf(v.x) - v.p) <= 1e-12 * v.p, "x = \(v.x)")
        }
    }

    @Test func criticalValueIsTheQuantileAt0975() {
        #expect(abs(Normal.quantile(0.975) - Normal.z95) <= 1e-15)
        #expect(abs(Normal.quantile(0.025) + Normal.z95) <= 1e-15)
    }

    @Test func quantileIsInfiniteAtTheEndsAndUndefinedOutside() {
        #expect(Normal.quantile(0) == -.infinity)
        #expect(Normal.quantile(1) == .infinity)
        #expect(Normal.quantile(-0.1).isNaN)
        #expect(Normal.quantile(1.5).isNaN)
        #expect(Normal.quantile(.nan).isNaN)
        #expect(Normal.quantile(0.5) == 0)
    }

    @Test func quantileInvertsTheCDF() {
        // Below the mean only: above it the CDF is 1 - tiny and has no digits left to invert.
        for x in stride(from: -30.0, through: 0.5, by: 0.37) {
            #expect(abs(Normal.quantile(Normal.cdf(x)) - x) <= 1e-9 * max(1, abs(x)), "x = \(x)")
        }
    }
}
