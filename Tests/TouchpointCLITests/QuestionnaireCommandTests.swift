import Foundation
import Testing
import TouchpointCore

/// `touchpoint show`, `test` and `simulate` on the bundled questionnaires.
@Suite("show, test, simulate")
struct QuestionnaireCommandTests {
    private static let bundled = ["customer_journey", "relationship_nps", "service_contact"]

    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        for name in Self.bundled { try workspace.copyBundled(name) }
        return workspace
    }

    @Test func showRendersTheScriptWithRoutingInWordsInEnglish() throws {
        let result = try workspace().run(["show", "questionnaires/customer_journey.yaml"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# Your journey with us\n"))
        #expect(text.contains("Asked if recommend is 6 or less."))
        #expect(text.contains("How likely are you to recommend us to a friend or colleague?"))
        #expect(text.contains("`stage_effort`"))
        #expect(text.contains("Codebook"))
        #expect(!text.contains("您的客户旅程"))
    }

    @Test func showRendersTheScriptInChinese() throws {
        let result = try workspace().run(["show", "questionnaires/customer_journey.yaml", "--lang", "zh"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = result.stdout
        #expect(text.hasPrefix("# 您的客户旅程\n"))
        #expect(text.contains("您向朋友或同事推荐我们的可能性有多大？"))
        #expect(text.contains("寻求帮助或反馈意见"))
        #expect(text.contains("编码手册"))
        #expect(!text.contains("How likely are you to recommend us"))
    }

    @Test(arguments: ["relationship_nps", "service_contact"])
    func showRendersEveryBundledQuestionnaire(name: String) throws {
        let workspace = try workspace()
        let english = try workspace.run(["show", "questionnaires/\(name).yaml"])
        #expect(english.status == 0)
        #expect(english.stdout.contains("`\(name)`"))
        #expect(english.stdout.contains("`recommend`") || english.stdout.contains("`channels`"))
        if name == "service_contact" {
            #expect(english.stdout.contains("Staff attitude and courtesy"))
            let chinese = try workspace.run(["show", "questionnaires/\(name).yaml", "--lang", "zh"])
            #expect(chinese.status == 0)
            #expect(chinese.stdout.hasPrefix("# 您最近一次联系我们的体验\n"))
            #expect(chinese.stdout.contains("工作人员的态度与礼貌"))
        }
    }

    @Test func showRefusesAnInvalidFile() throws {
        let workspace = try workspace()
        try workspace.copyFixture("broken.yaml")
        let result = try workspace.run(["show", "broken.yaml"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("broken.yaml"))
    }

    @Test func testRunsEveryInFileTestOfTheBundledQuestionnaires() throws {
        let workspace = try workspace()
        let files = Self.bundled.map { "questionnaires/\($0).yaml" }
        // The number of `tests:` cases, counted from the files themselves.
        let cases = try files.reduce(0) { total, file in
            let text = String(decoding: try workspace.bytes(file), as: UTF8.self)
            return total + text.split(separator: "\n").filter { $0.hasPrefix("  - name:") }.count
        }
        #expect(cases >= 10)
        let result = try workspace.run(["test"] + files)
        #expect(result.status == 0, "stdout: \(result.stdout)")
        #expect(result.stdout.hasSuffix("\(cases) passed, 0 failed\n"), "stdout: \(result.stdout)")
        #expect(result.stdout.components(separatedBy: "PASS ").count - 1 == cases)
    }

    @Test func testFailsWhenAnExpectationIsNotMet() throws {
        let workspace = try workspace()
        let source = String(decoding: try workspace.bytes("questionnaires/relationship_nps.yaml"), as: UTF8.self)
        let wrong = source.replacingOccurrences(of: "expect: {status: complete, asked: [recommend, may_contact]}",
                                                with: "expect: {status: screened_out, asked: [recommend, may_contact]}")
        #expect(wrong != source)
        try workspace.write("wrong.yaml", wrong)
        let result = try workspace.run(["test", "wrong.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL"))
        #expect(result.stdout.hasSuffix("1 passed, 1 failed\n"), "stdout: \(result.stdout)")
    }

    @Test func simulateReportsHowOftenEachQuestionIsReached() throws {
        let workspace = try workspace()
        let arguments = ["simulate", "questionnaires/customer_journey.yaml", "-n", "200", "--seed", "1"]
        let result = try workspace.run(arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "200 simulated respondents of `customer_journey`")
        // One share per question, section and end, as a percentage.
        var shares: [String: Double] = [:]
        for line in lines {
            if let match = line.firstMatch(of: /^  (\w+)\s+(\d+\.\d)%/) { shares[String(match.1)] = Double(match.2) }
        }
        #expect(shares["customer_12m"] == 100.0)
        for id in ["purchases", "stages", "journey", "need_met", "recommend", "reason", "not_a_customer"] {
            let share = try #require(shares[id], "no share for \(id) in\n\(result.stdout)")
            #expect(share > 0 && share < 100, "\(id): \(share)%")
        }
        #expect((shares["recommend"] ?? 0) == (shares["need_met"] ?? -1))
        #expect((shares["reason"] ?? 100) < (shares["recommend"] ?? 0))
        // The same seed gives the same report.
        #expect(try workspace.run(arguments).stdout == result.stdout)
    }
}
