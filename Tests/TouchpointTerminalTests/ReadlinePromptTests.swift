import Testing
@testable import TouchpointTerminal

/// Prompts as readline gets them.
@Suite("ReadlinePrompt")
struct ReadlinePromptTests {
    @Test func colourSequencesAreWrappedInReadlinesIgnoreMarkers() {
        #expect(ReadlinePrompt.prepare("\u{1B}[1;36mQ1\u{1B}[0m> ") == "\u{01}\u{1B}[1;36m\u{02}Q1\u{01}\u{1B}[0m\u{02}> ")
    }

    @Test func otherEscapeSequencesAreNeutralised() {
        #expect(ReadlinePrompt.prepare("\u{1B}]0;pwned\u{07}Q> ") == "^[]0;pwned^GQ> ")
    }

    @Test func plainPromptsAreUnchanged() {
        #expect(ReadlinePrompt.prepare("您的回答> ") == "您的回答> ")
    }
}
