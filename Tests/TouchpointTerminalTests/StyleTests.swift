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

/// `--color auto|always|never`, `NO_COLOR` and `FORCE_COLOR`, strongest first.
@Suite("Colour choice")
struct ColorChoiceTests {
    @Test func flagsWinOverTheEnvironment() {
        #expect(ColorChoice.always.enabled(outputIsTerminal: false, noColorVariable: "1", forceColorVariable: nil))
        #expect(!ColorChoice.never.enabled(outputIsTerminal: true, noColorVariable: nil, forceColorVariable: "1"))
    }

    @Test func noColorWinsOverForceColorAndForceColorWinsOverAPipe() {
        #expect(!ColorChoice.auto.enabled(outputIsTerminal: true, noColorVariable: "1", forceColorVariable: "1"))
        #expect(ColorChoice.auto.enabled(outputIsTerminal: false, noColorVariable: nil, forceColorVariable: "1"))
        #expect(ColorChoice.auto.enabled(outputIsTerminal: false, noColorVariable: "", forceColorVariable: "true"))
    }

    @Test func forceColorZeroOrEmptyForcesNothing() {
        for value in ["", "0", "false"] {
            #expect(!ColorChoice.auto.enabled(outputIsTerminal: false, noColorVariable: nil, forceColorVariable: value))
        }
        #expect(ColorChoice.auto.enabled(outputIsTerminal: true, noColorVariable: nil, forceColorVariable: "0"))
    }
}
