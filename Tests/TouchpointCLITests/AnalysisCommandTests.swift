import Foundation
import Testing
import TouchpointCore

/// `export`, `tab`, `verbatims` and `score --by` comparisons through the built binary, on simulated
/// responses to Fixtures/all_types.yaml (every question type and every missing reason) and to the bundled
/// customer_journey questionnaire (two languages). Outputs are compared with Fixtures/golden/analysis-*.
@Suite("analysis commands")
struct AnalysisCommandTests {
    /// A workspace with all_types.yaml, 80 simulated responses (seed 3) and one hand-made line per kind of
    /// trouble: formula-like and Chinese text, and a line of another questionnaire.
    private func allTypes() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        let simulated = try workspace.run(["simulate", "all_types.yaml", "-n", "80", "--seed", "3", "--out", "responses.jsonl"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        var text = String(decoding: try workspace.bytes("responses.jsonl"), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"comment\":\"aa\"", with: "\"comment\":\"=SUM(A1:A9), \\\"quoted\\\"\"")
        text = text.replacingOccurrences(of: "\"comment\":\"a\"", with: "\"comment\":\"等待时间太长\"")
        text += "{\"questionnaire\":\"other\",\"response_id\":\"x\",\"status\":\"complete\",\"answers\":{}}\n"
        try workspace.write("responses.jsonl", text)
        return workspace
    }

    @Test func exportWritesTheSpecColumnsAsCSVWithACodebook() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--format", "csv", "--codebook", "codebook.json"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("belongs to questionnaire `other`"))
        try Golden.check(result.stdout, "analysis-export-all_types.csv")
        try Golden.check(String(decoding: try workspace.bytes("codebook.json"), as: UTF8.self), "analysis-codebook-all_types.json")
        let header = try #require(result.stdout.split(separator: "\r\n").first)
        #expect(header.hasPrefix("response_id,status,respondent,interviewer,mode,language,started_at,completed_at,meta_region,consent,channel,channel_other_text,products_tv"))
    }

