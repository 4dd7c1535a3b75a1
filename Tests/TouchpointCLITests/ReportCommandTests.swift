import Foundation
import Testing
import TouchpointCore

/// `touchpoint report`: the page written, where it goes, and usage errors (SPEC sections 1 and 8).
@Suite("report")
struct ReportCommandTests {
    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyBundled("customer_journey")
        return workspace
    }

    @Test func simulatedResponsesGiveOnePageWithEveryChart() throws {
        let w = try workspace()
        try w.run(["simulate", "questionnaires/customer_journey.yaml", "-n", "300", "--seed", "7", "--out", "sim.jsonl"])
        let result = try w.run(["report", "questionnaires/customer_journey.yaml", "sim.jsonl", "--by", "meta.segment", "--out", "report.html"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr == "touchpoint: wrote report.html\n")
        #expect(result.stdout.isEmpty)
        let html = String(decoding: try w.bytes("report.html"), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"en\">"))
        #expect(html.components(separatedBy: "<svg ").count - 1 == 15)
        #expect(!html.contains("<script"))
    }

    @Test func withoutOutThePageIsNamedAfterTheQuestionnaireAndDashMeansStandardOutput() throws {
        let w = try workspace()
        try w.run(["simulate", "questionnaires/customer_journey.yaml", "-n", "20", "--out", "sim.jsonl"])
        #expect(try w.run(["report", "questionnaires/customer_journey.yaml", "sim.jsonl"]).status == 0)
        #expect(w.exists("customer_journey-report.html"))
        let piped = try w.run(["report", "questionnaires/customer_journey.yaml", "sim.jsonl", "--lang", "zh", "--out", "-"])
        #expect(piped.status == 0)
        #expect(piped.stdout.contains("<html lang=\"zh\">"))
        #expect(piped.stdout.contains("客户体验报告"))
    }

    @Test(arguments: [
        (["--by", "stages"], "--by stages: `stages` is a multi question"),
        (["--lang", "fr"], "--lang fr: `customer_journey` is written in en, zh; pick one of them"),
        (["--out", "no/such/folder/r.html"], "the folder no/such/folder does not exist"),
        (["--period", "year"], "year"),
    ])
    func unusableOptionsExitWithStatusTwoAndSayWhy(arguments: [String], message: String) throws {
        let w = try workspace()
        try w.write("empty.jsonl", "")
        let result = try w.run(["report", "questionnaires/customer_journey.yaml", "empty.jsonl"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func aMissingResponseFileExitsWithStatusTwo() throws {
        let result = try workspace().run(["report", "questionnaires/customer_journey.yaml", "missing.jsonl"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("missing.jsonl"))
    }
}
