import Foundation
import Testing
import TouchpointCore

/// The questionnaires shipped in `questionnaires/` are clean: no finding at all, their own tests passing.
@Suite("Bundled questionnaires")
struct BundledQuestionnaireTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("questionnaires")

    static var files: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }

    func load(_ name: String) throws -> Validator.Report {
        let bytes = try [UInt8](Data(contentsOf: Self.folder.appendingPathComponent(name)))
        return Validator.validate(bytes, runTests: InFileTests.diagnostics)
    }

    @Test func thereAreFourBundledQuestionnaires() {
        #expect(Self.files == ["customer_journey.yaml", "relationship_nps.yaml", "service_contact.yaml", "usability_test.yaml"])
    }

    @Test("no errors, no warnings, tests pass", arguments: files)
    func validatesWithoutFindings(_ name: String) throws {
        let report = try load(name)
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map { "\($0.position) \($0.code.rawValue): \($0.fullMessage)" })")
        #expect(!(report.questionnaire?.tests.isEmpty ?? true), "\(name) has in-file tests")
    }

    @Test("the effort range bounds every simulated path", arguments: files)
    func effortBoundsSimulatedPaths(_ name: String) throws {
        let report = try load(name)
        let effort = try #require(report.effort)
        let simulation = Simulator(try #require(report.checked))
            .run(count: 300, seed: 5)
        #expect((simulation.pathLengths.max() ?? 0) <= effort.maxQuestions)
        #expect((simulation.pathLengths.min() ?? 0) >= effort.minQuestions)
        #expect((simulation.seconds.max() ?? 0) <= effort.maxSeconds)
    }

    @Test("walking on from the last prompt agrees with walking from the start", arguments: files)
    func resumedWalkAgreesWithFullWalk(_ name: String) throws {
        let report = try load(name)
        let checked = try #require(report.checked)
        _ = Simulator(checked).run(count: 100, seed: 9) { interview, _ in
            var fresh = Interview(checked, meta: interview.meta, seed: interview.seed)
            fresh.confirmSoftChecksAutomatically = true
            for step in interview.steps {
                _ = fresh.submit(step.outcome)
                var full = fresh
                full.setMeta("_walk", .null)
                #expect(full.prompt?.key == fresh.prompt?.key)
                #expect(full.computed == fresh.computed)
            }
        }
    }
}
