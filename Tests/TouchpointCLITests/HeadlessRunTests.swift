import Foundation
import Testing
import TouchpointCore

/// `touchpoint run --answers`: scripted respondents through the built binary, checked line by line
/// against SPEC sections 4 and 5.
///
/// Fixtures/all_types.yaml has every question type, a loop, a grid, a screen-out, piping, a hard and a soft
/// check, don't know / refused, `other` and a shuffled question; Fixtures/answers/all_types.jsonl has one
/// respondent a line: R1-R3 and R13 are accepted, the lines in `rejections` are not.
@Suite("run --answers")
struct HeadlessRunTests {
    /// The keys of a response line, in the order of the SPEC section 5 example.
    static let specKeyOrder = ["questionnaire", "version", "questionnaire_sha256", "response_id", "status", "respondent",
                               "interviewer", "mode", "language", "started_at", "completed_at", "meta", "answers", "missing",
                               "computed", "path", "durations_ms", "option_order", "warnings"]

    /// Input line of all_types.jsonl -> the question its rejection must name.
    static let rejections: [(line: Int, question: String, why: String)] = [
        (4, "visits", "hard check"),
        (5, "ease", "out of range"),
        (6, "recommend", "no answer to a required question"),
        (7, "product_sat[none]", "a question the path never asks"),
        (8, "channel", "not an option"),
        (9, "last_visit", "not a calendar date"),
        (10, "recommend", "asked after the screen-out"),
        (11, "products", "exclusive option combined"),
    ]

    private struct Batch {
        let workspace: Workspace
        let result: RunResult
        let records: [JSONValue]
        let started: Date

        func record(_ respondent: String) throws -> JSONValue {
            try #require(records.first { $0["respondent"]?.stringValue == respondent }, "no line for \(respondent)")
        }
    }

    private func runAllTypes(seed: Int = 42) throws -> Batch {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        try workspace.copyFixture("answers/all_types.jsonl", as: "answers.jsonl")
        // RFC 3339 times have whole seconds: compare from the start of this second.
        let started = Date(timeIntervalSince1970: Date().timeIntervalSince1970.rounded(.down))
        let result = try workspace.run(["run", "all_types.yaml", "--answers", "answers.jsonl", "--seed", String(seed),
                                        "--interviewer", "li", "--out", "out/all_types.jsonl"])
        return Batch(workspace: workspace, result: result, records: try workspace.records("out/all_types.jsonl"), started: started)
    }

    @Test func everyQuestionTypeIsRecordedInItsJSONAnswerShape() throws {
        let batch = try runAllTypes()
        let r1 = try batch.record("R1")
        let expected: JSONValue = [
            "consent": true,                                     // yes_no
            "channel": "other",                                  // single, with other
            "channel_other": "A friend told me",                 // the other text
            "products": ["tv", "radio"],                         // multi, in option order
            "product_sat": ["tv": 4, "radio": 2],                // scale in a loop, keyed by option
            "ease": 2,                                           // scale
            "recommend": 10,                                     // nps
            "visits": 3,                                         // number
            "comment": "Quick and friendly.",                    // text
            "last_visit": "2026-05-01",                          // date
            "service": ["speed": 4, "courtesy": 5],              // grid, keyed by row
        ]
        #expect(r1["answers"]?.sortingKeys == expected.sortingKeys)
        // A note is shown (on the path) but has no answer.
        #expect(r1["answers"]?["welcome"] == nil)
        #expect(r1["missing"] == .object(JSONObject()))
        #expect(r1["computed"] == ["promoter": true])
        #expect(r1["meta"] == ["region": "north"])
        #expect(r1["status"] == "complete")
    }

