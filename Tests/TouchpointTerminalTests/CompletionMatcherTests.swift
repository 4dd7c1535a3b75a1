import Testing
@testable import TouchpointTerminal

/// What Tab completes to.
@Suite("CompletionMatcher")
struct CompletionMatcherTests {
    private let matcher = CompletionMatcher(candidates: ["Mobile app", "Mobile web", "Store", "Store", "到店体验", "Yes, definitely", ":back"])

    @Test func aUniquePrefixCompletesToTheWholeLabelIgnoringCase() {
        #expect(matcher.completion(for: "sTo") == .init(kept: "", word: "Store", matches: ["Store"]))
    }

    @Test func severalMatchesCompleteToTheirCommonPrefixSpelledLikeTheLabels() {
        #expect(matcher.completion(for: "mob") == .init(kept: "", word: "Mobile ", matches: ["Mobile app", "Mobile web"]))
    }

    @Test func nothingMatchesGivesNoCompletion() {
        #expect(matcher.completion(for: "zebra") == nil)
    }

    @Test func anEmptyWordOffersEveryLabelOnce() {
        #expect(matcher.completion(for: "")?.matches == ["Mobile app", "Mobile web", "Store", "到店体验", "Yes, definitely", ":back"])
    }

    @Test func spacesBeforeTheWordAreKept() {
        #expect(matcher.completion(for: " st") == .init(kept: " ", word: "Store", matches: ["Store"]))
        #expect(matcher.completion(for: " st")?.replacement == " Store")
    }

    @Test func chineseLabelsComplete() {
        #expect(matcher.completion(for: "到店")?.replacement == "到店体验")
    }

    @Test func commandsComplete() {
        #expect(matcher.completion(for: ":b")?.replacement == ":back")
    }

    @Test func aLabelHoldingACommaCompletesAsTheWholeLine() {
        #expect(matcher.completion(for: "yes, d")?.replacement == "Yes, definitely")
    }

    @Test func outsideAListTheWholeLineIsTheWordSoNothingCompletesAfterASpace() {
        #expect(matcher.completion(for: "3 Sto") == nil)
        #expect(matcher.completion(for: "Store, mob") == nil)
    }

    private let list = CompletionMatcher(candidates: ["Finding out about us", "Buying or ordering", "Using the product or service",
                                                      "Getting help or giving feedback", "寻求帮助", ":back", ":skip"],
                                         completesListItems: true)

    @Test func inAListTheItemAfterASpaceOrACommaIsCompletedAndTheRestKept() {
        #expect(list.completion(for: "3 Ge") == .init(kept: "3 ", word: "Getting help or giving feedback", matches: ["Getting help or giving feedback"]))
        #expect(list.completion(for: "Buying or ordering, us")?.replacement == "Buying or ordering, Using the product or service")
        #expect(list.completion(for: "1,bu")?.replacement == "1,Buying or ordering")
    }

    @Test func inAListALabelWithSpacesStillCompletesFromItsStart() {
        #expect(list.completion(for: "2, Using the p")?.replacement == "2, Using the product or service")
        #expect(list.completion(for: "Getting h")?.replacement == "Getting help or giving feedback")
    }

    @Test func inAListChineseSeparatorsEndAnItem() {
        #expect(list.completion(for: "1，寻求")?.replacement == "1，寻求帮助")
        #expect(list.completion(for: "1、寻")?.replacement == "1、寻求帮助")
        #expect(list.completion(for: "1\u{3000}寻")?.replacement == "1\u{3000}寻求帮助")
    }

    @Test func afterASeparatorEveryLabelButNoCommandIsOffered() {
        #expect(list.completion(for: "1, ")?.matches == ["Finding out about us", "Buying or ordering", "Using the product or service",
                                                         "Getting help or giving feedback", "寻求帮助"])
        #expect(list.completion(for: "1 :sk") == nil)
        #expect(list.completion(for: ":sk")?.replacement == ":skip")
    }
}