    @Test func exportNeutralisesFormulasAndQuotesCellsAsRFC4180Says() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--format", "csv"])
        #expect(result.stdout.contains(",\"'=SUM(A1:A9), \"\"quoted\"\"\","))
        #expect(result.stdout.contains("等待时间太长"))
        #expect(result.stdout.contains(",-97,"), "don't know is written as its code")
    }

    @Test func exportWithStrictFailsWhenALineWasRejected() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--strict", "--out", "out.csv"])
        #expect(result.status == 1)
    }

    @Test func theBOMFlagStartsTheFileWithAByteOrderMark() throws {
        let workspace = try allTypes()
        try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--bom", "--out", "out.csv"])
        #expect(Array(try workspace.bytes("out.csv").prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    @Test func savExportIsASystemFileWithUTF8AndEveryVariableNamed() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--format", "sav", "--out", "out.sav",
                                        "--codebook", "codebook.csv"])
        #expect(result.status == 0)
        let bytes = try workspace.bytes("out.sav")
        #expect(String(decoding: bytes.prefix(4), as: UTF8.self) == "$FL2")
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("UTF-8"))
        #expect(text.contains("V1=response_id\tV2=status"))
        #expect(text.contains("How did you last reach us?"))
        let codebook = String(decoding: try workspace.bytes("codebook.csv"), as: UTF8.self)
        #expect(codebook.contains("channel,How did you last reach us?,channel,single,numeric,nominal,[1] Website; [2] Shop; [3] Telephone; [4] Other"))
    }

    @Test func savExportRefusesToWriteBinaryToATerminalAndCodebooksNeedAKnownExtension() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["export", "all_types.yaml", "responses.jsonl", "--codebook", "book.txt"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".csv or .json"))
    }

    @Test func tabGivesFrequenciesWithMissingByKind() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "visits"])
        #expect(result.status == 2, "a number question cannot be tabulated")
        let channel = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "channel"])
        #expect(channel.status == 0)
        try Golden.check(channel.stdout, "analysis-tab-channel.txt")
        let service = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "service", "--by", "meta.region"])
        try Golden.check(service.stdout, "analysis-tab-service-by-region.txt")
        let json = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "products", "--by", "meta.region", "--format", "json"])
        try Golden.check(json.stdout, "analysis-tab-products-by-region.json")
        let csv = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "recommend", "--format", "csv"])
        try Golden.check(csv.stdout, "analysis-tab-recommend.csv")
    }

    @Test func tabNamesAnUnknownQuestionWithASuggestion() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["tab", "all_types.yaml", "responses.jsonl", "chanel"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean `channel`?"))
    }

    @Test func tabMarksColumnsThatAreSignificantlyHigherWithTheirLetters() throws {
        let workspace = try Workspace()
        let path = try workspace.copyBundled("customer_journey")
        try workspace.run(["simulate", path, "-n", "2000", "--seed", "8", "--out", "cj.jsonl"])
        let result = try workspace.run(["tab", path, "cj.jsonl", "stages", "--by", "meta.segment", "--lang", "zh"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, "analysis-tab-stages-by-segment-zh.txt")
    }

    @Test func verbatimsListsTextAnswersWithScoresAndGroups() throws {
        let workspace = try allTypes()
        let result = try workspace.run(["verbatims", "all_types.yaml", "responses.jsonl", "comment", "--when", "recommend <= 6",
                                        "--with", "recommend", "--by", "meta.region"])
        #expect(result.status == 0)
        try Golden.check(result.stdout, "analysis-verbatims-comment.txt")
        let csv = try workspace.run(["verbatims", "all_types.yaml", "responses.jsonl", "channel_other", "--format", "csv"])
        try Golden.check(csv.stdout, "analysis-verbatims-channel_other.csv")
        let bad = try workspace.run(["verbatims", "all_types.yaml", "responses.jsonl", "ease"])
        #expect(bad.status == 2)
    }

    @Test func scoreByComparesEachGroupWithTheRestInJSON() throws {
        let workspace = try Workspace()
        let path = try workspace.copyBundled("customer_journey")
        try workspace.run(["simulate", path, "-n", "400", "--seed", "5", "--out", "cj.jsonl"])
        let result = try workspace.run(["score", path, "cj.jsonl", "--by", "meta.segment", "--format", "json"])
        let json = try JSONParser().parse(Array(result.stdout.utf8))
        #expect(json["responses"]?["by_status"]?["complete"] == 191)
        #expect(json["responses"]?["by_status"]?["screened_out"] == 209)
        let group = try #require(json["groups"]?[0])
        let vsRest = try #require(group["scores"]?["nps"]?["vs_rest"])
        #expect(vsRest["difference"] != nil && vsRest["se"] != nil && vsRest["statistic"] != nil && vsRest["p"] != nil)
        let pairwise = try workspace.run(["score", path, "cj.jsonl", "--by", "meta.segment", "--compare", "pairwise", "--format", "json"])
        let paired = try JSONParser().parse(Array(pairwise.stdout.utf8))
        #expect(paired["groups"]?[0]?["scores"]?["nps"]?["vs"]?["regular"]?["p"] != nil)
        let table = try workspace.run(["score", path, "cj.jsonl", "--by", "meta.segment", "--by", "need_met", "--lang", "zh"])
        try Golden.check(table.stdout, "analysis-score-by-segment-need_met-zh.txt")
        #expect(!table.stdout.contains("(missing)"))
    }

    @Test func scoreTakesWeightsFromAFileByRespondent() throws {
        let workspace = try Workspace()
        let path = try workspace.copyBundled("relationship_nps")
        try workspace.run(["simulate", path, "-n", "20", "--seed", "2", "--out", "r.jsonl"])
        let rows = (1...20).map { "S\($0),\($0 % 2 == 0 ? "2" : "0.5")" }.joined(separator: "\n")
        try workspace.write("w.csv", "respondent,weight\n" + rows + "\n")
        let result = try workspace.run(["score", path, "r.jsonl", "--weights", "w.csv", "--weight-key", "respondent", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"n_eff\""))
        try workspace.write("bad.csv", "respondent,weight\nS1,-3\n")
        let bad = try workspace.run(["score", path, "r.jsonl", "--weights", "bad.csv"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("line 2"))
    }

    @Test func scoreGroupsByLanguageAndSummarisesRepeatedRejections() throws {
        let workspace = try Workspace()
        let path = try workspace.copyBundled("customer_journey")
        try workspace.run(["simulate", path, "-n", "30", "--seed", "4", "--out", "cj.jsonl"])
        var text = String(decoding: try workspace.bytes("cj.jsonl"), as: UTF8.self)
        for index in 0..<12 { text += "{\"questionnaire\":\"other\",\"response_id\":\"o\(index)\",\"status\":\"complete\",\"answers\":{}}\n" }
        try workspace.write("cj.jsonl", text)
        let result = try workspace.run(["score", path, "cj.jsonl", "--by", "language"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.components(separatedBy: "belongs to questionnaire").count - 1 == 5)
        #expect(result.stderr.contains("7 more other_questionnaire lines like these not shown (12 in all)"))
        #expect(result.stdout.contains("complete"))
        #expect(result.stdout.contains("incidence"))
    }
}
