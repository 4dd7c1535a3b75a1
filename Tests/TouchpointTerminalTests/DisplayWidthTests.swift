import Testing
import TouchpointTerminal

/// Terminal columns of text.
@Suite("DisplayWidth")
struct DisplayWidthTests {
    @Test func latinLettersTakeOneColumnEach() {
        #expect(DisplayWidth.of("Hello, world") == 12)
    }

    @Test func chineseJapaneseAndKoreanTakeTwoColumnsEach() {
        #expect(DisplayWidth.of("到店体验") == 8)
        #expect(DisplayWidth.of("ありがとう") == 10)
        #expect(DisplayWidth.of("감사합니다") == 10)
    }

    @Test func fullwidthFormsTakeTwoColumns() {
        #expect(DisplayWidth.of("ＡＢ！") == 6)
        #expect(DisplayWidth.of("\u{3000}") == 2)
    }

    @Test func mixedTextAddsUp() {
        #expect(DisplayWidth.of("NPS 评分: 9") == 11)
    }

    @Test func combiningMarksTakeNoColumn() {
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("Cafe\u{301} 1\u{20DD}") == 6)
    }

    @Test func zeroWidthCharactersTakeNoColumn() {
        #expect(DisplayWidth.of("a\u{200B}b") == 2)
        #expect(DisplayWidth.of("\u{FEFF}x") == 1)
    }

    @Test func conjoiningHangulJamoMakeOneWideSyllable() {
        #expect(DisplayWidth.of("\u{1100}\u{1161}\u{11A8}") == 2)
    }

    @Test func emojiAreTwoColumnsIncludingSequences() {
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("👍🏽") == 2)
        #expect(DisplayWidth.of("👨‍👩‍👧") == 2)
        #expect(DisplayWidth.of("🇨🇳") == 2)
        #expect(DisplayWidth.of("❤️") == 2)
        #expect(DisplayWidth.of("❤") == 1)
    }

    @Test func controlCharactersCountAsTheirVisibleForm() {
        #expect(DisplayWidth.of("\u{1B}[31m") == 6)
        #expect(DisplayWidth.of("\u{7F}") == 2)
        #expect(DisplayWidth.of("\u{9B}") == 6)
        #expect(DisplayWidth.of("\u{202E}") == 8)
        #expect(DisplayWidth.of("a\r\nb") == 4)
    }

    @Test func aLineFeedTakesNoColumnAndATabOne() {
        #expect(DisplayWidth.of("\n") == 0)
        #expect(DisplayWidth.of("a\tb") == 3)
    }

    @Test func singleCharactersAndScalarsAreMeasuredAlike() {
        #expect(DisplayWidth.of(Character("体")) == 2)
        #expect(DisplayWidth.of(Unicode.Scalar(0x301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)!) == 2)
    }

    @Test func emptyTextIsZeroColumns() {
        #expect(DisplayWidth.of("") == 0)
    }
}
