import Foundation
import Testing
@testable import TouchpointCore

/// `verify`: the record checks plus a replay of each respondent through the questionnaire.
@Suite struct ResponseVerifierTests {
    static func verify(_ lines: [String]) throws -> (problems: [LineRejection], verifier: ResponseVerifier) {
        let checked = try ScoringFixture.load()
        let file = try ResponseFile(lines)
        var verifier = ResponseVerifier(checked)
        var problems: [LineRejection] = []
        try verifier.verify(file.source) { problems.append($0) }
        return (problems, verifier)
    }

    @Test func theFixtureResponsesAreCleanAndOfThisVersion() throws {
        let checked = try ScoringFixture.load()
        let yaml = Array(try Data(contentsOf: ScoringFixture.folder.appendingPathComponent("scoring.yaml")))
        var verifier = ResponseVerifier(checked, sha256: SHA256.hex(yaml))
        var problems: [LineRejection] = []
        try verifier.verify(.file(ScoringFixture.responsesPath)) { problems.append($0) }
        #expect(problems.isEmpty, "\(problems)")
        #expect(verifier.counts.read == 90 && verifier.counts.accepted == 90)
        #expect(verifier.otherVersions == 0)
    }

    @Test func anAnswerToAQuestionOffThePathIsAProblem() throws {
        let line = ScoringFixture.line(id: "x") { record in
            record["status"] = "screened_out"
            record["answers"] = ["eligible": false, "solved": true]
            record["computed"] = [:]
        }
        let problems = try Self.verify([line]).problems
        #expect(problems.map(\.problem.kind) == [.pathRule])
        #expect(problems.first?.problem.message.contains("`solved`") == true)
    }

    @Test func aMissingRequiredAnswerIsAProblem() throws {
        let line = ScoringFixture.line(id: "x") { ResponseRejectionTests.answer(&$0, "recommend", nil) ; Self.drop(&$0, "recommend") }
        let problems = try Self.verify([line]).problems
        #expect(problems.map(\.problem.kind) == [.pathRule])
        #expect(problems.first?.problem.message.contains("required question `recommend`") == true)
    }

    @Test func aStatusOrComputedValueTheAnswersDoNotGiveIsAProblem() throws {
        let wrongStatus = ScoringFixture.line(id: "s") { $0["status"] = "screened_out" }
        let wrongCompute = ScoringFixture.line(id: "c") { $0["computed"] = ["promoter": false] }
        let problems = try Self.verify([wrongStatus, wrongCompute]).problems
        #expect(problems.map { "\($0.line) \($0.problem.kind.rawValue)" } == ["1 inconsistent", "2 inconsistent"])
        #expect(problems[1].problem.message.contains("`promoter` is false, but the answers give true"))
    }

    @Test func theRecordChecksStillApplyAndCleanLinesPass() throws {
        let (problems, verifier) = try Self.verify([
            ScoringFixture.line(id: "ok"),
            ScoringFixture.line(id: "bad") { ResponseRejectionTests.answer(&$0, "ease", 8) },
            ScoringFixture.line(id: "ok"),
        ])
        #expect(problems.map { "\($0.line) \($0.problem.kind.rawValue)" } == ["2 bad_answer", "3 duplicate_id"])
        #expect(verifier.counts.accepted == 1)
    }

    static func drop(_ record: inout JSONObject, _ id: String) {
        guard case .object(var answers)? = record["answers"] else { return }
        answers[id] = nil
        record["answers"] = .object(answers)
    }
}