    @Test func thePathListsPromptsInOrderWithLoopRoundsNamedAndAGridOnce() throws {
        let r1 = try runAllTypes().record("R1")
        #expect(r1["path"]?.strings == ["consent", "welcome", "channel", "products", "product_sat[tv]", "product_sat[radio]",
                                         "ease", "recommend", "visits", "comment", "last_visit", "service"])
    }

    @Test func everyResponseLineHasTheSpecKeysInTheSpecOrder() throws {
        let batch = try runAllTypes()
        #expect(batch.records.count == 4)
        for record in batch.records {
            #expect(record.keys == Self.specKeyOrder)
        }
    }

    @Test func recordFactsIdentifyTheFileTheInterviewAndItsTimes() throws {
        let batch = try runAllTypes()
        let sha = try batch.workspace.sha256("all_types.yaml")
        #expect(sha.count == 64)
        var ids = Set<String>()
        for record in batch.records {
            #expect(record["questionnaire"] == "all_types")
            #expect(record["version"] == "2026.11-e2e")
            #expect(record["questionnaire_sha256"]?.stringValue == sha)
            #expect(record["mode"] == "headless")
            #expect(record["interviewer"] == "li")
            #expect(record.objectValue?.contains(key: "language") == true, "every record has a language (null when the file declares none)")
            let id = try #require(record["response_id"]?.stringValue)
            #expect(UUID(uuidString: id) != nil, "response_id \(id) is not a UUID")
            ids.insert(id)
            let startedAt = try #require(record["started_at"]?.stringValue)
            let completedAt = try #require(record["completed_at"]?.stringValue)
            #expect(RFC3339.isUTC(startedAt), "started_at \(startedAt)")
            #expect(RFC3339.isUTC(completedAt), "completed_at \(completedAt)")
            if let start = RFC3339.date(startedAt), let end = RFC3339.date(completedAt) {
                #expect(start <= end)
                #expect(start >= batch.started && end <= Date().addingTimeInterval(1))
            }
            // A headless record carries no durations rather than zeros: nobody's time was measured.
            #expect(record["durations_ms"] == .object(JSONObject()))
        }
        #expect(ids.count == batch.records.count, "response_id values repeat")
        #expect(batch.records.map { $0["respondent"]?.stringValue ?? "" } == ["R1", "R2", "R3", "R13"])
    }

    @Test func aScreenedOutRespondentEndsAtTheScreenerWithNothingElseRecorded() throws {
        let r2 = try runAllTypes().record("R2")
        #expect(r2["status"] == "screened_out")
        #expect(r2["path"]?.strings == ["consent"])
        #expect(r2["answers"] == ["consent": false])
        #expect(r2["missing"] == .object(JSONObject()))
        // The compute comes after the end, so it is never reached.
        #expect(r2["computed"] == .object(JSONObject()))
        #expect(r2["option_order"] == .object(JSONObject()))
        #expect(r2["warnings"] == [])
    }

    @Test func dontKnowRefusedAndSkippedAreRecordedAsMissingNotAsAnswers() throws {
        let r3 = try runAllTypes().record("R3")
        #expect(r3["missing"]?.sortingKeys == ["comment": "skipped", "last_visit": "refused", "visits": "dont_know"])
        let answers = try #require(r3["answers"]?.objectValue)
        for id in ["visits", "comment", "last_visit"] { #expect(!answers.contains(key: id)) }
        // Still on the path: they were asked.
        let path = r3["path"]?.strings ?? []
        for id in ["visits", "comment", "last_visit"] { #expect(path.contains(id)) }
        // The loop is passed over when `none` is chosen.
        #expect(!path.contains { $0.hasPrefix("product_sat") })
        #expect(r3["language"] == "en")
    }

    @Test func aSoftCheckKeepsTheAnswerAndRecordsAWarningThatPipesTheAnswer() throws {
        let r1 = try runAllTypes().record("R1")
        #expect(r1["answers"]?["recommend"] == 10)
        let warnings = r1["warnings"]?.strings ?? []
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("recommend") == true)
        // {recommend} in the check's message shows the answer being checked.
        #expect(warnings.first?.contains("You found us hard to reach, yet you gave 10. Is that right?") == true,
                "warning: \(warnings)")
    }

    @Test func aTextAnswerKeepsTabsAndQuotes() throws {
        let r13 = try runAllTypes().record("R13")
        #expect(r13["answers"]?["comment"] == "Tab\there, and \"quotes\".")
        #expect(r13["answers"]?["last_visit"] == "2030-12-31")
    }

    @Test func theShuffledOrderIsRecordedForTheShuffledQuestionOnlyAndFollowsTheSeed() throws {
        let first = try runAllTypes(seed: 42)
        let order = first.records.first?["option_order"]
        let shown = order?["channel"]?.strings ?? []
        #expect(order?.keys == ["channel"])
        #expect(shown.count == 4)
        #expect(Set(shown) == ["web", "shop", "phone", "other"])
        #expect(shown.last == "other", "the `other` option keeps its place at the end")
        // The same seed gives the same order; different seeds do not all give one order.
        let again = try runAllTypes(seed: 42)
        #expect(again.records.first?["option_order"]?["channel"]?.strings == shown)
        var orders: Set<[String]> = [shown]
        for seed in 1...6 {
            orders.insert(try runAllTypes(seed: seed).records.first?["option_order"]?["channel"]?.strings ?? [])
        }
        #expect(orders.count > 1, "six seeds all gave the order \(shown)")
    }

    @Test func rejectedRespondentsAreNamedByLineAndQuestionAndTheOthersAreWritten() throws {
        let batch = try runAllTypes()
        #expect(batch.result.status == 1)
        let lines = batch.result.stderr.split(separator: "\n").map(String.init)
        for rejection in Self.rejections {
            let line = lines.first { $0.hasPrefix("answers.jsonl:\(rejection.line):") }
            #expect(line?.contains("`\(rejection.question)`") == true,
                    "line \(rejection.line) (\(rejection.why)) should be rejected naming `\(rejection.question)`; stderr:\n\(batch.result.stderr)")
        }
        #expect(lines.contains { $0.hasPrefix("answers.jsonl:12:") && $0.contains("JSON") })
        // No line for any rejected respondent; the accepted ones are all there, in input order.
        #expect(batch.records.map { $0["respondent"]?.stringValue ?? "" } == ["R1", "R2", "R3", "R13"])
        #expect(batch.result.stderr.contains("13 respondents: 4 saved"))
        let verified = try batch.workspace.run(["verify", "all_types.yaml", "out/all_types.jsonl"])
        #expect(verified.status == 0, "verify: \(verified.stdout)\(verified.stderr)")
    }

    @Test func usageErrorsExitWithStatusTwo() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        try workspace.copyFixture("broken.yaml")
        try workspace.write("answers.jsonl", #"{"answers":{"customer_12m":false}}"# + "\n")
        let cases: [[String]] = [
            ["run", file, "--lang", "fr"],
            ["run", file, "--answers", "no_such_file.jsonl"],
            ["run", file, "--answers", "answers.jsonl", "--resume", "0"],
            ["run", file, "--set", "segmnet=new"],
            ["run", file, "--set", "segment=vip"],
            ["run", "broken.yaml", "--answers", "answers.jsonl"],
            ["run"],
        ]
        for arguments in cases {
            let result = try workspace.run(arguments)
            #expect(result.status == 2, "\(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
            #expect(!result.stderr.isEmpty, "\(arguments.joined(separator: " ")) said nothing on stderr")
        }
        #expect(!workspace.exists("responses"), "a refused run must not create files")
    }

    @Test func aRespondentFromStandardInputIsAcceptedAsOneJSONObject() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let pretty = """
            {
              "respondent": "P1",
              "answers": {"recommend": 4, "may_contact": false},
              "missing": {"reason": "refused"}
            }
            """
        let result = try workspace.run(["run", "questionnaires/relationship_nps.yaml", "--answers", "-"], input: pretty)
        // `reason` does not allow refusing: the respondent is rejected, naming the question.
        #expect(result.status == 1)
        #expect(result.stderr.contains("<stdin>:1:") && result.stderr.contains("`reason`"), "stderr: \(result.stderr)")
        let written = workspace.exists("responses/relationship_nps.jsonl") ? try workspace.records("responses/relationship_nps.jsonl") : []
        #expect(written.isEmpty, "no line may be written for a rejected respondent")

        let accepted = try workspace.run(["run", "questionnaires/relationship_nps.yaml", "--answers", "-"],
                                         input: pretty.replacingOccurrences(of: "refused", with: "skipped"))
        #expect(accepted.status == 0, "stderr: \(accepted.stderr)")
        let records = try workspace.records("responses/relationship_nps.jsonl")
        #expect(records.count == 1)
        #expect(records.first?["missing"] == ["reason": "skipped"])
        #expect(records.first?["path"]?.strings == ["recommend", "reason", "may_contact"])
    }

    @Test func aResponseLineReplaysAsAnswersToTheSameQuestionnaire() throws {
        let batch = try runAllTypes()
        let line = try batch.workspace.bytes("out/all_types.jsonl")
        try batch.workspace.write("replay.jsonl", bytes: line)
        let replay = try batch.workspace.run(["run", "all_types.yaml", "--answers", "replay.jsonl", "--seed", "42",
                                              "--out", "out/replayed.jsonl"])
        #expect(replay.status == 0, "stderr: \(replay.stderr)")
        let replayed = try batch.workspace.records("out/replayed.jsonl")
        #expect(replayed.count == batch.records.count)
        for (a, b) in zip(batch.records, replayed) {
            for key in ["status", "respondent", "interviewer", "answers", "missing", "computed", "path", "warnings"] {
                #expect(a[key] == b[key], "\(key) differs after a replay")
            }
            #expect(a["response_id"] != b["response_id"])
        }
    }
}
