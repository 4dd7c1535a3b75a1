@preconcurrency import Glibc
import Foundation
import Testing
import TestSupport
import TouchpointCore

/// Editing at a real pseudo-terminal (issue 8, items 2 and 4): a rejected line comes back to be corrected,
/// a default after `:back` is replaced by typing and kept by editing keys, meta prompts take commands.
@Suite("prompts at a terminal")
struct PromptTerminalTests {
    private typealias Key = PseudoTerminal.Key

    static let yaml = """
        touchpoint: 1
        id: edits
        questions:
          - {id: story, type: text, max_length: 20, text: Tell us briefly.}
          - {id: visits, type: number, integer: true, min: 0, max: 500, text: How many visits?}
          - {id: again, type: yes_no, text: Would you come again?}

        """

    @Test func aRejectedLineComesBackForEditingAndTypingOverADefaultReplacesIt() throws {
        let workspace = try Workspace()
        try workspace.write("edits.yaml", Self.yaml)
        let terminal = try workspace.terminal(["run", "edits.yaml"])
        try terminal.expect("Tell us briefly.")
        try terminal.expect("answer needed · ? help")
        try terminal.expect("› ")
        let long = String(repeating: "abcdefghij", count: 3)
        try terminal.send(long + Key.enter)
        try terminal.expect("Type at most 20 characters (this is 30).")
        // The same line stands in the edit buffer: Backspace trims it instead of retyping it.
        try terminal.expect("› ")
        try terminal.expect(long)
        try terminal.send(String(repeating: Key.backspace, count: 10) + Key.enter)

        try terminal.expect("How many visits?")
        try terminal.expect("› ")
        try terminal.send("4" + Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        // Back: the earlier answer is the default, and typing replaces it (40, not 440).
        try terminal.send(":back" + Key.enter)
        try terminal.expect("How many visits?")
        try terminal.expect("Enter keeps the earlier answer, typing replaces it · ? help")
        try terminal.expect("› ")
        try terminal.expect("4")
        try terminal.send("40" + Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        // An editing key first keeps the default for editing: Left, then 5, makes 450.
        try terminal.send(":back" + Key.enter)
        try terminal.expect("How many visits?")
        try terminal.expect("› ")
        try terminal.expect("40")
        try terminal.send(Key.left + "5" + Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        // A paste replaces the default as typing does.
        try terminal.send(":back" + Key.enter)
        try terminal.expect("How many visits?")
        try terminal.expect("› ")
        try terminal.expect("450")
        try terminal.send("\u{1B}[200~12\u{1B}[201~" + Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)
        try terminal.expect("[✓] ▓▓▓▓▓▓▓▓▓▓▓▓ 100%")
        try terminal.expect("Saved response")
        #expect(try terminal.waitForExit() == 0)

        let record = try #require(try workspace.records("responses/edits.jsonl").first)
        #expect(record["answers"]?.sortingKeys == (["story": "abcdefghijabcdefghij", "visits": 12, "again": true] as JSONValue).sortingKeys)
        #expect(record["path"]?.strings == ["story", "visits", "again"])
    }

    @Test func afterGoingBackEnterKeepsTheEarlierAnswerAtAnOptionalQuestion() throws {
        let workspace = try Workspace()
        try workspace.write("optional.yaml", """
            touchpoint: 1
            id: optional
            questions:
              - {id: note, type: text, required: false, text: Anything to add?}
              - {id: again, type: yes_no, text: Would you come again?}

            """)
        let terminal = try workspace.terminal(["run", "optional.yaml"])
        try terminal.expect("Anything to add?")
        try terminal.expect("Enter to skip · ? help")
        try terminal.expect("› ")
        try terminal.send("fine" + Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        try terminal.send("<" + Key.enter)
        try terminal.expect("Enter keeps the earlier answer")
        try terminal.expect("› ")
        try terminal.expect("fine")
        try terminal.send(Key.enter)
        try terminal.expect("Would you come again?")
        try terminal.expect("› ")
        try terminal.send("n" + Key.enter)
        #expect(try terminal.waitForExit() == 0)
        let record = try #require(try workspace.records("responses/optional.jsonl").first)
        #expect(record["answers"]?["note"] == "fine")
        #expect(record["missing"] == .object(JSONObject()))
    }

    @Test func metaPromptsShowHelpAndControlDThereSavesNothingAndSaysSo() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let terminal = try workspace.terminal(["run", file])
        try terminal.expect("Customer segment (from the sample record)")
        try terminal.expect("answer needed · ? help")
        try terminal.expect("› ")
        try terminal.send("?" + Key.enter)
        try terminal.expect("Commands here: ? (or :help) this help, :quit stop (nothing is saved before the first answer).")
        try terminal.expect("› ")
        try terminal.send(Key.controlD)
        try terminal.expect("Stopped before the first answer; nothing was saved.")
        #expect(try terminal.waitForExit() == 1)
        #expect(terminal.isInCookedMode)
        #expect(workspace.checkpoints().isEmpty)
    }
}
