@preconcurrency import Glibc
import Foundation
import Testing
import TestSupport
import TouchpointCore

/// Saved interviews from the command line (issue 8, items 8 and 9): `touchpoint saved` lists and discards them,
/// the `--resume` chooser shows the same details, resuming after the file was edited replays the answers, and the
/// records of piped and pasted input. Line mode through pipes, the chooser, confirmations and pastes at a real
/// pseudo-terminal.
@Suite("saved interviews at the command line")
struct SavedInterviewTests {
    private typealias Key = PseudoTerminal.Key
    static let nps = "questionnaires/relationship_nps.yaml"
    static let journey = "questionnaires/customer_journey.yaml"

    /// Two saved interviews of the customer journey: A (1 answer, segment new), then B (2 answers, by li).
    private func twoSaved(_ workspace: Workspace, out: [String] = []) throws -> (a: String, b: String) {
        try workspace.copyBundled("customer_journey")
        let folder = out.isEmpty ? "responses" : "field"
        let first = try workspace.run(["run", Self.journey, "--set", "segment=new", "--respondent", "A"] + out, input: "y\n")
        #expect(first.status == 3, "stderr: \(first.stderr)")
        let a = try #require(workspace.checkpoints(in: folder).first)
        let second = try workspace.run(["run", Self.journey, "--set", "segment=regular", "--respondent", "B", "--interviewer", "li"] + out,
                                       input: "y\n3\n")
        #expect(second.status == 3, "stderr: \(second.stderr)")
        let b = try #require(workspace.checkpoints(in: folder).first { $0 != a })
        return (a, b)
    }

    // MARK: touchpoint saved

    @Test func savedListsEachInterviewWithWhoMetaAnswersTheQuestionReachedAndWhen() throws {
        let workspace = try Workspace()
        let (a, b) = try twoSaved(workspace)
        let result = try workspace.run(["saved", Self.journey])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = result.stdout
        #expect(out.contains("2 saved interviews of `customer_journey` in responses/.partial"), "\(out)")
        // B was saved last: it comes first.
        let blockA = try #require(out.range(of: a)), blockB = try #require(out.range(of: b))
        #expect(blockB.lowerBound < blockA.lowerBound)
        let afterB = String(out[blockB.upperBound...])
        #expect(afterB.contains("  respondent   B\n"), "\(out)")
        #expect(afterB.contains("  interviewer  li\n"), "\(out)")
        #expect(afterB.contains("  meta         segment=regular\n"), "\(out)")
        #expect(afterB.contains("  answers      2, the last `purchases`: 3\n"), "\(out)")
        #expect(afterB.contains("  reached      question 3, `stages` “Which of these steps"), "\(out)")
        #expect(try afterB.firstMatch(of: Regex(#"  saved        \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\n"#)) != nil, "\(out)")
        let afterA = String(out[blockA.upperBound...])
        #expect(afterA.contains("  respondent   A\n  interviewer  -\n"), "\(out)")
        #expect(afterA.contains("  reached      question 2, `purchases`"), "\(out)")
        #expect(out.contains("touchpoint run \(Self.journey) --resume ID"), "\(out)")

        let json = try JSONParser().parse(try workspace.run(["saved", Self.journey, "--format", "json"]).stdout)
        let saved = try #require(json["saved"]?.arrayValue)
        #expect(saved.map { $0["response_id"]?.stringValue } == [b, a])
        #expect(saved[0]["answers"] == ["customer_12m": true, "purchases": 3])
        #expect(saved[0]["reached"] == "stages")
        #expect(saved[0]["question_number"] == 3)
        #expect(saved[0]["meta"] == ["segment": "regular"])
        #expect(saved[0]["resumable"] == true && saved[0]["file_changed"] == false)
    }

