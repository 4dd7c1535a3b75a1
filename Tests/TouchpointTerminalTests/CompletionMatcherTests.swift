import Testing
@testable import TouchpointTerminal

/// What Tab completes to.
@Suite("CompletionMatcher")
struct CompletionMatcherTests {
    private let matcher = CompletionMatcher(candidates: ["Mobile app", "Mobile web", "Store", "Store", "到店体验", "Yes, definitely", ":back"])

    @Test func aUniquePrefixCompletesToTheWholeLabelIgnoringCase() {
        #expect(matcher.completion(for: "sTo") == .init(replacement: "Store", matches: ["Store"]))
    }

    @Test func severalMatchesCompleteToTheirCommonPrefixSpelledLikeTheLabels() {
        #expect(matcher.completion(for: "mob") == .init(replacement: "Mobile ", matches: ["Mobile app", "Mobile web"]))
    }

    @Test func nothingMatchesGivesNoCompletion() {
        #expect(matcher.completion(for: "zebra") == nil)
    }

    @Test func anEmptyWordOffersEveryLabelOnce() {
        #expect(matcher.completion(for: "")?.matches == ["Mobile app", "Mobile web", "Store", "到店体验", "Yes, definitely", ":back"])
    }

    @Test func spacesBeforeTheWordAreKept() {
        #expect(matcher.completion(for: " st") == .init(replacement: " Store", matches: [" Store"]))
    }

    @Test func chineseLabelsComplete() {
        #expect(matcher.completion(for: "到店")?.replacement == "到店体验")
    }

    @Test func commandsComplete() {
        #expect(matcher.completion(for: ":b")?.replacement == ":back")
    }

    @Test func aWholeLineThatStartsALabelIsCompletedWhole() {
        #expect(matcher.matchesWholeLine("yes, d"))
        #expect(!matcher.matchesWholeLine("Store, mob"))
    }
}
