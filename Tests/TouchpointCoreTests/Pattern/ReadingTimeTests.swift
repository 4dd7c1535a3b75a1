import Testing
import TouchpointCore

@Suite("Reading time")
struct ReadingTimeTests {
    @Test func alphabeticTextIsReadAtFourWordsASecond() {
        #expect(ReadingTime.seconds("How likely are you to recommend us?") == 7.0 / 4)
        #expect(ReadingTime.seconds("one\ttwo\nthree  four") == 1.0)
    }

    @Test func punctuationAloneIsNotAWordButJoinedWordsAreOne() {
        #expect(ReadingTime.seconds("don't e-mail 2026 - ?") == 3.0 / 4)
        #expect(ReadingTime.seconds(" -- ") == 0)
    }

    @Test func chineseJapaneseAndKoreanAreReadAtEightCharactersASecond() {
        // 15 Han characters and a fullwidth question mark.
        #expect(ReadingTime.seconds("您向朋友推荐我们的可能性有多大？") == 16.0 / 8)
        #expect(ReadingTime.seconds("ありがとうございます") == 10.0 / 8)
        #expect(ReadingTime.seconds("カタカナ") == 4.0 / 8)
        #expect(ReadingTime.seconds("감사합니다") == 5.0 / 8)
        #expect(ReadingTime.seconds("ＡＢＣ") == 3.0 / 8)
    }

    @Test func theIdeographicSpaceIsNotRead() {
        #expect(ReadingTime.seconds("你好\u{3000}世界") == 4.0 / 8)
    }

    @Test func mixedTextAddsBothParts() {
        // 您打了分 is four characters; 9 is one word.
        #expect(ReadingTime.seconds("您打了9分") == 4.0 / 8 + 1.0 / 4)
        #expect(ReadingTime.seconds("Mobile app 手机应用") == 2.0 / 4 + 4.0 / 8)
        #expect(ReadingTime.seconds("用NPS评分") == 1.0 / 4 + 3.0 / 8)
    }

    @Test func emptyTextTakesNoTime() {
        #expect(ReadingTime.seconds("") == 0)
        #expect(ReadingTime.seconds("   \n") == 0)
    }

    @Test func longerTextTakesLonger() {
        let short = ReadingTime.seconds("Thank you.")
        let long = ReadingTime.seconds("Thank you for taking the time to answer our questions today.")
        #expect(long > short)
    }
}
