import Foundation
import Testing
import TouchpointCore

/// The commands agree on the rules, because they share one checked questionnaire: what `simulate` writes,
/// `verify` accepts and `score` scores; a multi answer is stored in option order however it was typed or given.
@Suite("commands agree")
struct CommandAgreementTests {
    private static let uuid = "^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"

    @Test func simulatedServiceContactResponsesPassVerifyAndAreAllScored() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("service_contact")
        let simulate = try workspace.run(["simulate", file, "-n", "50", "--out", "sc.jsonl"])
        #expect(simulate.status == 0, "\(simulate.stderr)")
        let verify = try workspace.run(["verify", file, "sc.jsonl"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
        let score = try workspace.run(["score", file, "sc.jsonl", "--format", "json"])
        let responses = try JSONParser().parse(score.stdout)["responses"]
        #expect(responses?["scored"] == .number(50))
        #expect(responses?["rejected"] == .number(0))
        let records = try workspace.records("sc.jsonl")
        for record in records {
            let caseID = try #require(record["meta"]?["case_id"]?.stringValue)
            #expect(caseID.wholeMatch(of: try Regex("[A-Z]{2}[0-9]{6}")) != nil, "case_id \(caseID)")
        }
    }

    @Test func simulatedResponseIdsAreUUIDsThatTheSeedReproduces() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        func ids(_ seed: String, _ out: String) throws -> [String] {
            _ = try workspace.run(["simulate", file, "-n", "20", "--seed", seed, "--out", out])
            return try workspace.records(out).compactMap { $0["response_id"]?.stringValue }
        }
        let first = try ids("4", "a.jsonl"), again = try ids("4", "b.jsonl"), other = try ids("5", "c.jsonl")
        #expect(first.count == 20)
        #expect(Set(first).count == 20)
        let uuid = try Regex(Self.uuid)
        for id in first { #expect(id.wholeMatch(of: uuid) != nil, "\(id) is not a version 4 UUID") }
        #expect(first == again)
        #expect(Set(first).isDisjoint(with: other))
    }

    @Test func aMultiAnswerGivenOutOfOrderIsStoredAndLoopedInOptionOrder() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let respondent = """
        {"meta":{"segment":"regular"},"answers":{"customer_12m":true,"purchases":2,"stages":["use","awareness"],\
        "stage_success":{"use":true,"awareness":true},"stage_effort":{"use":2,"awareness":3},\
        "stage_emotion":{"use":4,"awareness":5},"need_met":true,"recommend":9}}
        """
        try workspace.write("answers.jsonl", respondent + "\n")
        let result = try workspace.run(["run", file, "--answers", "answers.jsonl", "--out", "out.jsonl"])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try workspace.records("out.jsonl").first)
        #expect(record["answers"]?["stages"] == ["awareness", "use"])
        let path = (record["path"]?.arrayValue ?? []).compactMap(\.stringValue)
        let awareness = try #require(path.firstIndex(of: "stage_success[awareness]"))
        let use = try #require(path.firstIndex(of: "stage_success[use]"))
        #expect(awareness < use, "path \(path)")
    }

    @Test func typedOtherIsStoredLastAndItsTextIsPiped() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("service_contact")
        // Other first, then Phone; then the text of Other; then the rest of the interview.
        let input = "Other, 1\nCarrier pigeon\n3\n4\n4\n4\n4\ny\n4\n:skip\n"
        let result = try workspace.run(["run", file, "--set", "case_id=AB123456", "--out", "out.jsonl"], input: input)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let record = try #require(try workspace.records("out.jsonl").first)
        #expect(record["answers"]?["channels"] == ["phone", "other"])
        #expect(record["answers"]?["channels_other"] == "Carrier pigeon")
        #expect(result.stdout.contains("Thinking about your contact by Phone, Carrier pigeon,"), "\(result.stdout)")
    }
}
