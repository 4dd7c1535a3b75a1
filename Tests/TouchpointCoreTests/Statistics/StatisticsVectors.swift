import Foundation

/// The oracle's expected values (`vectors.json`, written by `oracle/make_vectors.py`).
struct StatisticsVectors: Decodable, Sendable {
    struct Generator: Decodable, Sendable {
        let scipy: String
        let statsmodels: String
        let pingouin: String
    }
    struct NormalQuantile: Decodable, Sendable { let p: Double; let x: Double }
    struct NormalCDF: Decodable, Sendable { let x: Double; let p: Double }
    struct TQuantile: Decodable, Sendable { let p: Double; let df: Double; let t: Double }
    struct TCDF: Decodable, Sendable { let t: Double; let df: Double; let p: Double }
    struct IncompleteBetaValue: Decodable, Sendable { let x: Double; let a: Double; let b: Double; let value: Double }
    struct Wilson: Decodable, Sendable {
        let name: String; let successes: Int; let n: Int; let value: Double; let low: Double; let high: Double
    }
    struct WeightedWilson: Decodable, Sendable {
        let name: String; let outcomes: [Bool]; let weights: [Double]
        let value: Double; let low: Double; let high: Double; let nEff: Double
    }
    struct Bounds: Decodable, Sendable { let low: Double; let high: Double }
    struct NPS: Decodable, Sendable {
        let name: String; let ratings: [Int]; let weights: [Double]?
        let promoters: Int; let passives: Int; let detractors: Int
        let promoterPercent: Double; let passivePercent: Double; let detractorPercent: Double
        let value: Double; let nEff: Double?; let wald: Bounds; let adjustedWald: Bounds
    }
    struct Mean: Decodable, Sendable {
        let name: String; let values: [Double]; let weights: [Double]?
        let mean: Double; let sd: Double?; let low: Double?; let high: Double?; let nEff: Double?
    }
    struct Alpha: Decodable, Sendable {
        let name: String; let cases: [[Double?]]; let alpha: Double; let n: Int; let items: Int
    }
    struct Pearson: Decodable, Sendable {
        let name: String; let x: [Double]; let y: [Double]; let weights: [Double]?
        let r: Double; let low: Double?; let high: Double?; let nEff: Double?
    }

    let generator: Generator
    let normalQuantile: [NormalQuantile]
    let normalCdf: [NormalCDF]
    let tQuantile: [TQuantile]
    let tCdf: [TCDF]
    let incompleteBeta: [IncompleteBetaValue]
    let wilson: [Wilson]
    let wilsonWeighted: [WeightedWilson]
    let nps: [NPS]
    let mean: [Mean]
    let alpha: [Alpha]
    let pearson: [Pearson]

    /// Read once, beside this file; a missing or malformed fixture fails every test that asks for it.
    static let shared: Swift.Result<StatisticsVectors, any Error> = Swift.Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("vectors.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(StatisticsVectors.self, from: Data(contentsOf: url))
    }

    static func load() throws -> StatisticsVectors { try shared.get() }
}

/// Whether `actual` is within `tolerance` of `expected`, absolutely below 1 and relatively above;
/// two `nil`s agree (an undefined value on both sides).
func matchesOracle(_ actual: Double?, _ expected: Double?, tolerance: Double = 1e-6) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (actual?, expected?):
        if actual == expected { return true }
        return abs(actual - expected) <= tolerance * max(1, abs(expected))
    default: return false
    }
}