    @Test func savedWithNothingSavedSaysSoAndBadFilesExitAsTheSpecSays() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let none = try workspace.run(["saved", Self.nps])
        #expect(none.status == 0)
        #expect(none.stdout.contains("No saved interviews of `relationship_nps` in responses/.partial."), "\(none.stdout)")
        #expect(try workspace.run(["saved", "missing.yaml"]).status == 2)
        try workspace.write("broken.yaml", "touchpoint: 1\nid: broken\nquestions: []\nbogus: 1\n")
        #expect(try workspace.run(["saved", "broken.yaml"]).status == 1)
        #expect(try workspace.run(["saved"]).status == 2)
        let help = try workspace.run(["saved", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("touchpoint saved survey.yaml --out field/day1.jsonl --discard 3f2a6c1e"), "\(help.stdout)")
    }

    @Test func discardRemovesOneInterviewByItsIdOrItsStartWithoutAskingOffATerminal() throws {
        let workspace = try Workspace()
        let (a, b) = try twoSaved(workspace, out: ["--out", "field/day1.jsonl"])
        // Without --out the interviews are not found: they live under field/.
        let elsewhere = try workspace.run(["saved", Self.journey, "--discard", a])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("no saved interview `\(a)` of `customer_journey` in responses/.partial"), "\(elsewhere.stderr)")

        let removed = try workspace.run(["saved", Self.journey, "--out", "field/day1.jsonl", "--discard", String(a.prefix(13))])
        #expect(removed.status == 0, "stderr: \(removed.stderr)")
        #expect(removed.stdout.contains("Discarded \(a) (respondent A;"), "\(removed.stdout)")
        #expect(workspace.checkpoints(in: "field") == [b])

