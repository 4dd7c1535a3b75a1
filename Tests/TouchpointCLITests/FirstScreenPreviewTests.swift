import Foundation
import Testing
import TestSupport
import TouchpointCore

/// `run` on a large file draws its first screen from the file's head while the whole file is checked
/// (`FirstScreenPreview`); the screen stays only if the whole file gives the same one, and is erased otherwise.
@Suite("run draws the first screen of a large file from its head")
struct FirstScreenPreviewTests {
    /// The erase sequence the preview ends with when it is withdrawn (cursor up the captured number of rows,
    /// clear below), as the transcript shows it.
    static var erase: Regex<(Substring, Substring)> { /\\r\\e\[(\d+)A\\e\[J/ }

    /// The transcript shows `text` once and no erase: the first screen was drawn once, whether from the head or
    /// from the whole file.
    static func expectDrawnOnce(_ text: String, in transcript: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(transcript.components(separatedBy: text).count == 2, "\(transcript)", sourceLocation: sourceLocation)
        #expect(transcript.firstMatch(of: erase) == nil, "\(transcript)", sourceLocation: sourceLocation)
    }

    /// The text of a file in the workspace.
    static func text(_ workspace: Workspace, _ path: String) throws -> String {
        String(decoding: try workspace.bytes(path), as: UTF8.self)
    }

    /// A questionnaire of more than 64 KB whose interview asks two questions and ends: the rest are never reached
    /// (a warning for `validate`, nothing for `run`). `tail` is written after the questions.
    static func source(tail: String = "", lastType: String = "single") -> String {
        var lines = ["touchpoint: 1", "id: preview", "title: \"Preview test\"", "questions:",
                     "  - id: visit", "    type: single", "    text: \"How did you reach us first?\"",
                     "    options: [store, app, phone]",
                     "  - id: why", "    type: text", "    required: false", "    text: \"What brought you, after choosing {visit}?\"",
                     "  - end: complete"]
        for n in 1...700 {
            lines += ["  - id: pad\(n)", "    type: \(n == 700 ? lastType : "single")",
                      "    text: \"A question nobody is asked, number \(n), kept for the size of the file\"",
                      "    options: [a, b, c]"]
        }
        return lines.joined(separator: "\n") + "\n" + tail
    }

    @Test("a head that gives the same first screen keeps it, and the interview goes on against the whole file")
    func sameScreenIsKept() throws {
        let workspace = try Workspace()
        let source = Self.source()
        #expect(source.utf8.count >= 64 * 1024)
        try workspace.write("large.yaml", source)
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl"])
        try terminal.expect("How did you reach us first?")
        try terminal.expect("› ")
        try terminal.send("2\r")
        try terminal.expect("What brought you, after choosing app?")
        try terminal.send("the app store\r")
        #expect(try terminal.waitForExit() == 0)
        let transcript = terminal.transcript
        Self.expectDrawnOnce("How did you reach us first?", in: transcript)
        Self.expectDrawnOnce("Preview test", in: transcript)
        let record = try #require(try Self.text(workspace, "out.jsonl").split(separator: "\n").first)
        #expect(record.contains("\"visit\":\"app\""))
        #expect(record.contains("\"why\":\"the app store\""))
    }

    @Test("the head's screen is drawn in the language and with the meta values of the command line")
    func languageAndMetaReachTheHead() throws {
        let workspace = try Workspace()
        let source = Self.source()
            .replacingOccurrences(of: "title: \"Preview test\"\n",
                                  with: "title: \"Preview test\"\nlanguages: [en, zh]\nmeta:\n  store:\n    type: text\n    text: {en: Store, zh: 门店}\n")
            .replacingOccurrences(of: "    text: \"How did you reach us first?\"",
                                  with: "    text: {en: \"How did you reach us first?\", zh: \"您最初是在{meta.store}怎样联系我们的？\"}")
        try workspace.write("large.yaml", source)
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl", "--lang", "zh", "--set", "store=浦东店"])
        try terminal.expect("您最初是在浦东店怎样联系我们的？")
        try terminal.expect("› ")
        try terminal.send("1\r")
        try terminal.expect("What brought you, after choosing store?")
        try terminal.send("\r")
        #expect(try terminal.waitForExit() == 0)
        let transcript = terminal.transcript
        Self.expectDrawnOnce("您最初是在浦东店", in: transcript)
        #expect(try Self.text(workspace, "out.jsonl").contains("\"language\":\"zh\""))
    }

    @Test("a first screen the head does not give is erased and drawn again")
    func differentScreenIsRedrawn() throws {
        let workspace = try Workspace()
        // The intro comes after the questions: the head has none, the whole file shows it above the first question.
        try workspace.write("large.yaml", Self.source(tail: "intro: \"Thank you for taking part.\"\n"))
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl"])
        try terminal.expect("How did you reach us first?")
        try terminal.expect("Thank you for taking part.")
        try terminal.expect("How did you reach us first?")
        try terminal.expect("› ")
        let transcript = terminal.transcript
        let erased = try #require(transcript.firstMatch(of: Self.erase), "\(transcript)")
        // Erased before the intro, which only the whole file has; the preview's lines are all above the erase.
        #expect(transcript[..<erased.range.lowerBound].contains("How did you reach us first?"))
        #expect(!transcript[..<erased.range.lowerBound].contains("Thank you"))
        #expect(transcript[erased.range.upperBound...].contains("Thank you for taking part."))
        try terminal.send("1\r")
        try terminal.expect("What brought you, after choosing store?")
        try terminal.send("\r")
        #expect(try terminal.waitForExit() == 0)
        #expect(try Self.text(workspace, "out.jsonl").contains("\"visit\":\"store\""))
    }

    @Test("the erase goes up exactly the rows the preview took, a title wider than the terminal counting twice")
    func eraseCountsWrappedRows() throws {
        let workspace = try Workspace()
        // 78 columns: two rows of 40, and three if the bold style's escape sequences were counted as columns.
        let title = "A title much longer than the forty columns of this terminal, nearly two of the"
        try workspace.write("large.yaml", Self.source(tail: "intro: Thanks.\n").replacingOccurrences(of: "Preview test", with: title))
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl"], columns: 40)
        try terminal.expect("Thanks.")
        try terminal.expect("› ")
        let transcript = terminal.transcript
        let erased = try #require(transcript.firstMatch(of: Self.erase), "\(transcript)")
        // The preview's lines, each ended by a line break, above the prompt's line; the title takes two rows.
        let lines = transcript[..<erased.range.lowerBound].components(separatedBy: "\n").count - 1
        #expect(Int(erased.output.1) == lines + 1, "\(transcript)")
    }

    @Test("a file with an error past its head erases the first screen, prints the error and records nothing")
    func brokenFileIsRefusedAfterThePreview() throws {
        let workspace = try Workspace()
        try workspace.write("large.yaml", Self.source(lastType: "singel"))
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl"])
        try terminal.expect("How did you reach us first?")
        try terminal.expect("singel")
        #expect(try terminal.waitForExit() == 2)
        let transcript = terminal.transcript
        let erased = try #require(transcript.firstMatch(of: Self.erase), "\(transcript)")
        #expect(transcript[erased.range.upperBound...].contains("is not a valid questionnaire"))
        #expect(!workspace.exists("out.jsonl"))
    }

    @Test("a head that does not check alone draws nothing early: the screen comes once, from the whole file")
    func headThatFailsDrawsNothing() throws {
        let workspace = try Workspace()
        // The first question pipes a meta value declared at the end of the file: the head alone names an unknown
        // value, the whole file is valid.
        let source = Self.source(tail: "meta:\n  store:\n    type: text\n    text: Store\n")
            .replacingOccurrences(of: "How did you reach us first?", with: "How did you reach us first, {meta.store}?")
        try workspace.write("large.yaml", source)
        let terminal = try workspace.terminal(["run", "large.yaml", "--out", "out.jsonl", "--set", "store=Pudong"])
        try terminal.expect("How did you reach us first, Pudong?")
        try terminal.expect("› ")
        try terminal.send("3\r")
        try terminal.expect("What brought you")
        try terminal.send("\r")
        #expect(try terminal.waitForExit() == 0)
        let transcript = terminal.transcript
        Self.expectDrawnOnce("How did you reach us first", in: transcript)
    }
}
