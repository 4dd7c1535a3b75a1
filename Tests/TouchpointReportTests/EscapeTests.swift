import Testing
@testable import TouchpointReport

@Suite("Escaping text and attributes")
struct EscapeTests {
    @Test func ampersandsAreWrittenAsEntitiesSoThatEntitiesInAnswersStayText() {
        #expect(Escape.text("AT&T &lt;b&gt;") == "AT&amp;T &amp;lt;b&amp;gt;")
    }

    @Test func attributeValuesEscapeQuotesAndAngles() {
        #expect(Escape.attribute("\"><script>'") == "&quot;&gt;&lt;script&gt;&#39;")
    }
}
