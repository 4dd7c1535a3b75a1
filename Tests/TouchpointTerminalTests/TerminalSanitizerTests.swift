import Testing
import TouchpointTerminal

/// Text from files and answers cannot drive the terminal.
@Suite("TerminalSanitizer")
struct TerminalSanitizerTests {
    @Test func ordinaryTextIsUnchanged() {
        let text = "How likely are you to recommend us?\n您向朋友推荐我们的可能性有多大?\tÉté 😀"
        #expect(TerminalSanitizer.neutralize(text) == text)
    }

    @Test func escapeSequencesBecomeCaretNotation() {
        #expect(TerminalSanitizer.neutralize("\u{1B}[2J\u{1B}]0;owned\u{07}") == "^[[2J^[]0;owned^G")
    }

    @Test func everyC0ControlExceptLineFeedAndTabIsNeutralised() {
        #expect(TerminalSanitizer.neutralize("\u{00}\u{08}\r") == "^@^H^M")
        #expect(TerminalSanitizer.neutralize("a\u{1F}") == "a^_")
        #expect(TerminalSanitizer.neutralize("a\nb\tc") == "a\nb\tc")
    }

    @Test func deleteIsNeutralised() {
        #expect(TerminalSanitizer.neutralize("x\u{7F}") == "x^?")
    }

    @Test func c1ControlsBecomeEscapes() {
        #expect(TerminalSanitizer.neutralize("\u{9B}31m\u{85}") == "\\u{9B}31m\\u{85}")
    }

    @Test func bidirectionalOverridesAndIsolatesBecomeEscapes() {
        #expect(TerminalSanitizer.neutralize("abc\u{202E}fed") == "abc\\u{202E}fed")
        #expect(TerminalSanitizer.neutralize("\u{202A}\u{2066}\u{2069}") == "\\u{202A}\\u{2066}\\u{2069}")
    }

    @Test func aCarriageReturnLineFeedPairKeepsItsLineFeed() {
        #expect(TerminalSanitizer.neutralize("one\r\ntwo") == "one^M\ntwo")
    }

    @Test func neutralisingTwiceChangesNothingMore() {
        let once = TerminalSanitizer.neutralize("\u{1B}[1m\u{9B}\u{202E}\u{7F}")
        #expect(TerminalSanitizer.neutralize(once) == once)
    }

    @Test func colourSequencesCanBeKeptWhileEverythingElseIsNeutralised() {
        let prompt = "\u{1B}[1;36mQ1\u{1B}[0m \u{1B}[2J\u{1B}]0;x\u{07}> "
        #expect(TerminalSanitizer.neutralizeKeepingStyles(prompt) == "\u{1B}[1;36mQ1\u{1B}[0m ^[[2J^[]0;x^G> ")
    }

    @Test func anUnfinishedColourSequenceIsNeutralised() {
        #expect(TerminalSanitizer.neutralizeKeepingStyles("\u{1B}[31") == "^[[31")
    }
}
