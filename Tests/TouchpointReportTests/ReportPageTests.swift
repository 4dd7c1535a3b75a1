import Foundation
import Testing
import TouchpointCore
@testable import TouchpointReport

/// The page as written for the seeded fixture, and what it does with hostile text.
@Suite("The report page")
struct ReportPageTests {
    private func page(_ options: ReportOptions) throws -> String {
        let (data, rejections) = try ReportFixtures.data([.file(ReportFixtures.journeyResponses)], options: options)
        #expect(rejections.isEmpty)
        // The golden names the fixture by a path that does not depend on where the repository is.
        var portable = data
        portable.sources = ["customer_journey.jsonl"]
        return ReportPage.html(portable)
    }

    @Test func theSeededFixtureGivesTheGoldenPage() throws {
        try ReportFixtures.checkGolden(try page(ReportOptions(groupBy: "meta.segment")), "customer_journey-report.html")
    }

    @Test func everySectionHasItsChartAndEveryChartItsAccessibleTitle() throws {
        let html = try page(ReportOptions(groupBy: "meta.segment"))
        for id in ["headline", "segments", "trend", "journey-journey", "drivers-drivers", "verbatims", "statuses"] {
            #expect(html.contains("<section id=\"\(id)\">"), "no section \(id)")
        }
        let charts = html.components(separatedBy: "<svg ").count - 1
        // 4 headline, 4 by segment, 4 trend, the journey, the drivers, the statuses.
        #expect(charts == 15)
        #expect(html.components(separatedBy: "role=\"img\" aria-label=\"").count - 1 == charts)
        #expect(html.components(separatedBy: "<desc>").count - 1 == charts)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || html.components(separatedBy: "http://").count - 1 == charts, "only the SVG namespace may name a URL")
        #expect(!html.contains("https://"))
    }

    @Test func anAnswerWithMarkupAppearsAsText() throws {
        let html = try page(ReportOptions())
        #expect(html.contains("The app is slow &amp; confusing; &lt;script&gt;alert(\"hi\")&lt;/script&gt; is what I'd call it."))
        #expect(!html.contains("<script>"))
    }

    @Test func theChinesePageUsesTheQuestionnairesChineseTextsAndItsOwnWords() throws {
        let html = try page(ReportOptions(language: "zh"))
        #expect(html.contains("<html lang=\"zh\">"))
        #expect(html.contains("您的客户旅程：客户体验报告"))
        #expect(html.contains("了解产品与优惠"))
        #expect(html.contains("核心指标"))
        #expect(html.contains("贬损者的原话"))
    }

    @Test func markupInQuestionnaireTextsAndAnswersNeverBecomesMarkup() throws {
        let yaml = """
        touchpoint: 1
        id: hostile
        title: "Evil \\"><script>alert(1)</script> & co"
        meta:
          segment:
            type: single
            options:
              - {value: a, label: "<b onmouseover=alert(2)>A</b>"}
              - {value: b, label: "B's \\"quoted\\""}
        questions:
          - id: recommend
            type: nps
            text: "Would you <em>recommend</em> us?"
          - id: why
            type: text
            required: false
            text: Why?
        scores:
          nps: {method: nps, item: recommend}
        """
        let report = Validator.validate(Array(yaml.utf8))
        let checked = try #require(report.checked, "\(report.diagnostics)")
        var builder = try ReportBuilder(checked, options: ReportOptions(groupBy: "meta.segment"))
        let lines = (1...40).map { i in
            let segment = i % 2 == 0 ? "a" : "b"
            let why = "</blockquote><script>alert(\(i))</script>\u{1B}[31m"
            return #"{"questionnaire":"hostile","response_id":"r\#(i)","status":"complete","completed_at":"2026-11-0\#(i % 9 + 1)T10:00:00Z","meta":{"segment":"\#(segment)"},"answers":{"recommend":\#(i % 11),"why":"\#(why.replacingOccurrences(of: "\u{1B}", with: "\\u001b"))"},"missing":{},"computed":{}}"#
        }.joined(separator: "\n") + "\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).jsonl").path
        try Data(lines.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var rejections: [LineRejection] = []
        try builder.read(.file(path)) { rejections.append($0) }
        #expect(rejections.isEmpty, "\(rejections)")
        let html = ReportPage.html(builder.data())
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b "))
        #expect(!html.contains("<em>"))
        #expect(!html.contains("\u{1B}"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("aria-label=\"nps · Net Promoter Score: Would you &lt;em&gt;recommend&lt;/em&gt; us?\""))
        #expect(html.contains("&lt;/blockquote&gt;&lt;script&gt;alert(2)&lt;/script&gt;\u{FFFD}[31m"))
        #expect(html.contains("B's \"quoted\""))
        #expect(html.contains("<h1>Evil \"&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; co: CX report</h1>"))
    }
}
