import Foundation
import Testing
import TouchpointCore

/// `touchpoint validate`: output formats compared with golden files, and exit codes (SPEC section 1).
///
/// Golden files live in Fixtures/golden/; re-record them with TOUCHPOINT_RECORD_GOLDEN=1 (see Golden.swift).
@Suite("validate")
struct ValidateCommandTests {
    private static let bundled = ["customer_journey", "relationship_nps", "service_contact"]

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyFixture("broken.yaml")
        try workspace.copyFixture("warnings_only.yaml")
        try workspace.copyFixture("all_types.yaml")
        for name in Self.bundled { try workspace.copyBundled(name) }
        return workspace
    }

    @Test(arguments: ["text", "json", "github", "sarif"])
    func aBrokenFileIsReportedInEachFormatAsTheGoldenFileShows(format: String) throws {
        let result = try workspace().run(["validate", "broken.yaml", "--format", format])
        #expect(result.status == 1)
        try Golden.check(result.stdout, "validate-broken.\(format)")
    }

    @Test(arguments: ["text", "json", "github"])
    func theBundledQuestionnairesValidateAsTheGoldenFileShows(format: String) throws {
        let result = try workspace().run(["validate", "questionnaires/", "--format", format])
        #expect(result.status == 0, "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        try Golden.check(result.stdout, "validate-questionnaires.\(format)")
    }

    @Test func theBrokenFileFindingsPointAtLinesAndColumnsAndSuggestFixes() throws {
        let result = try workspace().run(["validate", "broken.yaml", "--format", "json"])
        let findings = try #require(try JSONParser().parse(result.stdout).arrayValue)
        let codes = findings.compactMap { $0["code"]?.stringValue }
        for code in ["unknown-key", "undefined-name", "not-an-option", "unknown-placeholder", "duplicate-id"] {
            #expect(codes.contains(code), "no \(code) among \(codes)")
        }
        for finding in findings {
            #expect(finding.keys == ["file", "line", "column", "severity", "code", "message"])
            #expect(finding["file"] == "broken.yaml")
            #expect((finding["line"]?.intValue ?? 0) >= 1 && (finding["column"]?.intValue ?? 0) >= 1)
        }
        let typo = findings.first { $0["code"] == "undefined-name" }
        #expect(typo?["line"] == 9)
        #expect(typo?["message"]?.stringValue?.contains("did you mean `recommend`") == true)
    }

    @Test func sarifOutputHasOneRunWithEveryRuleAndResultsPointingIntoTheFiles() throws {
        let result = try workspace().run(["validate", "broken.yaml", "--format", "sarif"])
        let log = try JSONParser().parse(result.stdout)
        #expect(log["version"] == "2.1.0")
        #expect(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json")
        let run = try #require(log["runs"]?[0])
        #expect(run["columnKind"] == "unicodeCodePoints")
        let rules = try #require(run["tool"]?["driver"]?["rules"]?.arrayValue)
        #expect(rules.compactMap { $0["id"]?.stringValue } == DiagnosticCode.allCases.map(\.rawValue))
        let results = try #require(run["results"]?.arrayValue)
        #expect(!results.isEmpty)
        for r in results {
            let index = try #require(r["ruleIndex"]?.intValue)
            #expect(rules[index]["id"] == r["ruleId"])
            #expect(["error", "warning"].contains(r["level"]?.stringValue ?? ""))
            let location = r["locations"]?[0]?["physicalLocation"]
            #expect(location?["artifactLocation"]?["uri"] == "broken.yaml")
            #expect((location?["region"]?["startLine"]?.intValue ?? 0) >= 1)
        }
    }

    @Test func validFilesExitZeroAndAMissingPathExitsTwo() throws {
        let workspace = try workspace()
        #expect(try workspace.run(["validate", "all_types.yaml", "questionnaires/"]).status == 0)
        let missing = try workspace.run(["validate", "questionnaires/", "no_such_file.yaml"])
        #expect(missing.status == 2)
        #expect((missing.stdout + missing.stderr).contains("no_such_file.yaml"))
        #expect(try workspace.run(["validate"]).status == 2, "no path is a usage error")
        #expect(try workspace.run(["validate", "broken.yaml", "questionnaires/"]).status == 1)
    }

    @Test func warningsFailOnlyWithStrict() throws {
        let workspace = try workspace()
        let relaxed = try workspace.run(["validate", "warnings_only.yaml"])
        #expect(relaxed.status == 0)
        #expect(relaxed.stdout.contains("warning:") && relaxed.stdout.contains("[budget-exceeded]"))
        #expect(relaxed.stdout.contains("warnings_only.yaml: ok"))
        let strict = try workspace.run(["validate", "--strict", "warnings_only.yaml"])
        #expect(strict.status == 1)
        #expect(try workspace.run(["validate", "--strict", "questionnaires/"]).status == 0)
    }
}