        let unknown = try workspace.run(["saved", Self.journey, "--out", "field/day1.jsonl", "--discard", a])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("no saved interview `\(a)`"), "\(unknown.stderr)")
        let notAnID = try workspace.run(["saved", Self.journey, "--out", "field/day1.jsonl", "--discard", "../x"])
        #expect(notAnID.status == 1)
        #expect(notAnID.stderr.contains("is not an interview id"), "\(notAnID.stderr)")
        #expect(workspace.checkpoints(in: "field") == [b])
    }

    @Test func discardAtATerminalAsksFirstAndKeepsTheInterviewUnlessTold() throws {
        let workspace = try Workspace()
        let (a, b) = try twoSaved(workspace)
        let kept = try workspace.terminal(["saved", Self.journey, "--discard", a])
        try kept.expect("Discard the saved interview \(a) (respondent A;")
        try kept.expect("[y/N] ")
        try kept.send("n" + Key.enter)
        try kept.expect("Kept \(a).")
        #expect(try kept.waitForExit() == 0)
        #expect(Set(workspace.checkpoints()) == [a, b])

        let gone = try workspace.terminal(["saved", Self.journey, "--discard", a])
        try gone.expect("[y/N] ")
        try gone.send("y" + Key.enter)
        try gone.expect("Discarded \(a)")
        #expect(try gone.waitForExit() == 0)
        #expect(workspace.checkpoints() == [b])

        let told = try workspace.terminal(["saved", Self.journey, "--discard", b, "--yes"])
        try told.expect("Discarded \(b)")
        #expect(try told.waitForExit() == 0)
        #expect(!told.transcript.contains("[y/N]"))
        #expect(workspace.checkpoints().isEmpty)
    }

    // MARK: The resume chooser

    @Test func theResumeChooserShowsEachInterviewsDetailsAndContinuesTheOneChosen() throws {
        let workspace = try Workspace()
        let (a, _) = try twoSaved(workspace)
        let terminal = try workspace.terminal(["run", Self.journey, "--resume"])
        try terminal.expect("Saved interviews of `customer_journey`, the most recent first:")
        // Labels are dim at a terminal: the values follow them.
        try terminal.expect("respondent")
        try terminal.expect("  B\r\n")
        try terminal.expect("segment=regular")
        try terminal.expect("question 3, `stages`")
        try terminal.expect("2) ")
        try terminal.expect(a)
        try terminal.expect("  A\r\n")
        try terminal.expect("segment=new")
        try terminal.expect("1, the last `customer_12m`: true")
        try terminal.expect("question 2, `purchases`")
        try terminal.expect("Continue which? [1] ")
        try terminal.send("2" + Key.enter)
        try terminal.expect("Resuming interview \(a) at question 2.")
        try terminal.expect("About how many times did you buy")
        try terminal.send(Key.controlC)
        #expect(try terminal.waitForExit() == 3)
    }

    // MARK: Resuming after the file was edited

    @Test func resumingAfterAnEditThatTheAnswersStillFitContinuesAndSaysTheFileChanged() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        #expect(try workspace.run(["run", Self.nps], input: "4\n").status == 3)
        let id = try #require(workspace.checkpoints().first)
        let original = String(decoding: try workspace.bytes(Self.nps), as: UTF8.self)
        try workspace.write(Self.nps, original.replacingOccurrences(of: "May we contact you", with: "Can we contact you"))
        let resumed = try workspace.run(["run", Self.nps, "--resume", id], input: "late\ny\n")
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stderr.contains("has changed since this interview was saved; its answer was checked again against the file as it is now and still fits."),
                "\(resumed.stderr)")
        #expect(resumed.stdout.contains("Resuming interview \(id) at question 2."))
        let record = try #require(try workspace.records("responses/relationship_nps.jsonl").first)
        #expect(record["answers"]?.sortingKeys == (["recommend": 4, "reason": "late", "may_contact": true] as JSONValue).sortingKeys)
        #expect(record["questionnaire_sha256"]?.stringValue == (try workspace.sha256(Self.nps)))
    }

    @Test func resumingAfterAnEditTheAnswersNoLongerFitIsRefusedNamingTheQuestionAndKeepsTheCheckpoint() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        #expect(try workspace.run(["run", Self.nps, "--out", "field/x.jsonl"], input: "8\nfast\n").status == 3)
        let id = try #require(workspace.checkpoints(in: "field").first)
        let saved = try workspace.bytes("field/.partial/\(id).json")
        let original = String(decoding: try workspace.bytes(Self.nps), as: UTF8.self)
        try workspace.write(Self.nps, original.replacingOccurrences(of: "    max_length: 1000\n", with: "    max_length: 3\n"))

        let refused = try workspace.run(["run", Self.nps, "--out", "field/x.jsonl", "--resume", id], input: "y\n")
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("has changed since this interview was saved, and its answers no longer fit it"), "\(refused.stderr)")
        #expect(refused.stderr.contains("the saved answer to `reason` (\"fast\") no longer fits"), "\(refused.stderr)")
        #expect(refused.stderr.contains("touchpoint saved \(Self.nps) --out field/x.jsonl --discard \(id)"), "\(refused.stderr)")
        #expect(try workspace.bytes("field/.partial/\(id).json") == saved, "a refused resume must leave the checkpoint as it was")

        // `saved` says the same before anyone tries.
        let listed = try workspace.run(["saved", Self.nps, "--out", "field/x.jsonl"])
        #expect(listed.stdout.contains("reached      cannot be resumed with this file: the saved answer to `reason`"), "\(listed.stdout)")
    }

    // MARK: Durability messages

    @Test func theResumeHintNamesOutAndAnInterviewStoppedBeforeAnyAnswerLeavesNothing() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let stopped = try workspace.run(["run", Self.nps, "--out", "field/day 1.jsonl"], input: "")
        // Nothing saved: not the status of a saved interview (3), see "Stopping" in docs/interviewing.md.
        #expect(stopped.status == 1)
        #expect(stopped.stderr.contains("Stopped before the first answer; nothing was saved."), "\(stopped.stderr)")
        #expect(workspace.checkpoints(in: "field").isEmpty)

        let saved = try workspace.run(["run", Self.nps, "--out", "field/day 1.jsonl"], input: "9\n")
        #expect(saved.status == 3)
        let id = try #require(workspace.checkpoints(in: "field").first)
        let hint = "touchpoint run \(Self.nps) --out 'field/day 1.jsonl' --resume \(id)"
        #expect(saved.stderr.contains(hint), "\(saved.stderr)")
        // The printed command works as printed, by a shell.
        let resumed = try workspace.shell("$TOUCHPOINT" + hint.dropFirst("touchpoint".count), input: ":skip\nn\n")
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        #expect(try workspace.records("field/day 1.jsonl").count == 1)
    }

    // MARK: Records

    @Test func pipedLinesAreRecordedAsHeadlessWithNoDurationsAndATerminalResumeAsInteractive() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        #expect(try workspace.run(["run", Self.nps, "--respondent", "P"], input: "9\nfine\ny\n").status == 0)
        #expect(try workspace.run(["run", Self.nps, "--respondent", "Q"], input: "3\n").status == 3)
        let id = try #require(workspace.checkpoints().first)
        let terminal = try workspace.terminal(["run", Self.nps, "--resume", id])
        try terminal.expect("What is the main reason for your score of 3?")
        try terminal.expect("› ")
        try terminal.send("slow" + Key.enter)
        try terminal.expect("May we contact you")
        try terminal.expect("› ")
        try terminal.send("n" + Key.enter)
        try terminal.expect("Saved response \(id)")
        #expect(try terminal.waitForExit() == 0)

        let records = try workspace.records("responses/relationship_nps.jsonl")
        let piped = try #require(records.first { $0["respondent"] == "P" })
        #expect(piped["mode"] == "headless")
        #expect(piped["durations_ms"] == .object(JSONObject()))
        let mixed = try #require(records.first { $0["respondent"] == "Q" })
        #expect(mixed["mode"] == "interactive")
        // Timed only where a person typed at the terminal.
        #expect(mixed["durations_ms"]?["recommend"] == nil)
        #expect(mixed["durations_ms"]?["reason"] != nil && mixed["durations_ms"]?["may_contact"] != nil)
        // Both still verify.
        let verify = try workspace.run(["verify", Self.nps, "responses/relationship_nps.jsonl"])
        #expect(verify.status == 0, "\(verify.stdout)\(verify.stderr)")
    }

    @Test func aPasteOfSeveralLinesAtATextPromptIsStoredAsOneLine() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let terminal = try workspace.terminal(["run", Self.nps])
        try terminal.expect("How likely are you to recommend us")
        try terminal.expect("› ")
        try terminal.send("6" + Key.enter)
        try terminal.expect("What is the main reason for your score of 6?")
        try terminal.expect("› ")
        // Bracketed paste, as a terminal sends a paste of three lines (readline keeps it in the buffer).
        try terminal.send("\u{1B}[200~Delivery was late\r\rand nobody called  \r\nback\u{1B}[201~")
        try terminal.send(Key.enter)
        try terminal.expect("May we contact you")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)
        try terminal.expect("Saved response")
        #expect(try terminal.waitForExit() == 0)
        let record = try #require(try workspace.records("responses/relationship_nps.jsonl").first)
        #expect(record["answers"]?["reason"] == "Delivery was late and nobody called back")
        #expect(record["answers"]?["may_contact"] == true, "a pasted line answered another question")
    }

    @Test func inLineModeEachPastedLineAnswersItsOwnPrompt() throws {
        let workspace = try Workspace()
        try workspace.copyBundled("relationship_nps")
        let result = try workspace.run(["run", Self.nps], input: "6\nDelivery was late\ny\n")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try workspace.records("responses/relationship_nps.jsonl").first)
        #expect(record["answers"]?["reason"] == "Delivery was late")
        #expect(record["answers"]?["may_contact"] == true)
    }
}
