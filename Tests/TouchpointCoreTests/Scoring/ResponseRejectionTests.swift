import Testing
@testable import TouchpointCore

/// Lines that are not scored: each kind is reported with its line number and counted, and the rest still scored.
@Suite struct ResponseRejectionTests {
    static let valid = ScoringFixture.line(id: "r1")

    @Test func everyKindOfBadLineIsReportedWithItsLineNumber() throws {
        let lines = [
            Self.valid,                                                                        // 1 scored
            "",                                                                                // 2 blank: skipped
            "{\"questionnaire\": \"scoring_fixture\",",                                        // 3 bad JSON
            ScoringFixture.line(id: "r3") { $0["questionnaire"] = "other_survey" },           // 4
            ScoringFixture.line(id: "r4") { $0["response_id"] = nil },                        // 5
            ScoringFixture.line(id: "r5") { $0["status"] = "done" },                          // 6
            ScoringFixture.line(id: "r6") { $0["answers"] = [1, 2] },                         // 7
            ScoringFixture.line(id: "r7") { Self.answer(&$0, "favourite_colour", "blue") },   // 8
            ScoringFixture.line(id: "r8") { Self.answer(&$0, "channel_sat", ["tv": 3]) },     // 9
            ScoringFixture.line(id: "r9") { Self.answer(&$0, "ease", 9) },                    // 10
            ScoringFixture.line(id: "r10") { Self.answer(&$0, "ease", nil) },                 // 11
            ScoringFixture.line(id: "r11") { $0["missing"] = ["recommend": "dont_know"] },    // 12
            ScoringFixture.line(id: "r12") { $0["meta"] = ["shop": "north"] },                // 13
            ScoringFixture.line(id: "r1"),                                                     // 14 duplicate of 1
            ScoringFixture.line(id: "r14", segment: "vip"),                                    // 15
            ScoringFixture.line(id: "r15") { Self.answer(&$0, "service", ["speed": 4, "price": 2]) }, // 16
            ScoringFixture.line(id: "r16"),                                                    // 17 torn: no newline
        ]
        let file = try ResponseFile(lines, tornTail: true)
        let (report, rejections) = try ScoringFixture.score([file.source])
        let found = rejections.map { "\($0.line) \($0.problem.kind.rawValue)" }
        #expect(found == [
            "3 invalid_json", "4 other_questionnaire", "5 bad_field", "6 bad_field", "7 bad_field", "8 bad_answer",
            "9 bad_answer", "10 bad_answer", "11 bad_answer", "12 bad_missing", "13 bad_meta", "14 duplicate_id",
            "15 bad_meta", "16 bad_answer", "17 incomplete",
        ])
        #expect(report.responses == ScoreReport.Responses(read: 16, scored: 1, rejected: 15))
        #expect(rejections.allSatisfy { $0.source == file.source })
    }

    @Test func messagesNameTheQuestionAndSayWhatIsWrong() throws {
        let lines = [
            Self.valid,
            ScoringFixture.line(id: "a") { Self.answer(&$0, "ease", 9) },
            ScoringFixture.line(id: "b") { Self.answer(&$0, "channel_sat", ["tv": 3]) },
            ScoringFixture.line(id: "c") { Self.answer(&$0, "favourite_colour", "blue") },
            ScoringFixture.line(id: "r1"),
            ScoringFixture.line(id: "d") { $0["questionnaire"] = "other_survey" },
        ]
        let file = try ResponseFile(lines)
        let messages = try ScoringFixture.score([file.source]).rejections.map(\.problem.message)
        try #require(messages.count == 5)
        #expect(messages[0].contains("`ease` is 9") && messages[0].contains("1 to 7"))
        #expect(messages[1].contains("`channel_sat` is keyed by `tv`") && messages[1].contains("app, store, web"))
        #expect(messages[2].contains("`favourite_colour`") && messages[2].contains("not a question"))
        #expect(messages[3].contains("duplicate response_id \"r1\"") && messages[3].contains("line 1"))
        #expect(messages[4].contains("`other_survey`"))
    }

    @Test func rejectionsReadAsFileColonLineColonMessage() {
        let rejection = LineRejection(source: .file("data/r.jsonl"), line: 12,
                                      problem: LineProblem(.badAnswer, "`ease` is 9, which the question does not accept"))
        #expect(rejection.description == "data/r.jsonl:12: `ease` is 9, which the question does not accept")
        #expect(LineRejection(source: .standardInput, line: 3, problem: LineProblem(.incomplete, "x")).description == "<stdin>:3: x")
    }

    @Test func aTornLastLineIsNeverScoredEvenWhenItIsValidJSON() throws {
        let file = try ResponseFile([Self.valid, ScoringFixture.line(id: "r2", recommend: 0)], tornTail: true)
        let (report, rejections) = try ScoringFixture.score([file.source])
        #expect(rejections.map(\.problem.kind) == [.incomplete])
        #expect(rejections.first?.line == 2)
        guard case .nps(let n, let nps)? = report.overall.scores.first?.outcome else {
            Issue.record("the first score is nps")
            return
        }
        #expect(n == 1 && nps?.promoters == 1, "only the complete line counts")
    }

    @Test func blankLinesAreSkippedWithoutCountingButKeepLineNumbersRight() throws {
        let file = try ResponseFile(["", "   ", Self.valid, "\t", ScoringFixture.line(id: "x") { Self.answer(&$0, "ease", 0) }])
        let (report, rejections) = try ScoringFixture.score([file.source])
        #expect(report.responses == ScoreReport.Responses(read: 2, scored: 1, rejected: 1))
        #expect(rejections.map(\.line) == [5])
    }

    @Test func aRejectedLineClaimsNoIdSoACorrectedCopyLaterIsScored() throws {
        let file = try ResponseFile([
            ScoringFixture.line(id: "same") { Self.answer(&$0, "ease", 12) },
            ScoringFixture.line(id: "same"),
            ScoringFixture.line(id: "same"),
        ])
        let (report, rejections) = try ScoringFixture.score([file.source])
        #expect(rejections.map { "\($0.line) \($0.problem.kind.rawValue)" } == ["1 bad_answer", "3 duplicate_id"])
        #expect(rejections.last?.problem.message.contains("line 2") == true)
        #expect(report.responses.scored == 1)
    }

    @Test func duplicatesAreFoundAcrossFilesAndNameTheFirstFile() throws {
        let first = try ResponseFile([Self.valid], name: "a.jsonl")
        let second = try ResponseFile([ScoringFixture.line(id: "other"), Self.valid], name: "b.jsonl")
        let (report, rejections) = try ScoringFixture.score([first.source, second.source])
        #expect(report.responses == ScoreReport.Responses(read: 3, scored: 2, rejected: 1))
        let rejection = try #require(rejections.first)
        #expect(rejection.source == second.source && rejection.line == 2)
        #expect(rejection.problem.message.contains("line 1 of \(first.path)"))
    }

    @Test func aMissingWeightRejectsTheLineButAZeroWeightIsUsed() throws {
        let file = try ResponseFile([
            ScoringFixture.line(id: "w1", weight: 2),
            ScoringFixture.line(id: "w2", weight: 0),
            ScoringFixture.line(id: "w3") { record in
                guard case .object(var meta)? = record["meta"] else { return }
                meta["weight"] = nil
                record["meta"] = .object(meta)
            },
        ])
        let (report, rejections) = try ScoringFixture.score([file.source], options: ScoreOptions(weight: "meta.weight"))
        #expect(rejections.map { "\($0.line) \($0.problem.kind.rawValue)" } == ["3 bad_weight"])
        #expect(rejections.first?.problem.message.contains("meta.weight") == true)
        #expect(report.responses.scored == 2)
    }

    @Test func aBadCompletedAtIsRejectedOnlyWhenGroupingByPeriod() throws {
        let file = try ResponseFile([ScoringFixture.line(id: "t1", completedAt: "yesterday")])
        #expect(try ScoringFixture.score([file.source]).rejections.isEmpty)
        let rejections = try ScoringFixture.score([file.source], options: ScoreOptions(period: .day)).rejections
        #expect(rejections.map(\.problem.kind) == [.badField])
        #expect(rejections.first?.problem.message.contains("RFC 3339") == true)
    }

    /// Sets (or, with nil, removes) one answer of a record built by `ScoringFixture.line`.
    static func answer(_ record: inout JSONObject, _ id: String, _ value: JSONValue?) {
        guard case .object(var answers)? = record["answers"] else { return }
        if let value { answers[id] = value } else { answers.append(key: id, value: .null) }
        record["answers"] = .object(answers)
    }
}
