import Foundation

/// The usability oracle's expected values (`oracle/usability_vectors.json`, written by
/// `oracle/make_usability_vectors.py` with scipy and statsmodels).
struct UsabilityVectors: Decodable, Sendable {
    struct AdjustedWald: Decodable, Sendable {
        let name: String; let successes: Int; let n: Int; let value: Double; let low: Double; let high: Double
    }
    struct WeightedAdjustedWald: Decodable, Sendable {
        let name: String; let outcomes: [Bool]; let weights: [Double]
        let value: Double; let low: Double; let high: Double; let nEff: Double
    }
    struct SUSScore: Decodable, Sendable { let answers: [Double?]; let score: Double? }
    struct SUSSample: Decodable, Sendable {
        let name: String; let respondents: [[Double]]; let scores: [Double]
        let mean: Double; let sd: Double?; let low: Double?; let high: Double?; let grade: String
    }
    struct SUSGrade: Decodable, Sendable { let mean: Double; let grade: String }
    struct SUS: Decodable, Sendable { let scores: [SUSScore]; let samples: [SUSSample]; let grades: [SUSGrade] }
    struct UMUXPair: Decodable, Sendable { let a: Double; let b: Double; let value: Double; let adjusted: Double }
    struct UMUXSample: Decodable, Sendable {
        let name: String; let pairs: [[Double]]; let mean: Double; let sd: Double?; let low: Double?; let high: Double?
        let adjusted: Double
    }
    struct UMUX: Decodable, Sendable { let pairs: [UMUXPair]; let samples: [UMUXSample] }
    struct Geometric: Decodable, Sendable {
        let name: String; let seconds: [Double]; let value: Double; let low: Double?; let high: Double?
    }

    let adjustedWald: [AdjustedWald]
    let adjustedWaldWeighted: [WeightedAdjustedWald]
    let sus: SUS
    let umuxLite: UMUX
    let geometricMean: [Geometric]

    /// Read once, beside this file; a missing or malformed fixture fails every test that asks for it.
    static let shared: Swift.Result<UsabilityVectors, any Error> = Swift.Result {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("oracle/usability_vectors.json")
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(UsabilityVectors.self, from: Data(contentsOf: url))
    }

    static func load() throws -> UsabilityVectors { try shared.get() }
}
