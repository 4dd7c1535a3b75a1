import Foundation
import Testing
import TouchpointCore

/// What every command prints and writes, for the bundled questionnaires and the all-types fixture, compared
/// with golden files: simulate (report and records), verify, score (table, json, csv), show (en and zh), test,
/// and the records of a headless run.
///
/// They pin behaviour while the engine, records and scoring are restructured: any change in what a user sees
/// shows up here as a diff to review. Response ids and clock times are masked; everything else is compared
/// byte for byte. Re-record with TOUCHPOINT_RECORD_GOLDEN=1 (see Golden.swift).
@Suite("command goldens")
struct CommandGoldenTests {
    static let bundled = ["customer_journey", "relationship_nps", "service_contact", "usability_test"]
    static let all = bundled + ["all_types"]

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        for name in Self.bundled { try workspace.copyBundled(name) }
        try workspace.copyFixture("all_types.yaml", as: "questionnaires/all_types.yaml")
        try workspace.copyFixture("answers/all_types.jsonl", as: "answers.jsonl")
        return workspace
    }

    /// Simulated responses of `name`, seeded: 300 respondents written to `sim.jsonl`.
    private func simulated(_ name: String, in workspace: Workspace) throws -> RunResult {
        try workspace.run(["simulate", "questionnaires/\(name).yaml", "-n", "300", "--seed", "11", "--out", "sim.jsonl"])
    }

    @Test(arguments: all)
    func simulateReportsAndWritesTheRecordsTheGoldenFilesShow(name: String) throws {
        let workspace = try workspace()
        let result = try simulated(name, in: workspace)
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, "simulate-\(name).txt")
        let lines = String(decoding: try workspace.bytes("sim.jsonl"), as: UTF8.self).split(separator: "\n")
        #expect(lines.count == 300)
        try Golden.check(Self.masked(lines.prefix(25).joined(separator: "\n") + "\n"), "simulate-\(name).jsonl")
    }

    @Test(arguments: all)
    func verifyOnSimulatedResponsesSaysWhatTheGoldenFileShows(name: String) throws {
        let workspace = try workspace()
        _ = try simulated(name, in: workspace)
        let result = try workspace.run(["verify", "questionnaires/\(name).yaml", "sim.jsonl"])
        try Golden.check("exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(Self.firstLines(result.stderr, 12))",
                         "verify-\(name).txt")
    }

    @Test(arguments: all)
    func scoreOnSimulatedResponsesPrintsWhatTheGoldenFilesShow(name: String) throws {
        let workspace = try workspace()
        _ = try simulated(name, in: workspace)
        for format in ["table", "json", "csv"] {
            let result = try workspace.run(["score", "questionnaires/\(name).yaml", "sim.jsonl", "--format", format])
            try Golden.check("exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(Self.firstLines(result.stderr, 12))",
                             "score-\(name).\(format)")
        }
    }

    @Test func scoreByGroupsAndPeriodsPrintsWhatTheGoldenFileShows() throws {
        let workspace = try workspace()
        _ = try simulated("customer_journey", in: workspace)
        let result = try workspace.run(["score", "questionnaires/customer_journey.yaml", "sim.jsonl",
                                        "--by", "meta.segment", "--period", "month", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        try Golden.check(result.stdout, "score-customer_journey-by-segment.json")
    }

    @Test(arguments: all)
    func showPrintsTheScriptTheGoldenFilesShowInEachLanguage(name: String) throws {
        let workspace = try workspace()
        for language in ["en", "zh"] where name == "customer_journey" || language == "en" {
            let result = try workspace.run(["show", "questionnaires/\(name).yaml", "--lang", language])
            #expect(result.status == 0, "\(result.stderr)")
            try Golden.check(result.stdout, "show-\(name)-\(language).md")
        }
    }

    @Test(arguments: all)
    func testReportsTheInFileTestsAsTheGoldenFileShows(name: String) throws {
        let workspace = try workspace()
        let result = try workspace.run(["test", "questionnaires/\(name).yaml"])
        try Golden.check("exit \(result.status)\n--- stdout\n\(result.stdout)--- stderr\n\(result.stderr)", "test-\(name).txt")
    }

    @Test func aHeadlessRunWritesTheRecordsTheGoldenFileShows() throws {
        let workspace = try workspace()
        let result = try workspace.run(["run", "questionnaires/all_types.yaml", "--answers", "answers.jsonl", "--seed", "5",
                                        "--out", "out.jsonl", "--interviewer", "li"])
        try Golden.check("exit \(result.status)\n--- stderr\n\(result.stderr)", "run-all_types.txt")
        let records = String(decoding: try workspace.bytes("out.jsonl"), as: UTF8.self)
        try Golden.check(Self.masked(records), "run-all_types.jsonl")
    }

    // MARK: Masking

    /// The text with response ids and clock times replaced by placeholders.
    static func masked(_ text: String) -> String {
        var out = text
        for key in ["response_id", "started_at", "completed_at"] {
            out = replacing(key: key, in: out)
        }
        return out
    }

    private static func replacing(key: String, in text: String) -> String {
        let marker = "\"\(key)\":\""
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: marker) {
            result += rest[..<range.upperBound]
            rest = rest[range.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            result += "<\(key)>"
            rest = rest[end...]
        }
        return result + rest
    }

    private static func firstLines(_ text: String, _ count: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.count <= count + 1 { return text }
        return lines.prefix(count).joined(separator: "\n") + "\n… \(lines.count - count - 1) more lines\n"
    }
}
