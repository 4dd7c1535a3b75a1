import Foundation
import Testing
@testable import TouchpointCore

/// The scoring fixture (`Fixtures/scoring/`): a questionnaire using every score method, seeded responses, and
/// the oracle's expected figures (`Scoring/oracle/make_expected.py`).
enum ScoringFixture {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/scoring")

    static var responsesPath: String { folder.appendingPathComponent("responses.jsonl").path }

    /// The fixture questionnaire, validated.
    static func load() throws -> CheckedQuestionnaire {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("scoring.yaml")))
        let report = Validator.validate(bytes)
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    /// The oracle's figures.
    static func expected() throws -> JSONValue {
        let bytes = Array(try Data(contentsOf: folder.appendingPathComponent("expected.json")))
        return try JSONParser().parse(bytes)
    }

    /// An engine over the fixture with `options`, having read `sources`; rejections are collected.
    static func score(_ sources: [ResponseSource], options: ScoreOptions = ScoreOptions()) throws
        -> (report: ScoreReport, rejections: [LineRejection])
    {
        let checked = try load()
        var engine = try ScoreEngine(checked, options: options)
        var rejections: [LineRejection] = []
        for source in sources { try engine.read(source) { rejections.append($0) } }
        return (engine.report(), rejections)
    }

    /// A valid record of the fixture questionnaire, as one JSON line without its newline; `edit` changes it first.
    static func line(id: String, segment: String? = "new", weight: Double = 1, recommend: Int = 9, ease: Int = 6,
                     completedAt: String = "2026-11-23T09:05:00Z", _ edit: (inout JSONObject) -> Void = { _ in }) -> String {
        var meta = JSONObject()
        if let segment { meta["segment"] = .string(segment) }
        meta["weight"] = .number(weight)
        let answers: JSONValue = [
            "eligible": true, "solved": true, "ease": .number(Double(ease)), "effort_hard": 2, "clarity": 5,
            "recommend": .number(Double(recommend)), "tier": 2, "used": ["app", "web"],
            "channel_sat": ["app": 4, "web": 2], "channel_nps": ["app": 10, "web": 3], "service": ["speed": 4, "staff": 5],
        ]
        var record: JSONObject = [
            "questionnaire": "scoring_fixture", "response_id": .string(id), "status": "complete",
            "completed_at": .string(completedAt), "meta": .object(meta), "answers": answers, "missing": [:],
            "computed": ["promoter": .bool(recommend >= 9)],
        ]
        edit(&record)
        return JSONWriter().string(.object(record))
    }
}

/// A temporary response file holding `lines`, each followed by a newline unless `tornTail` leaves the last without.
final class ResponseFile {
    let folder: TemporaryFolder
    let path: String

    init(_ lines: [String], tornTail: Bool = false, name: String = "responses.jsonl") throws {
        folder = try TemporaryFolder()
        path = folder.file(name)
        var text = lines.joined(separator: "\n")
        if !tornTail, !lines.isEmpty { text += "\n" }
        try StorageTestSupport.write(text, to: path)
    }

    var source: ResponseSource { .file(path) }
}

/// Whether `actual` agrees with the oracle's `expected` to 1e-6 (relative for large values); both absent agrees.
func agreesWithOracle(_ actual: Double?, _ expected: JSONValue?) -> Bool {
    let wanted = expected?.doubleValue
    guard let actual, let wanted else { return actual == nil && wanted == nil }
    return abs(actual - wanted) <= 1e-6 * max(1, abs(wanted))
}
