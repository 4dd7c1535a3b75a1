import Testing
import TouchpointCore
@testable import TouchpointReport

/// The stand-in significance tests of the segment chart, against the SPEC's oracle and scipy.
@Suite("Group comparisons")
struct GroupComparisonTests {
    @Test func theNPSDifferenceMatchesTheSpecOracle() throws {
        let c = try #require(GroupComparison.nps(group: (90, 60, 50), rest: (70, 60, 70)))
        #expect(abs(c.difference - 20) < 1e-9)
        #expect(abs(c.se - 8.246211) < 1e-6)
        #expect(abs(c.statistic - 2.425356) < 1e-6)
        #expect(abs(c.p - 0.015293) < 1e-6)
        #expect(c.isSignificant)
    }

    @Test func twoProportionsAreComparedWithThePooledZ() throws {
        // scipy: pooled se 6.846532 points, z 2.190890, p 0.028460.
        let c = try #require(GroupComparison.proportions(group: (45, 100), rest: (30, 100)))
        #expect(abs(c.difference - 15) < 1e-9)
        #expect(abs(c.se - 6.846532) < 1e-6)
        #expect(abs(c.statistic - 2.190890) < 1e-6)
        #expect(abs(c.p - 0.028460) < 1e-5)
    }

    @Test func meansAreComparedWithWelchsT() throws {
        // scipy.stats.ttest_ind_from_stats(5, 2, 10, 3, 3, 12, equal_var=False): t 1.865010, p 0.077546.
        let c = try #require(GroupComparison.welch(a: (10, 5, 4), b: (12, 3, 9)))
        #expect(abs(c.statistic - 1.865010) < 1e-6)
        #expect(abs(c.p - 0.077546) < 1e-5)
    }

    @Test func theRestDerivedFromTheOverallMomentsIsTheRestItself() throws {
        // Seeded values; the rest's moments come from subtracting the group's from the overall ones.
        var state: UInt64 = 42
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 33) / Double(1 << 31) * 7
        }
        let group = (0..<37).map { _ in next() }
        let rest = (0..<55).map { _ in next() + 0.5 }
        func moments(_ values: [Double]) -> (n: Int, mean: Double, sd: Double) {
            let mean = values.reduce(0, +) / Double(values.count)
            let ss = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
            return (values.count, mean, (ss / Double(values.count - 1)).squareRoot())
        }
        let g = moments(group), r = moments(rest), all = moments(group + rest)
        let derived = try #require(GroupComparison.means(group: g, overall: all))
        let direct = try #require(GroupComparison.welch(a: (Double(g.n), g.mean, g.sd * g.sd), b: (Double(r.n), r.mean, r.sd * r.sd)))
        #expect(abs(derived.statistic - direct.statistic) < 1e-9)
        #expect(abs(derived.p - direct.p) < 1e-9)
    }

    @Test func aGroupThatIsEveryoneHasNoComparison() {
        #expect(GroupComparison.proportions(group: (5, 10), rest: (0, 0)) == nil)
        #expect(GroupComparison.nps(group: (5, 3, 2), rest: (0, 0, 0)) == nil)
        #expect(GroupComparison.means(group: (10, 4, 1), overall: (10, 4, 1)) == nil)
    }
}
