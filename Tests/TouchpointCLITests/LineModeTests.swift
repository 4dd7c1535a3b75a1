import Foundation
import Testing
import TouchpointCore

/// `touchpoint run` with standard input a pipe and no `--answers`: each line answers the current prompt
/// (SPEC section 4, line mode).
@Suite("run in line mode")
struct LineModeTests {
    @Test func linesAnswerThePromptsAndAnInvalidLineIsReportedBeforeTheNextIsRead() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        let input = [
            "maybe",            // consent: not yes or no
            "y",                // consent
            "",                 // welcome (a note: Enter)
            "shop",             // channel, by value
            "Tel, radio",       // products: two label prefixes
            "6",                // product_sat[tv]: out of range
            "4",                // product_sat[tv]
            "2",                // product_sat[radio]
            "1",                // ease
            "10",               // recommend: fails the soft check
            "",                 // ... Enter keeps it
            "0",                // visits: fails the hard check (reached us at a shop)
            ":dk",              // visits: don't know
            ":skip",            // comment
            "2026-13-01",       // last_visit: not a date
            ":rf",              // last_visit: refused
            "5",                // service, speed row
            "4",                // service, courtesy row
        ].joined(separator: "\n") + "\n"
        let result = try workspace.run(["run", "all_types.yaml", "--set", "region=south"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")

        let problems = result.stderr.split(separator: "\n").map(String.init)
        func reported(_ input: String, at question: String, _ message: String) -> Bool {
            problems.contains { $0.contains(input.debugDescription) && $0.contains("`\(question)`") && $0.contains(message) }
        }
        #expect(reported("maybe", at: "consent", "Type y for yes or n for no."), "stderr: \(result.stderr)")
        #expect(reported("6", at: "product_sat[tv]", "from 1 to 5"), "stderr: \(result.stderr)")
        #expect(reported("10", at: "recommend", "You found us hard to reach, yet you gave 10. Is that right?"), "stderr: \(result.stderr)")
        #expect(reported("0", at: "visits", "You reached us at a shop, so you visited at least once."), "stderr: \(result.stderr)")
        #expect(reported("2026-13-01", at: "last_visit", "There is no month 13: months run from 1 to 12."), "stderr: \(result.stderr)")
        // Prompts went to stdout, with earlier answers piped into later texts.
        #expect(result.stdout.contains("How satisfied are you with your Television?"))
        #expect(result.stdout.contains("How satisfied are you with your Radio?"))
        #expect(result.stdout.contains("You gave us 10 after reaching us by Shop. Anything to add?"), "stdout: \(result.stdout)")

        let records = try workspace.records("responses/all_types.jsonl")
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.keys == HeadlessRunTests.specKeyOrder)
        // Lines from a pipe are recorded as headless, with no durations (SPEC section 5).
        #expect(record["mode"] == "headless")
        #expect(record["durations_ms"] == .object(JSONObject()))
        #expect(record["meta"] == ["region": "south"])
        #expect(record["answers"]?.sortingKeys == ([
            "consent": true, "channel": "shop", "products": ["tv", "radio"], "product_sat": ["tv": 4, "radio": 2],
            "ease": 1, "recommend": 10, "service": ["speed": 5, "courtesy": 4],
        ] as JSONValue).sortingKeys)
        #expect(record["missing"]?.sortingKeys == ["comment": "skipped", "last_visit": "refused", "visits": "dont_know"])
        #expect(record["warnings"]?.strings.count == 1)
        #expect(record["warnings"]?.strings.first?.contains("yet you gave 10") == true)
        #expect(record["computed"] == ["promoter": true])
        // The interview ended: its checkpoint is gone. The response file is its owner's only.
        #expect(workspace.checkpoints().isEmpty)
        #expect(try permissions(workspace.path + "/responses/all_types.jsonl") == 0o600)
    }

    @Test func theShownOptionOrderIsKeptWhenAnInterviewIsResumed() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        // No --seed: the order is random, and must survive the interruption. Input ends at `channel`.
        let first = try workspace.run(["run", "all_types.yaml"], input: "y\n\n")
        #expect(first.status == 3)
        let id = try #require(workspace.checkpoints().first)
        let options = try Regex(#"  1\) \w+\n  2\) \w+\n  3\) \w+\n  4\) Other\n"#)
        let match = try #require(first.stdout.firstMatch(of: options), "no option list in \(first.stdout)")
        let listing = String(first.stdout[match.range])

        let resumed = try workspace.run(["run", "all_types.yaml", "--resume", id],
                                        input: "1\n3\n4\n4\n:rf\n:skip\n:rf\n2\n2\n")
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains(listing), "the options were listed in another order after --resume")
        let record = try #require(try workspace.records("responses/all_types.jsonl").first)
        let labels = ["web": "Website", "shop": "Shop", "phone": "Telephone", "other": "Other"]
        let order = record["option_order"]?["channel"]?.strings ?? []
        let recordedListing = order.enumerated().map { "  \($0.offset + 1)) \(labels[$0.element] ?? "?")\n" }.joined()
        #expect(recordedListing == listing)
        #expect(record["answers"]?["channel"]?.stringValue == order.first)
    }

    @Test func textFromTheFileAndFromAnswersCannotSendEscapeSequencesToTheScreen() throws {
        let workspace = try Workspace()
        try workspace.write("hostile.yaml", """
            touchpoint: 1
            id: hostile
            questions:
              - id: name
                type: text
                text: "What is your name? \\e[2J\\e]0;owned\\a"
              - id: right
                type: yes_no
                text: "Hello {name}, is that right?"

            """)
        let answer = "\u{1B}[31mRed\u{1B}[0m"
        let result = try workspace.run(["run", "hostile.yaml"], input: answer + "\ny\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let shown = Array(result.stdout.utf8)
        #expect(!shown.contains(0x1B) && !shown.contains(0x07), "a control character reached the screen: \(result.stdout.debugDescription)")
        #expect(result.stdout.contains("What is your name?"))
        #expect(result.stdout.contains("Red"))
        // The answer itself is data, stored as typed.
        let record = try #require(try workspace.records("responses/hostile.jsonl").first)
        #expect(record["answers"]?["name"]?.stringValue == answer)
    }

    @Test func promptsWrapToTheWidthCountingChineseCharactersAsTwoColumns() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let result = try workspace.run(["run", file, "--lang", "zh", "--set", "segment=new"], input: "y\n",
                                       environment: ["COLUMNS": "40"])
        #expect(result.status == 3)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for line in lines {
            #expect(Self.columns(line) <= 40, "wider than 40 columns: \(line)")
        }
        // The first question, wrapped: its lines put together give the whole text, and they use the width.
        let question = "在过去12个月里，您是否购买、订购或使用过我们的产品或服务？"
        let start = try #require(lines.firstIndex { $0.hasPrefix("[1] ") })
        let end = try #require(lines.firstIndex { $0.hasPrefix("  y = 是") })
        let wrapped = Array(lines[(start + 1)..<end])
        #expect(wrapped.joined() == question)
        #expect(wrapped.count == 2)
        #expect(Self.columns(wrapped[0]) >= 38, "wrapped too early: \(wrapped)")
    }

    /// Terminal columns of a line: East Asian wide and fullwidth characters take two.
    private static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }

    @Test func resumingAnUnknownInterviewOrAChangedQuestionnaireIsRefusedAndKeepsTheCheckpoint() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        let unknown = try workspace.run(["run", file, "--resume", "00000000-0000-0000-0000-000000000000"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("00000000-0000-0000-0000-000000000000"))

        #expect(try workspace.run(["run", file], input: "5\n").status == 3)
        let id = try #require(workspace.checkpoints().first)
        // An edit the saved answer does not fit: a question asked before it (SavedInterviewTests has more).
        let edited = String(decoding: try workspace.bytes(file), as: UTF8.self)
            .replacingOccurrences(of: "questions:\n", with: "questions:\n  - {id: first, type: yes_no, text: First?}\n")
        try workspace.write(file, edited)
        let changed = try workspace.run(["run", file, "--resume", id], input: "slow\ny\n")
        #expect(changed.status == 2)
        #expect(changed.stderr.contains("changed"), "stderr: \(changed.stderr)")
        #expect(changed.stderr.contains("asks `first` before `recommend`"), "stderr: \(changed.stderr)")
        #expect(workspace.checkpoints() == [id], "a refused resume must not lose the saved answers")
    }

    @Test func optionNumbersFollowTheShownOrderThatIsRecorded() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        let input = "y\n\n3\n3\n7\n8\n5\n:skip\n2026-01-31\n3\n3\n"
        let result = try workspace.run(["run", "all_types.yaml", "--seed", "7"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try workspace.records("responses/all_types.jsonl").first)
        let order = record["option_order"]?["channel"]?.strings ?? []
        let labels = ["web": "Website", "shop": "Shop", "phone": "Telephone", "other": "Other"]
        // The options were listed in the recorded order...
        let listing = order.enumerated().map { "  \($0.offset + 1)) \(labels[$0.element] ?? "?")" }.joined(separator: "\n")
        #expect(result.stdout.contains(listing), "expected the listing\n\(listing)\nin\n\(result.stdout)")
        // ...and "3" chose the third of them.
        #expect(record["answers"]?["channel"]?.stringValue == order.dropFirst(2).first)
        #expect(record["answers"]?["products"] == ["none"])
    }

    @Test func bytesAreKeptAsTypedTabsEscapesAndLongLinesAreData() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let reason = "slow\tdelivery \u{1B}[2J" + String(repeating: "long ", count: 180) + "end"
        let input = "3\n" + reason + "\r\n" + "n\n"
        let result = try workspace.run(["run", "questionnaires/relationship_nps.yaml"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try workspace.records("responses/relationship_nps.jsonl").first)
        // The tab and the escape byte are stored as typed; only the CR of a CRLF line end is dropped.
        #expect(record["answers"]?["reason"]?.stringValue == reason)
        #expect(record["answers"]?["recommend"] == 3)
        #expect(record["answers"]?["may_contact"] == false)
        // The raw line holds the escape as \u001b: no control byte inside a JSON line.
        let raw = try workspace.bytes("responses/relationship_nps.jsonl")
        #expect(!raw.contains(0x1B) && !raw.contains(0x09))
    }

    @Test func inputEndingEarlyLeavesACheckpointThatABareResumeContinues() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        // Two unfinished interviews: the older with one answer, the newer with two.
        let first = try workspace.run(["run", file, "--set", "segment=new", "--respondent", "A"], input: "y\n")
        #expect(first.status == 3)
        #expect(first.stderr.contains("Interview saved"), "stderr: \(first.stderr)")
        let older = try #require(workspace.checkpoints().first)
        #expect(first.stderr.contains("--resume \(older)"))
        let second = try workspace.run(["run", file, "--set", "segment=regular", "--respondent", "B"], input: "y\n3\n")
        #expect(second.status == 3)
        let newer = try #require(workspace.checkpoints().first { $0 != older })
        #expect(workspace.checkpoints().count == 2)

        // The checkpoint holds every accepted answer, and only its owner may read it.
        let saved = try workspace.checkpoint(newer)
        #expect(saved["steps"]?.arrayValue?.count == 2)
        #expect(try permissions(workspace.path + "/responses/.partial/\(newer).json") == 0o600)
        #expect(try permissions(workspace.path + "/responses/.partial") == 0o700)

        // A bare --resume in line mode continues the most recent one, at its third question.
        let rest = ["1, 4", "y", "5", "4", "n", "3", "2", "y", "9"].joined(separator: "\n") + "\n"
        let resumed = try workspace.run(["run", file, "--resume"], input: rest)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("at question 3"), "stdout: \(resumed.stdout)")
        let record = try #require(try workspace.records("responses/customer_journey.jsonl").first)
        #expect(record["response_id"]?.stringValue == newer)
        #expect(record["respondent"] == "B")
        #expect(record["meta"] == ["segment": "regular"])
        #expect(record["status"] == "complete")
        #expect(record["answers"]?.sortingKeys == ([
            "customer_12m": true, "purchases": 3, "stages": ["awareness", "use"],
            "stage_success": ["awareness": true, "use": false], "stage_effort": ["awareness": 5, "use": 3],
            "stage_emotion": ["awareness": 4, "use": 2], "need_met": true, "recommend": 9,
        ] as JSONValue).sortingKeys)
        #expect(record["path"]?.strings == ["customer_12m", "purchases", "stages",
                                             "stage_success[awareness]", "stage_effort[awareness]", "stage_emotion[awareness]",
                                             "stage_success[use]", "stage_effort[use]", "stage_emotion[use]",
                                             "need_met", "recommend"])
        // The finished interview's checkpoint is gone; the other one is still there.
        #expect(workspace.checkpoints() == [older])
    }

    private func permissions(_ path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return ((attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1) & 0o777
    }
}
