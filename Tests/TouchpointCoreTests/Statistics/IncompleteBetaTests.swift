import Testing
@testable import TouchpointCore

@Suite struct IncompleteBetaTests {
    @Test func regularizedMatchesScipyBetainc() throws {
        let vectors = try StatisticsVectors.load().incompleteBeta
        try #require(vectors.count > 50)
        for v in vectors {
            let value = IncompleteBeta.regularized(x: v.x, a: v.a, b: v.b)
            #expect(abs(value - v.value) <= 1e-15 + 1e-11 * v.value, "I_\(v.x)(\(v.a), \(v.b)): \(value) vs \(v.value)")
        }
    }

    @Test func boundsAndInvalidArguments() {
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.regularized(x: 0.5, a: 0, b: 3).isNaN)
        #expect(IncompleteBeta.regularized(x: 1.5, a: 2, b: 3).isNaN)
    }
}
