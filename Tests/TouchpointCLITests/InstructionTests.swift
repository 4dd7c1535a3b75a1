import Foundation
import Testing
import TestSupport
import TouchpointCore

/// A question's `instruction` is for the interviewer: shown at the prompt in a distinct style, exactly as
/// written (never piped), and listed by `show` (issue 8, item 11).
@Suite("interviewer instructions")
struct InstructionTests {
    static let questionnaire = """
    touchpoint: 1
    id: card_check
    questions:
      - {id: recommend, type: nps, text: How likely are you to recommend us?}
      - id: card
        type: single
        options: [a, b, c]
        text: "You gave {recommend}. Which card fits best?"
        instruction: "SHOW CARD B; do not read {recommend} out"
    """

    @Test func aPipedInterviewShowsTheInstructionBracketedAndAsWritten() throws {
        let workspace = try Workspace()
        try workspace.write("card.yaml", Self.questionnaire)
        let result = try workspace.run(["run", "card.yaml", "--out", "out.jsonl"], input: "8\n2\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("You gave 8. Which card fits best?"), "\(result.stdout)")
        // The question text is piped, the instruction is not: `{recommend}` stays as written.
        #expect(result.stdout.contains("[SHOW CARD B; do not read {recommend} out]"), "\(result.stdout)")
        #expect(!result.stdout.contains("do not read 8 out"))
        // It is for the interviewer's eyes only: nothing of it is in the record.
        let record = String(decoding: try workspace.bytes("out.jsonl"), as: UTF8.self)
        #expect(!record.contains("SHOW CARD"))
    }

    @Test func atATerminalTheInstructionIsDimmed() throws {
        let workspace = try Workspace()
        try workspace.write("card.yaml", Self.questionnaire)
        let terminal = try workspace.terminal(["run", "card.yaml", "--out", "out.jsonl"])
        try terminal.expect("How likely are you to recommend us?")
        try terminal.expect("› ")
        try terminal.send("8" + PseudoTerminal.Key.enter)
        // SGR 2 (dim) around the bracketed line, set apart from the bold question text.
        try terminal.expect("\u{1B}[2m[SHOW CARD B; do not read {recommend} out]")
        try terminal.expect("› ")
        try terminal.send("2" + PseudoTerminal.Key.enter)
        _ = try terminal.waitForExit()
    }

    @Test func showListsTheInstruction() throws {
        let workspace = try Workspace()
        try workspace.write("card.yaml", Self.questionnaire)
        let shown = try workspace.run(["show", "card.yaml"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("SHOW CARD B"), "\(shown.stdout)")
    }
}
