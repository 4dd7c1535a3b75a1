import Foundation
import Testing
import TestSupport
import TouchpointCore

/// The bundled moderated usability test (`questionnaires/usability_test.yaml`) end to end: at a terminal,
/// headless, shown as a script, and scored (golden outputs; figures against the Python oracle of
/// Fixtures/usability/make_timed.py).
@Suite("usability test")
struct UsabilityTests {
    private typealias Key = PseudoTerminal.Key

    /// One participant for `run --answers`: one outcome and SEQ per task, SUS answers, UMUX-Lite answers.
    static func participant(_ name: String, tasks: [(String, String, Int)], sus: [Int], umux: (Int, Int),
                            segment: String = "new") -> String {
        var answers: [String: Any] = ["consent": true, "tasks": tasks.map(\.0)]
        answers["task_success"] = Dictionary(uniqueKeysWithValues: tasks.map { ($0.0, $0.1) })
        answers["seq"] = Dictionary(uniqueKeysWithValues: tasks.map { ($0.0, $0.2) })
        for (index, answer) in sus.enumerated() { answers[String(format: "sus_%02d", index + 1)] = answer }
        answers["umux_capabilities"] = umux.0
        answers["umux_easy"] = umux.1
        let object: [String: Any] = ["respondent": name, "meta": ["segment": segment], "answers": answers]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aModeratorRunsTheScriptAtATerminalSeeingInstructionsInBrackets() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("usability_test")
        let terminal = try workspace.terminal(["run", file, "--respondent", "P07", "--interviewer", "mod"])
        try terminal.expect("Participant group")
        try terminal.expect("› ")
        try terminal.send("1" + Key.enter)
        try terminal.expect("[Read the consent form with the participant")
        try terminal.expect("Has the participant agreed")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)
        try terminal.expect("[Tick every task unless the session is running late")
        try terminal.expect("› ")
        try terminal.send("3" + Key.enter)
        // The loop briefs only the task chosen, then times it.
        try terminal.expect("[Return to the home screen and hand over the phone; say: cancel the add-on.")
        try terminal.expect("roaming add-on")
        try terminal.expect("› ")
        try terminal.send(Key.enter)
        try terminal.expect("[The clock is running. Do not help.")
        try terminal.expect("Task under way: Cancel the add-on.")
        try terminal.expect("› ")
        try terminal.send(Key.enter)
        try terminal.expect("How did the participant do at the task Cancel the add-on?")
        try terminal.expect("› ")
        try terminal.send("1" + Key.enter)
        try terminal.expect("how difficult or easy was the task")
        try terminal.expect("› ")
        try terminal.send("6" + Key.enter)
        try terminal.expect("[Hand the keyboard to the participant")
        try terminal.expect("› ")
        try terminal.send(Key.enter)
        let sus = [4, 2, 5, 1, 4, 2, 4, 1, 5, 2]
        for answer in sus {
            try terminal.expect("› ")
            try terminal.send("\(answer)" + Key.enter)
        }
        try terminal.expect("capabilities meet my requirements")
        try terminal.expect("› ")
        try terminal.send("6" + Key.enter)
        try terminal.expect("This app is easy to use.")
        try terminal.expect("› ")
        try terminal.send("7" + Key.enter)
        try terminal.expect("anything else you would like to tell us")
        try terminal.expect("› ")
        try terminal.send("The cancel button is hard to find" + Key.enter)
        try terminal.expect("Thank the participant, give them the incentive")
        #expect(try terminal.waitForExit() == 0)
        #expect(terminal.isInCookedMode)

