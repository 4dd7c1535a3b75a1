import Testing
import TouchpointCore

/// The YAML slips authors make are explained as what happened, at the place it happened, with the fix.
@Suite("YAML slips are explained in the author's terms")
struct YAMLSlipTests {
    /// Validates a marked source and returns its diagnostics with the position of marker 1️⃣.
    func check(_ raw: String) -> (diagnostics: [Diagnostic], marker: SourcePosition?) {
        let source = MarkedSource(raw)
        let report = Validator.validate(Array(source.text.utf8))
        return (report.diagnostics, source.markers[MarkedSource.keycaps[0]])
    }

    @Test func anUnquotedCommaInAFlowMappingTextSaysTheCommaSplitTheText() {
        let (diagnostics, marker) = check("""
        touchpoint: 1
        id: t
        languages: [en, zh]
        questions:
          - id: sat
            type: yes_no
            text: {en: Overall, 1️⃣how satisfied are you?, zh: 您满意吗}
        """)
        #expect(diagnostics.count == 1)
        let d = diagnostics.first
        #expect(d?.position == marker)
        #expect(d?.message.contains("the comma before `how satisfied are you?` splits the `en` text") == true)
        #expect(d?.hint == "put the text in quotes: `en: \"Overall, how satisfied are you?\"`")
    }

    @Test func aCommaInAnOptionLabelIsExplainedTheSameWay() {
        let (diagnostics, marker) = check("""
        touchpoint: 1
        id: t
        questions:
          - id: used
            type: single
            options:
              - {value: app, label: {en: Mobile app, 1️⃣tablet}}
              - {value: store, label: Store, 2️⃣or kiosk}
            text: Which?
        """)
        let splits = diagnostics.filter { $0.message.contains("the comma before") }
        #expect(splits.count == 2)
        #expect(splits.first?.position == marker)
        #expect(splits.first?.hint == "put the text in quotes: `en: \"Mobile app, tablet\"`")
        #expect(splits.last?.hint == "put the text in quotes: `label: \"Store, or kiosk\"`")
        #expect(!diagnostics.contains { $0.code == .unknownKey })
    }

    @Test func aTabSaysToIndentWithSpaces() {
        let source = "touchpoint: 1\nid: t\nquestions:\n  - id: a\n\ttype: yes_no\n    text: Hi\n"
        let report = Validator.validate(Array(source.utf8))
        #expect(report.diagnostics.count == 1)
        #expect(report.diagnostics.first?.position == SourcePosition(line: 5, column: 1))
        #expect(report.diagnostics.first?.message == "line 5 has a tab character at column 1; YAML indents with spaces, never tabs")
        #expect(report.diagnostics.first?.hint?.contains("replace the tab with spaces") == true)
    }

    @Test func aKeyIndentedOneSpaceTooFarSaysSoInsteadOfAskingForQuotes() {
        let (diagnostics, marker) = check("""
        touchpoint: 1
        id: t
        questions:
          - id: a
            type: yes_no
             1️⃣text: Hi
        """)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.position == marker)
        #expect(diagnostics.first?.message == "`text` is indented 5 spaces, more than `type` above it (4), so YAML reads it as more of the value `yes_no`")
        #expect(diagnostics.first?.hint == "line `text:` up with `type:` (4 spaces)")
    }

    @Test func aTextContainingColonSpaceStillAsksForQuotes() {
        let (diagnostics, _) = check("""
        touchpoint: 1
        id: t
        questions:
          - id: a
            type: yes_no
            text: Note: this is a question
        """)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hint?.contains("in quotes") == true)
    }

    @Test func aValueBeginningWithABraceIsExplainedAsAFlowMapping() {
        let (diagnostics, marker) = check("""
        touchpoint: 1
        id: t
        questions:
          - id: recommend
            type: nps
            text: Hi
          - id: why
            type: text
            text:
              en: 1️⃣{recommend} points, why?
        """)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.position == marker)
        #expect(diagnostics.first?.message == "this value begins with `{`, so YAML reads `{recommend}` as a mapping and cannot place the text after it")
        #expect(diagnostics.first?.hint == "put the whole text in quotes: `en: \"{recommend} points, why?\"`")
    }
}
