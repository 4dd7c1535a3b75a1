import Testing
@testable import TouchpointCore

@Suite("Did-you-mean suggestions")
struct TextSimilarityTests {
    @Test func aMisspelledNameFindsTheIntendedOne() {
        #expect(TextSimilarity.closest(to: "recomend", in: ["reason", "recommend", "used"]) == "recommend")
        #expect(TextSimilarity.closest(to: "qestions", in: ["id", "title", "questions", "scores"]) == "questions")
    }

    @Test func swappedNeighbouringLettersCountAsOneEdit() {
        // Plain Levenshtein counts "it" -> "ti" as two edits, beyond the limit of one for a short name.
        #expect(TextSimilarity.closest(to: "ti", in: ["it"]) == "it")
        #expect(TextSimilarity.closest(to: "nsp", in: ["nps", "mean"]) == "nps")
        #expect(TextSimilarity.closest(to: "recommedn", in: ["recommend"]) == "recommend")
    }

    @Test func caseIsIgnoredButTheCandidateIsReturnedAsWritten() {
        #expect(TextSimilarity.closest(to: "Recommend", in: ["reason", "recommend"]) == "recommend")
        #expect(TextSimilarity.closest(to: "ID", in: ["type", "id"]) == "id")
        #expect(TextSimilarity.closest(to: "segment", in: ["Segments"]) == "Segments")
    }

    @Test func nothingIsSuggestedWhenNoCandidateIsClose() {
        #expect(TextSimilarity.closest(to: "colour", in: ["size", "weight"]) == nil)
        #expect(TextSimilarity.closest(to: "xyz", in: ["abc"]) == nil)
        #expect(TextSimilarity.closest(to: "anything", in: [String]()) == nil)
    }

    @Test func theLimitIsAThirdOfTheNameAndAtLeastOne() {
        // Nine characters allow three edits, not four.
        #expect(TextSimilarity.closest(to: "abcdefghi", in: ["abcxyzghi"]) == "abcxyzghi")
        #expect(TextSimilarity.closest(to: "abcdefghi", in: ["abwxyzghi"]) == nil)
        // One or two characters still allow one edit.
        #expect(TextSimilarity.closest(to: "a", in: ["b"]) == "b")
        #expect(TextSimilarity.closest(to: "a", in: ["bc"]) == nil)
        // Insertions count too: "nps" -> "npss" is one edit.
        #expect(TextSimilarity.closest(to: "nps", in: ["npss"]) == "npss")
        #expect(TextSimilarity.closest(to: "nps", in: ["npsss"]) == nil)
    }

    @Test func theCloserCandidateWinsAndTiesGoToTheFirst() {
        #expect(TextSimilarity.closest(to: "recommend", in: ["recommand2", "recommends"]) == "recommends")
        #expect(TextSimilarity.closest(to: "cat", in: ["bat", "hat"]) == "bat")
        #expect(TextSimilarity.closest(to: "cat", in: ["hat", "bat"]) == "hat")
    }

    @Test func chineseNamesAreComparedByCharacter() {
        #expect(TextSimilarity.closest(to: "满意度", in: ["推荐", "满意"]) == "满意")
    }

    /// The distance costs the product of the two lengths (10^10 cells here); names past the compared length are
    /// refused before it is computed. The work is not timed: the clock is only a hang guard.
    @Test func hugeNamesGetNoSuggestionAndAreNeverCompared() {
        let huge = String(repeating: "a", count: 100_000)
        #expect(huge.count > TextSimilarity.maxComparedLength)
        let elapsed = ContinuousClock().measure {
            #expect(TextSimilarity.closest(to: huge, in: [huge + "b", "a"]) == nil)
            // A name just within the limit is still compared, and finds its near twin.
            let longest = String(repeating: "a", count: TextSimilarity.maxComparedLength)
            #expect(TextSimilarity.closest(to: longest, in: [String(longest.dropLast()) + "b"]) != nil)
        }
        #expect(elapsed < .seconds(60), "hang guard: took \(elapsed)")
    }
}