        let record = try #require(try workspace.records("responses/usability_test.jsonl").first)
        #expect(record["status"] == "complete")
        #expect(record["respondent"] == "P07")
        #expect(record["path"]?.strings.prefix(6) == ["consent", "tasks", "brief_cancel[cancel]", "task_done[cancel]",
                                                     "task_success[cancel]", "seq[cancel]"])
        #expect(record["answers"]?["task_success"] == ["cancel": "completed"])
        // The "task done" prompt's time is the round's own duration, the time on task.
        let taskTime = try #require(record["durations_ms"]?["task_done[cancel]"]?.doubleValue, "no duration for task_done[cancel]")
        #expect(taskTime >= 0)
        #expect(record["durations_ms"]?["task_done"] == nil, "a loop question is timed per round")

        let scored = try workspace.run(["score", file, "responses/usability_test.jsonl", "--format", "json"])
        #expect(scored.status == 0, "\(scored.stderr)")
        let scores = try JSONParser().parse(Array(scored.stdout.utf8))["scores"]
        #expect(scores?["sus"]?["value"]?.doubleValue == 85)
        #expect(scores?["sus"]?["grade"] == "A+")
        #expect(abs((scores?["umux_lite"]?["value"]?.doubleValue ?? 0) - 11.0 / 12 * 100) < 1e-6)
        #expect(scores?["task_completion"]?["count"]?.doubleValue == 1)
        #expect(scores?["seq"]?["value"]?.doubleValue == 6)
    }

    @Test func theScriptRunsHeadlessAndItsRecordsAreScored() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("usability_test")
        let lines = [
            Self.participant("P1", tasks: [("find_plan", "completed", 6), ("top_up", "with_help", 3), ("cancel", "failed", 2)],
                             sus: [4, 2, 4, 1, 4, 2, 5, 2, 4, 1], umux: (6, 5)),
            Self.participant("P2", tasks: [("cancel", "completed", 7)], sus: [5, 1, 5, 1, 5, 1, 5, 1, 5, 1], umux: (7, 7),
                             segment: "existing"),
            #"{"respondent": "P3", "meta": {"segment": "new"}, "answers": {"consent": false}}"#,
            Self.participant("P4", tasks: [("top_up", "completed", 5)], sus: [6, 1, 5, 1, 5, 1, 5, 1, 5, 1], umux: (7, 7)),
        ]
        try workspace.write("answers.jsonl", lines.joined(separator: "\n") + "\n")
        let run = try workspace.run(["run", file, "--answers", "answers.jsonl"])
        #expect(run.status == 1, "P4's SUS answer of 6 is refused")
        #expect(run.stderr.contains("answers.jsonl:4: respondent P4 rejected: at `sus_01`"), "\(run.stderr)")
        let records = try workspace.records("responses/usability_test.jsonl")
        #expect(records.map { $0["respondent"]?.stringValue ?? "" } == ["P1", "P2", "P3"])
        #expect(records.map { $0["status"]?.stringValue ?? "" } == ["complete", "complete", "screened_out"])
        let p1 = try #require(records.first)
        #expect(p1["path"]?.strings.contains("task_done[top_up]") == true)
        // Headless runs record no real time: every duration is 0 and the time on task has no attempts.
        for (key, ms) in p1["durations_ms"]?.objectValue ?? JSONObject() {
            #expect(p1["path"]?.strings.contains(key) == true, "durations_ms has \(key), which is not on the path")
            #expect(ms == 0)
        }

        let scored = try workspace.run(["score", file, "responses/usability_test.jsonl", "--format", "json"])
        let scores = try JSONParser().parse(Array(scored.stdout.utf8))["scores"]
        #expect(scores?["task_completion"]?["n"]?.doubleValue == 4)
        #expect(scores?["task_completion"]?["count"]?.doubleValue == 2)
        #expect(scores?["sus"]?["value"]?.doubleValue == (82.5 + 100) / 2)
        #expect(scores?["task_time"]?["n"]?.doubleValue == 0)
        #expect(scores?["task_time"]?["value"] == .null)
        #expect(scores?["seq"]?["value"]?.doubleValue == 4.5)
    }

    @Test func showListsEveryInstructionForTheModerator() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("usability_test")
        let english = try workspace.run(["show", file])
        #expect(english.status == 0)
        #expect(english.stdout.contains("> **[Interviewer]** *Hand over the phone at the home screen; say: find the cheapest plan. Then press Enter.*"))
        let chinese = try workspace.run(["show", file, "--lang", "zh"])
        #expect(chinese.stdout.contains("> **[访员]** *把停留在首页的手机交给参与者"))
        #expect(chinese.stdout.contains("| `sus` | sus |"))
    }

    @Test func scoresOfSeededSimulatedParticipantsMatchTheGoldenOutput() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("usability_test")
        let simulated = try workspace.run(["simulate", file, "-n", "60", "--seed", "14", "--out", "simulated.jsonl"])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let table = try workspace.run(["score", file, "simulated.jsonl"])
        #expect(table.status == 0, "\(table.stderr)")
        try Golden.check(table.stdout, "score-usability-simulated.table")
        let json = try workspace.run(["score", file, "simulated.jsonl", "--by", "meta.segment", "--format", "json"])
        try Golden.check(json.stdout, "score-usability-simulated.json")
        let csv = try workspace.run(["score", file, "simulated.jsonl", "--by", "meta.segment", "--format", "csv"])
        try Golden.check(csv.stdout, "score-usability-simulated.csv")
    }

    @Test func scoresOfTimedParticipantsAgreeWithThePythonOracle() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("usability_test")
        try workspace.copyFixture("usability/timed.jsonl")
        let result = try workspace.run(["score", file, "timed.jsonl", "--by", "meta.segment", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let actual = try JSONParser().parse(Array(result.stdout.utf8))
        let expected = try JSONParser().parse(try Workspace.readBytes(Workspace.fixtures + "/usability/timed_expected.json"))
        #expect(actual["responses"]?["scored"] == expected["responses"])
        var compared = 0
        func agree(_ actual: JSONValue?, _ expected: JSONValue?, _ place: String) {
            switch expected {
            case .number(let wanted)?:
                let got = actual?.doubleValue ?? .nan
                #expect(abs(got - wanted) <= 1e-6 * max(1, abs(wanted)), "\(place): \(got) vs the oracle's \(wanted)")
                compared += 1
            case .array(let items)?:
                for (index, item) in items.enumerated() { agree(actual?[index], item, "\(place)[\(index)]") }
            case .object(let members)?:
                for member in members { agree(actual?[member.key], member.value, "\(place).\(member.key)") }
            default:
                #expect(actual == expected, "\(place): \(String(describing: actual)) vs the oracle's \(String(describing: expected))")
            }
        }
        agree(actual["scores"], expected["scores"], "scores")
        let groups = expected["groups"]?.arrayValue ?? []
        for (index, group) in groups.enumerated() {
            let by = group["by"]
            let match = actual["groups"]?.arrayValue?.first { $0["by"] == by }
            agree(match?["scores"], group["scores"], "groups[\(index)]")
        }
        #expect(compared > 60)
        let table = try workspace.run(["score", file, "timed.jsonl", "--by", "meta.segment"])
        try Golden.check(table.stdout, "score-usability-timed.table")
    }
}
