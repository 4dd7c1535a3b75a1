import Testing
@testable import TouchpointCore

@Suite struct WeightsTests {
    @Test func equalWeightsGiveTheCaseCount() {
        #expect(Weights.kishEffectiveSize(Array(repeating: 2.5, count: 40)) == 40)
    }

    @Test func unequalWeightsShrinkTheEffectiveSize() throws {
        // (1 + 1 + 4)² / (1 + 1 + 16) = 2
        let nEff = try #require(Weights.kishEffectiveSize([1, 1, 4]))
        #expect(abs(nEff - 2) <= 1e-15)
        #expect(Weights.kishEffectiveSize([0, 3, 0]) == 1)
    }

    @Test func hugeWeightsDoNotOverflow() throws {
        let nEff = try #require(Weights.kishEffectiveSize([1e200, 1e200, 2e200]))
        #expect(abs(nEff - 16.0 / 6.0) <= 1e-14)
    }

    @Test func unusableWeightsGiveNoEffectiveSize() {
        #expect(Weights.kishEffectiveSize([]) == nil)
        #expect(Weights.kishEffectiveSize([0, 0]) == nil)
        #expect(Weights.kishEffectiveSize([1, -1, 2]) == nil)
        #expect(Weights.kishEffectiveSize([1, .nan]) == nil)
        #expect(Weights.kishEffectiveSize([1, .infinity]) == nil)
    }
}
