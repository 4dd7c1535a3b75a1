import Testing
import TouchpointTerminal

/// Colour only when it is wanted.
@Suite("Style")
struct StyleTests {
    @Test func colourIsOnOnlyForATerminalWithoutNoColor() {
        #expect(Style.colorEnabled(outputIsTerminal: true, noColorVariable: nil, noColorFlag: false))
        #expect(!Style.colorEnabled(outputIsTerminal: false, noColorVariable: nil, noColorFlag: false))
        #expect(!Style.colorEnabled(outputIsTerminal: true, noColorVariable: "1", noColorFlag: false))
        #expect(!Style.colorEnabled(outputIsTerminal: true, noColorVariable: nil, noColorFlag: true))
    }

    @Test func anEmptyNoColorVariableDoesNotTurnColourOff() {
        #expect(Style.colorEnabled(outputIsTerminal: true, noColorVariable: "", noColorFlag: false))
    }

    @Test func enabledStylesWrapTextInSGRAndReset() {
        let style = Style(colorEnabled: true)
        #expect(style.bold("Q1") == "\u{1B}[1mQ1\u{1B}[0m")
        #expect(style.error("bad") == "\u{1B}[1;31mbad\u{1B}[0m")
        #expect(style.apply(.underline, .cyan, to: "x") == "\u{1B}[4;36mx\u{1B}[0m")
    }

    @Test func disabledStylesReturnTheTextUnchanged() {
        let style = Style(colorEnabled: false)
        #expect(style.bold("Q1") == "Q1")
        #expect(style.error("bad") == "bad")
        #expect(style.apply(.red, to: "x") == "x")
    }

    @Test func styledTextSurvivesNeutralisingThatKeepsColour() {
        let styled = Style(colorEnabled: true).accent("到店")
        #expect(TerminalSanitizer.neutralizeKeepingStyles(styled) == styled)
    }
}
