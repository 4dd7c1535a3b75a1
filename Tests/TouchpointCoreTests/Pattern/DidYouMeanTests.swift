import Testing
@testable import TouchpointCore

/// Every "did you mean" in touchpoint, for keys, names, functions and option values, uses one edit distance
/// (Damerau-Levenshtein, case-insensitive) with one threshold.
@Suite("One edit distance for did you mean")
struct DidYouMeanTests {
    static let words = ["coutn", "Count", "answred", "mena", "lenn", "recomend", "recommedn", "xyz", "app", "stroe", "phnoe"]
    static let candidates = [BuiltinFunction.allCases.map(\.rawValue), ["recommend", "reason", "ease"], ["app", "store", "phone"]]

    @Test func expressionHintsAndKeyHintsFindTheSameCandidates() {
        for list in Self.candidates {
            for word in Self.words {
                #expect(ExpressionEditDistance.closest(to: word, in: list) == TextSimilarity.closest(to: word, in: list), "\(word) in \(list)")
            }
        }
    }

    @Test func aSwappedPairOfLettersIsOneEditInExpressionsToo() {
        #expect(BuiltinFunction.closest(to: "coutn") == .count)
        #expect(ExpressionEditDistance.between("stroe", "store") == 1)
        #expect(ExpressionEditDistance.closest(to: "phnoe", in: ["app", "store", "phone"]) == "phone")
    }

    @Test func anUnrelatedWordGetsNoSuggestion() {
        #expect(BuiltinFunction.closest(to: "xyz") == nil)
        #expect(TextSimilarity.closest(to: "xyz", in: ["recommend", "reason"]) == nil)
    }
}
