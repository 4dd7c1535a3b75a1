import Foundation
import Testing
@testable import TouchpointCore

/// The expected group differences of `vectors.json` (sections written by `oracle/make_vectors.py` from
/// scipy and statsmodels).
private struct DifferenceVectors: Decodable {
    struct NPS: Decodable { let name: String; let a: [Int]; let b: [Int]; let difference: Double; let se: Double; let z: Double; let p: Double }
    struct TwoProportion: Decodable {
        let name: String; let x1: Int; let n1: Int; let x2: Int; let n2: Int
        let difference: Double; let se: Double; let z: Double; let p: Double
    }
    struct Welch: Decodable {
        let name: String; let a: [Double]; let b: [Double]; let meanA: Double; let sdA: Double; let meanB: Double; let sdB: Double
        let difference: Double; let se: Double; let t: Double; let df: Double; let p: Double
    }
    let npsDifference: [NPS]
    let twoProportion: [TwoProportion]
    let welch: [Welch]

    static func load() throws -> DifferenceVectors {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("vectors.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(DifferenceVectors.self, from: Data(contentsOf: url))
    }
}

@Suite struct DifferenceTests {
    @Test func theSpecNPSOracleHoldsToOneMillionth() throws {
        let a: (p: Double, d: Double) = (0.45, 0.25)   // 90, 60, 50 of 200
        let b: (p: Double, d: Double) = (0.35, 0.35)   // 70, 60, 70 of 200
        let computed = Difference.nps(promoterShare: a.p, detractorShare: a.d, size: 200, versus: b.p, b.d, size: 200)
        let result = try #require(computed)
        #expect(abs(result.difference - 20) < 1e-6)
        #expect(abs(result.se - 8.246211) < 1e-6)
        #expect(abs(result.statistic - 2.425356) < 1e-6)
        #expect(abs(result.p - 0.015293) < 1e-6)
    }

    @Test func npsDifferencesMatchTheMultinomialOracle() throws {
        let vectors = try DifferenceVectors.load().npsDifference
        try #require(vectors.count >= 5)
        for v in vectors {
            let na = Double(v.a.reduce(0, +)), nb = Double(v.b.reduce(0, +))
            let result = Difference.nps(promoterShare: Double(v.a[0]) / na, detractorShare: Double(v.a[2]) / na, size: na,
                                        versus: Double(v.b[0]) / nb, Double(v.b[2]) / nb, size: nb)
            let r = try #require(result, "\(v.name)")
            #expect(matchesOracle(r.difference, v.difference), "\(v.name) difference")
            #expect(matchesOracle(r.se, v.se), "\(v.name) se")
            #expect(matchesOracle(r.statistic, v.z), "\(v.name) z")
            #expect(matchesOracle(r.p, v.p), "\(v.name) p")
        }
    }

    @Test func twoProportionZMatchesStatsmodels() throws {
        let vectors = try DifferenceVectors.load().twoProportion
        try #require(vectors.count >= 5)
        for v in vectors {
            let result = Difference.proportions(Double(v.x1) / Double(v.n1), size: Double(v.n1),
                                                versus: Double(v.x2) / Double(v.n2), size: Double(v.n2))
            let r = try #require(result, "\(v.name)")
            #expect(matchesOracle(r.difference, v.difference), "\(v.name) difference")
            #expect(matchesOracle(r.se, v.se), "\(v.name) se")
            #expect(matchesOracle(r.statistic, v.z), "\(v.name) z")
            #expect(matchesOracle(r.p, v.p), "\(v.name) p")
        }
    }

    @Test func welchTMatchesScipy() throws {
        let vectors = try DifferenceVectors.load().welch
        try #require(vectors.count >= 4)
        for v in vectors {
            let result = Difference.welch(mean: v.meanA, sd: v.sdA, size: Double(v.a.count),
                                          versus: v.meanB, sd: v.sdB, size: Double(v.b.count))
            let r = try #require(result, "\(v.name)")
            #expect(matchesOracle(r.difference, v.difference), "\(v.name) difference")
            #expect(matchesOracle(r.se, v.se), "\(v.name) se")
            #expect(matchesOracle(r.statistic, v.t), "\(v.name) t")
            #expect(matchesOracle(r.degreesOfFreedom, v.df), "\(v.name) df")
            #expect(matchesOracle(r.p, v.p), "\(v.name) p")
        }
    }

    @Test func noTestIsMadeWithoutCasesOnBothSides() {
        #expect(Difference.proportions(0.5, size: 0, versus: 0.4, size: 10) == nil)
        #expect(Difference.welch(mean: 1, sd: 1, size: 1, versus: 2, sd: 1, size: 5) == nil)
    }
}
