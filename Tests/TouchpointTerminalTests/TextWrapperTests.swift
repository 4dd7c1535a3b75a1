import Testing
import TouchpointTerminal

/// Wrapping questionnaire text to the terminal.
@Suite("TextWrapper")
struct TextWrapperTests {
    @Test func shortTextStaysOnOneLine() {
        #expect(TextWrapper.wrap("Did we resolve it?", width: 40) == ["Did we resolve it?"])
    }

    @Test func latinTextBreaksBetweenWords() {
        let lines = TextWrapper.wrap("The store made it easy to handle my issue.", width: 16)
        #expect(lines == ["The store made", "it easy to", "handle my issue."])
    }

    @Test func noLineIsWiderThanTheWidth() {
        let text = "How likely are you to recommend us to a friend or colleague, on a scale from zero to ten?"
        for width in 10...40 {
            let lines = TextWrapper.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
            #expect(lines.joined(separator: " ") == text, "width \(width)")
        }
    }

    @Test func aWordIsNeverSplitUnlessItIsWiderThanTheLine() {
        #expect(TextWrapper.wrap("a satisfaction survey", width: 13) == ["a", "satisfaction", "survey"])
        #expect(TextWrapper.wrap("see https://example.com/very/long/path", width: 12)
            == ["see", "https://exam", "ple.com/very", "/long/path"])
    }

    @Test func chineseTextBreaksBetweenCharactersCountingTwoColumnsEach() {
        let lines = TextWrapper.wrap("门店让我轻松地解决了问题", width: 10)
        #expect(lines == ["门店让我轻", "松地解决了", "问题"])
    }

    @Test func chinesePunctuationNeverStartsALine() {
        // "我。" would otherwise begin the second line with "。".
        let lines = TextWrapper.wrap("谢谢您的参与。再见", width: 12)
        #expect(lines == ["谢谢您的参", "与。再见"])
        #expect(lines.allSatisfy { !$0.hasPrefix("。") && !$0.hasPrefix("，") })
    }

    @Test func openingBracketsNeverEndALine() {
        let lines = TextWrapper.wrap("请选择「门店」", width: 8)
        #expect(lines == ["请选择", "「门店」"])
    }

    @Test func latinWordsInsideChineseTextStayWhole() {
        let lines = TextWrapper.wrap("您用过我们的App吗", width: 14)
        #expect(lines == ["您用过我们的", "App吗"])
    }

    @Test func wideCharactersNeverOverflowAnOddWidth() {
        let lines = TextWrapper.wrap("到店体验", width: 5)
        #expect(lines == ["到店", "体验"])
    }

    @Test func indentIsAddedToEveryLine() {
        let lines = TextWrapper.wrap("one two three four", width: 10, indent: 2)
        #expect(lines == ["  one two", "  three", "  four"])
    }

    @Test func aHangingIndentAlignsContinuationLines() {
        let lines = TextWrapper.wrap("1) Strongly disagree with it", width: 16, indent: 2, continuationIndent: 5)
        #expect(lines == ["  1) Strongly", "     disagree", "     with it"])
    }

    @Test func lineFeedsAreKeptAsHardBreaksAndEmptyLinesStayEmpty() {
        #expect(TextWrapper.wrap("Thank you.\n\nGoodbye", width: 40, indent: 2) == ["  Thank you.", "", "  Goodbye"])
    }

    @Test func spacesAtTheStartOfAParagraphAreKept() {
        #expect(TextWrapper.wrap("Notes:\n  - private", width: 40) == ["Notes:", "  - private"])
    }

    @Test func tabsBecomeSpacesAndControlCharactersAreNeutralised() {
        #expect(TextWrapper.wrap("a\tb \u{1B}[2J", width: 40) == ["a b ^[[2J"])
    }

    @Test func aWidthSmallerThanTheIndentStillMakesProgress() {
        let lines = TextWrapper.wrap("abc", width: 2, indent: 4)
        #expect(lines == ["    a", "    b", "    c"])
    }

    @Test func aHintAtFortyColumnsBreaksAtSpacesNeverInsideAWord() {
        let lines = TextWrapper.wrap("(choose one or more, separated by commas or spaces)", width: 40, indent: 2, continuationIndent: 3)
        #expect(lines == ["  (choose one or more, separated by", "   commas or spaces)"])
    }

    @Test func aChineseHintAtFortyColumnsNeverStartsALineWithClosingPunctuation() {
        let text = "（可多选，用逗号或空格分隔。选项可以输入编号，也可以输入选项开头的文字）"
        let lines = TextWrapper.wrap(text, width: 40, indent: 2)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 }, "\(lines)")
        #expect(lines.count == 2)
        #expect(lines.map { $0.dropFirst(2) }.joined() == text)
        let closing: Set<Character> = ["，", "。", "）"]
        #expect(lines.dropFirst().allSatisfy { !closing.contains($0.dropFirst(2).first ?? " ") }, "\(lines)")
        // The break falls between two wide characters, using the line.
        #expect(DisplayWidth.of(lines[0]) >= 38)
    }

    @Test func scaleUnitsStayWholeOnALine() {
        let units = ["1-5:", "1 = Very negative ·", "2 = Somewhat negative ·", "3 = Neutral ·", "4 = Somewhat positive ·", "5 = Very positive"]
        let lines = TextWrapper.wrap(units: units, width: 40, indent: 2, continuationIndent: 4)
        #expect(lines == ["  1-5: 1 = Very negative ·", "    2 = Somewhat negative ·", "    3 = Neutral ·",
                          "    4 = Somewhat positive ·", "    5 = Very positive"])
        #expect(lines.allSatisfy { !$0.hasSuffix("=") })
    }

    @Test func chineseScaleUnitsStayWholeAtFortyColumns() {
        let units = ["0-10:", "0 = 完全不可能推荐 ·", "5 = 一般 ·", "10 = 非常可能推荐给朋友或同事"]
        let lines = TextWrapper.wrap(units: units, width: 40, indent: 2, continuationIndent: 4)
        #expect(lines == ["  0-10: 0 = 完全不可能推荐 · 5 = 一般 ·", "    10 = 非常可能推荐给朋友或同事"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 40 })
    }

    @Test func aUnitWiderThanTheLineBreaksInsideOnlyThen() {
        let lines = TextWrapper.wrap(units: ["1 = Not at all likely to recommend us to anyone ·", "10 = Extremely likely"], width: 30, indent: 2)
        #expect(lines == ["  1 = Not at all likely to", "  recommend us to anyone ·", "  10 = Extremely likely"])
    }

    @Test func unitsKeepTheirSpacing() {
        let lines = TextWrapper.wrap(units: ["? help", "< back", ":skip", ":dk", ":quit"], width: 24, indent: 2, spacing: 2)
        #expect(lines == ["  ? help  < back  :skip", "  :dk  :quit"])
    }

    @Test func emptyTextIsOneEmptyLine() {
        #expect(TextWrapper.wrap("", width: 10) == [""])
    }
}
