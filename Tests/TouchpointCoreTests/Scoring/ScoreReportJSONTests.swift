import Testing
@testable import TouchpointCore

/// The JSON that `score --format json` writes: the shape of SPEC section 6, exactly.
@Suite struct ScoreReportJSONTests {
    static func report(_ options: ScoreOptions = ScoreOptions()) throws -> JSONValue {
        try ScoringFixture.score([.file(ScoringFixture.responsesPath)], options: options).report.json
    }

    @Test func topLevelKeysAndResponseCountsAreThoseOfTheSpec() throws {
        let json = try Self.report()
        #expect(json.objectValue?.keys == ["questionnaire", "responses", "scores", "groups"])
        #expect(json["questionnaire"] == "scoring_fixture")
        #expect(json["responses"] == ["read": 90, "scored": 90, "rejected": 0])
        #expect(json["groups"] == [])
        #expect(json["scores"]?.objectValue?.keys == ["nps", "channel_nps", "ease_top2", "ease_bottom3", "csat", "tier_top",
                                                      "success", "loyal_new", "ces", "ces_sum", "channel_mean",
                                                      "channel_service", "service", "drivers"])
    }

    @Test func eachMethodHasItsKeys() throws {
        let scores = try #require(try Self.report()["scores"])
        #expect(scores["nps"]?.objectValue?.keys == ["method", "n", "value", "ci95", "promoters", "passives", "detractors"])
        #expect(scores["ease_top2"]?.objectValue?.keys == ["method", "n", "value", "ci95", "count"])
        #expect(scores["success"]?["method"] == "percent")
        #expect(scores["ces"]?.objectValue?.keys == ["method", "n", "value", "ci95", "sd", "alpha"])
        #expect(scores["drivers"]?.objectValue?.keys == ["method", "n", "value", "items"])
        #expect(scores["drivers"]?["value"] == .null)
        let item = try #require(scores["drivers"]?["items"]?[0])
        #expect(item.objectValue?.keys == ["item", "n", "r", "ci95"])
        #expect(scores["nps"]?["ci95"]?.arrayValue?.count == 2)
        #expect(scores["channel_mean"]?["alpha"] == .null, "alpha needs two items")
        #expect(scores["ces_sum"]?["alpha"]?.doubleValue != nil)
    }

    @Test func weightedScoresCarryTheEffectiveSampleSize() throws {
        let scores = try #require(try Self.report(ScoreOptions(weight: "meta.weight"))["scores"])
        #expect(scores["nps"]?.objectValue?.keys == ["method", "n", "n_eff", "value", "ci95", "promoters", "passives", "detractors"])
        #expect(scores["ces"]?.objectValue?.keys.contains("n_eff") == true)
        #expect(scores["drivers"]?["items"]?[0]?.objectValue?.keys == ["item", "n", "n_eff", "r", "ci95"])
    }

    @Test func groupsCarryTheirValuesAndResponseCounts() throws {
        let groups = try #require(try Self.report(ScoreOptions(groupBy: ["meta.segment"]))["groups"]?.arrayValue)
        #expect(groups.map { $0["by"] } == [["meta.segment": "new"], ["meta.segment": "regular"], ["meta.segment": "(missing)"]])
        #expect(groups.allSatisfy { $0.objectValue?.keys == ["by", "responses", "scores"] })
        #expect(groups.compactMap { $0["responses"]?.intValue }.reduce(0, +) == 90)
    }

    @Test func figuresAreRoundedToSixDecimalsAndCountsAreWhole() throws {
        let nps = try #require(try Self.report()["scores"]?["nps"])
        let value = try #require(nps["value"]?.doubleValue)
        #expect(ScoreNumber.text(value) == ScoreNumber.text(value, places: 6))
        #expect((value * 1e6).rounded() / 1e6 == value || abs(value * 1e6 - (value * 1e6).rounded()) < 1e-6)
        #expect(nps["promoters"]?.intValue != nil)
    }

    @Test func roundingIsThatOfTheExactBinaryValueAsPythonAndPrintfDoIt() {
        #expect(ScoreNumber.text(2.675, places: 2) == "2.67")  // 2.675 is 2.67499999... in binary
        #expect(ScoreNumber.text(0.125, places: 2) == "0.12")  // an exact tie goes to the even digit
        #expect(ScoreNumber.text(-0.0000001) == "0.000000")
        #expect(ScoreNumber.compact(12.5) == "12.5")
        #expect(ScoreNumber.compact(-3) == "-3")
        #expect(ScoreNumber.json(nil) == .null)
        #expect(ScoreNumber.json(1.23456789) == 1.234568)
    }

    @Test func aScoreWithNoCasesHasNullFiguresAndZeroCounts() throws {
        let file = try ResponseFile([ScoringFixture.line(id: "out") { record in
            record["status"] = "screened_out"
            record["answers"] = ["eligible": false]
            record["computed"] = [:]
        }])
        let json = try ScoringFixture.score([file.source]).report.json
        #expect(json["scores"]?["nps"] == ["method": "nps", "n": 0, "value": nil, "ci95": nil, "promoters": 0, "passives": 0,
                                           "detractors": 0])
        #expect(json["scores"]?["success"]?["n"] == 0, "a screened-out respondent was never asked `solved`")
    }
}
