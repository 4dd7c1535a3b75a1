import Testing
@testable import TouchpointReport

/// Label widths for chart layout, with Chinese counted wide.
@Suite("Text width estimates")
struct TextMeasureTests {
    @Test func aChineseCharacterIsGivenTwiceTheRoomOfALatinLetter() {
        #expect(TextMeasure.width("了解", size: 10) == 2 * TextMeasure.width("ab", size: 10))
    }

    @Test func aLongLabelIsCutWithAnEllipsisToFit() {
        let cut = TextMeasure.fit("寻求帮助或反馈意见寻求帮助或反馈意见", width: 100, size: 12)
        #expect(cut.hasSuffix("…"))
        #expect(TextMeasure.width(cut, size: 12) <= 100)
    }

    @Test func wrappingBreaksAtSpacesAndBetweenChineseCharacters() {
        #expect(TextMeasure.wrap("Learning about our products and offers", width: 150, size: 12, lines: 3)
            == ["Learning about our", "products and offers"])
        let chinese = TextMeasure.wrap("了解产品与优惠了解产品与优惠", width: 90, size: 12, lines: 2)
        #expect(chinese.count == 2)
        #expect(chinese.allSatisfy { TextMeasure.width($0, size: 12) <= 90 })
    }
}
