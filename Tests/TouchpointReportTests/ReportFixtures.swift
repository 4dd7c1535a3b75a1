import Foundation
import Testing
import TouchpointCore
@testable import TouchpointReport

/// Paths, the bundled customer-journey questionnaire, and golden files of the report tests.
enum ReportFixtures {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }   // file, TouchpointReportTests, Tests
        return url.path
    }()
    static let folder = root + "/Tests/TouchpointReportTests/Fixtures"
    static let journeyFile = root + "/questionnaires/customer_journey.yaml"
    static let journeyResponses = folder + "/customer_journey.jsonl"

    static var isRecording: Bool { ProcessInfo.processInfo.environment["TOUCHPOINT_RECORD_GOLDEN"] == "1" }

    /// The questionnaire at `path`, validated and checked.
    static func load(_ path: String = journeyFile) throws -> CheckedQuestionnaire {
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        return try #require(Validator.validate(bytes).checked)
    }

    /// The report data of `responses` (files) for the customer-journey questionnaire.
    static func data(_ sources: [ResponseSource], options: ReportOptions) throws -> (ReportData, [LineRejection]) {
        var builder = try ReportBuilder(try load(), options: options)
        var rejections: [LineRejection] = []
        for source in sources { try builder.read(source) { rejections.append($0) } }
        return (builder.data(), rejections)
    }

    /// Expects `actual` to equal the golden file `name` in Fixtures (or records it with TOUCHPOINT_RECORD_GOLDEN=1;
    /// a recording run fails so that it is never taken for a pass).
    static func checkGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + name
        if isRecording {
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(name); run again without TOUCHPOINT_RECORD_GOLDEN to check it", sourceLocation: sourceLocation)
            return
        }
        let expected = try #require(FileManager.default.contents(atPath: path), "no golden \(name); record it with TOUCHPOINT_RECORD_GOLDEN=1")
        let expectedText = String(decoding: expected, as: UTF8.self)
        guard actual != expectedText else { return }
        let a = Array(actual.utf8), e = Array(expectedText.utf8)
        let first = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
        let from = max(first - 120, 0)
        Issue.record("""
            output differs from \(name) at byte \(first) (re-record with TOUCHPOINT_RECORD_GOLDEN=1 if intended)
            expected: \(String(decoding: e[from..<min(first + 120, e.count)], as: UTF8.self))
            actual:   \(String(decoding: a[from..<min(first + 120, a.count)], as: UTF8.self))
            """, sourceLocation: sourceLocation)
    }
}
