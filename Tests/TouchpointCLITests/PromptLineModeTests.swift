import Foundation
import Testing
import TouchpointCore

/// What each prompt shows and takes, with piped lines (issue 8, items 1 to 3): Enter at optional questions,
/// the hint on every prompt, `?` at each prompt, meta prompts, the progress marker.
@Suite("prompts in line mode")
struct PromptLineModeTests {
    @Test func enterSkipsAnOptionalQuestionIsRefusedAtARequiredOneAndEveryPromptSaysWhatItAllows() throws {
        let workspace = try Workspace()
        try workspace.copyFixture("all_types.yaml")
        let input = [
            "y",            // consent
            "",             // welcome: a note
            "shop",         // channel
            "tel",          // products
            "4",            // product_sat[tv]
            "5",            // ease
            "8",            // recommend
            "?",            // visits: help
            "",             // visits: required, refused
            ":skip",        // visits: cannot be skipped
            ":dk",          // visits
            "",             // comment: optional, skipped
            "",             // last_visit: required
            ":rf",          // last_visit
            "5", "4",       // service rows
        ].joined(separator: "\n") + "\n"
        let result = try workspace.run(["run", "all_types.yaml", "--set", "region=north"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let record = try #require(try workspace.records("responses/all_types.jsonl").first)
        #expect(record["missing"]?.sortingKeys == ["comment": "skipped", "last_visit": "refused", "visits": "dont_know"])
        #expect(record["answers"]?["comment"] == nil)
        #expect(result.stderr.contains("input \"\" at `visits`: This question needs an answer."), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("input \"\" at `last_visit`: This question needs an answer."), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("input \":skip\" at `visits`: This question cannot be skipped."), "stderr: \(result.stderr)")
        #expect(!result.stderr.contains("at `comment`"), "stderr: \(result.stderr)")

        // Every prompt, not only the first, says what it allows besides an answer.
        let lines = result.stdout.components(separatedBy: "\n")
        // 12 prompts, 3 of them shown again after a refused line; each with its hint.
        let headers = result.stdout.matches(of: /\[\d+\] [▓░]+ \d+%/).count
        let hints = lines.filter { $0.hasPrefix("  ") && $0.hasSuffix("· ? help") }
        #expect(headers == 15, "stdout: \(result.stdout)")
        #expect(hints.count == headers, "one hint a prompt: \(hints)")
        #expect(lines.contains("  Enter to continue · ? help"))
        #expect(lines.contains("  Enter to skip · ? help"))
        #expect(lines.contains("  answer needed · :dk don't know · :rf refused · ? help"))
        #expect(lines.contains("  answer needed · :rf refused · ? help"))
        #expect(lines.contains("  answer needed · ? help"))
        // `?` at `visits` lists what is allowed there: no :skip.
        let help = try #require(lines.first { $0.contains("Commands here:") })
        #expect(help.contains(":dk don't know") && help.contains(":rf refused") && help.contains(":back (or <)"))
        #expect(!help.contains(":skip"))
    }

    @Test func theProgressMarkerNeverGoesBackwardsInALoopAndEndsAtAHundredPercent() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let input = ["y", "3", "1, 3, 4", "y", "5", "4", "n", "2", "2", "y", "6", "5", "y", "9"].joined(separator: "\n") + "\n"
        let result = try workspace.run(["run", file, "--set", "segment=regular"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let percents = result.stdout.matches(of: /\[(\d+|✓)\] [▓░]+ (\d+)%/).map { (String($0.1), Int($0.2) ?? -1) }
        #expect(percents.count == 15, "stdout: \(result.stdout)")
        #expect(percents.map(\.1) == percents.map(\.1).sorted(), "the marker went backwards: \(percents)")
        #expect(percents.dropLast().allSatisfy { $0.1 < 100 })
        #expect(percents.last?.0 == "✓")
        #expect(percents.last?.1 == 100)
    }

    @Test func metaPromptsTakeHelpAndBackFromTheFirstQuestionAndQuitThereSavesNothing() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        // `?` at the meta prompt, then a value; `<` from the first question back to it; another value; one
        // answer; then :quit saves the interview with the second value.
        let result = try workspace.run(["run", file], input: "?\n2\n<\n3\ny\n:quit\n")
        #expect(result.status == 3, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Commands here: ? (or :help) this help, :quit stop (nothing is saved before the first answer)."),
                "stdout: \(result.stdout)")
        #expect(result.stdout.components(separatedBy: "Customer segment (from the sample record)").count == 3,
                "the meta prompt was not asked again: \(result.stdout)")
        #expect(result.stdout.contains("Enter keeps the earlier answer · ? help"))
        let id = try #require(workspace.checkpoints().first)
        #expect(try workspace.checkpoint(id)["meta"] == ["segment": "high_value"])

        // :quit or the end of input at a meta prompt: nothing saved, and the exit status does not claim a save.
        for input in ["?\n:quit\n", "", "Regular customer\n"] {
            let stopped = try workspace.run(["run", file], input: input)
            #expect(stopped.status == 1, "input \(input.debugDescription): \(stopped.stderr)")
            #expect(stopped.stderr.contains("Stopped before the first answer; nothing was saved."), "stderr: \(stopped.stderr)")
            #expect(workspace.checkpoints() == [id])
        }
    }
}

extension PromptLineModeTests {
    @Test func aQuotaOnAnAskedMetaValueIsCheckedOnceTheMetaPromptIsAnswered() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", """
            touchpoint: 1
            id: quota_meta
            meta:
              segment: {type: single, ask: true, text: Segment, options: [new, regular]}
            quotas:
              - {id: new_ones, when: "meta.segment == 'new'", limit: 1, text: We have enough new customers.}
            questions:
              - {id: solved, type: yes_no, text: Solved?}

            """)
        #expect(try workspace.run(["run", "quota.yaml"], input: "new\ny\n").status == 0)
        // The quota is full: the next `new` interview ends right after its meta prompt.
        let full = try workspace.run(["run", "quota.yaml"], input: "new\n")
        #expect(full.status == 0, "stderr: \(full.stderr)")
        #expect(full.stdout.contains("We have enough new customers."), "stdout: \(full.stdout)")
        #expect(!full.stdout.contains("Solved?"))
        let records = try workspace.records("responses/quota_meta.jsonl")
        #expect(records.map { $0["status"]?.stringValue } == ["complete", "quota_full"])
    }
}
