@preconcurrency import Glibc
import Foundation
import Testing
import TestSupport
import TouchpointCore

/// Typing answers at `touchpoint run` (issue 8, items 5 to 7): messages shown once and naming the problem,
/// full-width input from Chinese input methods, Tab completion of the item being typed, wrapping at a
/// narrow terminal and the hint drawn again after a resize. Through a real pseudo-terminal and in line mode.
@Suite("typing answers")
struct TypingAnswersTests {
    private typealias Key = PseudoTerminal.Key

    static let questionnaire = """
        touchpoint: 1
        id: typing
        languages: [en, zh]
        questions:
          - id: feel
            type: scale
            min: 1
            max: 5
            labels:
              1: {en: Very negative, zh: 非常负面}
              2: {en: Somewhat negative, zh: 有些负面}
              3: {en: Neutral, zh: 中立}
              4: {en: Somewhat positive, zh: 有些正面}
              5: {en: Very positive, zh: 非常正面}
            text: {en: How did this step make you feel?, zh: 这个环节给您带来怎样的感受？}
          - id: stages
            type: multi
            options:
              - {value: find, label: {en: Finding out about us, zh: 了解我们}}
              - {value: buy, label: {en: Buying or ordering, zh: 购买或下单}}
              - {value: use, label: {en: Using the product or service, zh: 使用产品或服务}}
              - {value: help, label: {en: Getting help or giving feedback, zh: 寻求帮助或反馈意见}}
            text: {en: Which of these steps did you go through?, zh: 您经历了以下哪些环节？}
          - id: recommend
            type: nps
            text: {en: How likely are you to recommend us?, zh: 您向朋友推荐我们的可能性有多大？}
            checks:
              - rule: "recommend < 10"
                soft: true
                message: {en: "Is {recommend} the score you meant?", zh: "您确定是{recommend}分吗？"}
          - id: last_visit
            type: date
            text: {en: When did you last visit us?, zh: 您上次光临是什么时候？}
          - id: comment
            type: text
            required: false
            text: {en: Anything to add?, zh: 还有什么要补充的吗？}

        """

    /// The lines touchpoint printed (not those readline echoes after `› `), without colour sequences or
    /// carriage returns; from a transcript (`\\e` shown) or raw output.
    private static func screenLines(_ transcript: String) -> [String] {
        let plain = transcript.replacing(/(\\e|\u{1B})\[[0-9;?]*[A-Za-z]/, with: "")
            .replacingOccurrences(of: "\\r", with: "").replacingOccurrences(of: "\r", with: "")
        return plain.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter { !$0.contains("›") }
    }

    private static func occurrences(of needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    // MARK: Through a pseudo-terminal

    @Test func atFortyColumnsAnInterviewerSeesWholeHintsOneSoftCheckMessageAndNamedProblemsAndTabCompletesTheItem() throws {
        let workspace = try Workspace()
        try workspace.write("typing.yaml", Self.questionnaire)
        let terminal = try workspace.terminal(["run", "typing.yaml"], columns: 40)

        try terminal.expect("How did this step make you feel?")
        try terminal.expect("› ")
        // A label start two labels share is named, not "type a whole number".
        try terminal.send("Very" + Key.enter)
        try terminal.expect("\"Very\" could be \"Very negative\" (1) /")
        try terminal.expect("› ")
        // A full-width digit from an input method.
        try terminal.send("５" + Key.enter)

        try terminal.expect("Which of these steps did you go through?")
        try terminal.expect("› ")
        // Tab completes the item after a space, with the label only (the code `use` is no candidate).
        try terminal.send("3 Ge" + Key.tab)
        try terminal.expect("tting help or giving feedback")
        try terminal.send(", Us" + Key.tab)
        try terminal.expect("ing the product or service")
        try terminal.send(Key.enter)

        try terminal.expect("How likely are you to recommend us?")
        try terminal.expect("› ")
        try terminal.send("10" + Key.enter)
        try terminal.expect("Is 10 the score you meant?")
        try terminal.expect("› ")
        try terminal.send(Key.enter)

        try terminal.expect("When did you last visit us?")
        try terminal.expect("› ")
        try terminal.send("2026-02-30" + Key.enter)
        try terminal.expect("February has no 30th")
        try terminal.expect("› ")
        try terminal.send("２０２６－０２－２８" + Key.enter)
        try terminal.expect("Anything to add?")
        try terminal.expect("› ")
        try terminal.send("Fine，３ stars" + Key.enter)
        try terminal.expect("Saved response")
        #expect(try terminal.waitForExit() == 0)

        let transcript = terminal.transcript
        #expect(Self.occurrences(of: "Is 10 the score you meant?", in: transcript) == 1, "\(transcript)")
        let lines = Self.screenLines(transcript)
        // (The closing "Saved response <id> to <file>" line is one line, to be copied whole.)
        for line in lines where !line.hasPrefix("Saved response") {
            #expect(DisplayWidth.columns(line) <= 40, "wider than 40 columns: \(line)")
            #expect(!line.hasSuffix(" ="), "a scale label was split from its number: \(line)")
        }
        // The hints break at spaces: every word of the multi hint is whole on some line.
        #expect(lines.contains("  (choose one or more, separated by"), "\(lines)")
        #expect(lines.contains("   commas or spaces)"), "\(lines)")
        #expect(lines.contains { $0.contains("5 = Very positive") })

        let record = try #require(try workspace.records("responses/typing.jsonl").first)
        #expect(record["answers"]?.sortingKeys == ([
            "feel": 5, "stages": ["use", "help"], "recommend": 10, "last_visit": "2026-02-28", "comment": "Fine，３ stars",
        ] as JSONValue).sortingKeys)
        #expect(record["warnings"]?.strings.count == 1)
    }

    @Test func tabCompletesChineseLabelsAfterAChineseCommaAndListsLabelsWithoutCodes() throws {
        let workspace = try Workspace()
        try workspace.write("typing.yaml", Self.questionnaire)
        let terminal = try workspace.terminal(["run", "typing.yaml", "--lang", "zh"], columns: 40)
        try terminal.expect("这个环节给您带来怎样的感受？")
        try terminal.expect("› ")
        try terminal.send("非常" + Key.enter)
        try terminal.expect("“非常”可能是")
        try terminal.expect("› ")
        try terminal.send("非常正" + Key.tab)
        try terminal.expect("面")
        try terminal.send(Key.enter)
        try terminal.expect("您经历了以下哪些环节？")
        try terminal.expect("（可多选，用逗号或空格分隔）")
        try terminal.expect("› ")
        try terminal.send("1，寻求" + Key.tab)
        try terminal.expect("帮助或反馈意见")
        // Two Tabs after a separator list the labels alone: no codes, no commands.
        try terminal.send("，" + Key.tab + Key.tab)
        let listing = try terminal.expect("使用产品或服务")
        #expect(!listing.contains("help") && !listing.contains(":back"), "\(listing)")
        try terminal.send(Key.controlU + "１、３" + Key.enter)
        try terminal.expect("您向朋友推荐我们的可能性有多大？")
        try terminal.expect("› ")
        try terminal.send(Key.controlC)
        #expect(try terminal.waitForExit() == 3)
        let id = try #require(workspace.checkpoints().first)
        let steps = try workspace.checkpoint(id)["steps"]?.arrayValue ?? []
        #expect(steps.count == 2)
        #expect(steps.last?["answer"] == ["find", "use"])
    }

    @Test func afterAResizeTheHintIsDrawnAgainAtTheNewWidthWithTheLineBeingEdited() throws {
        let workspace = try Workspace()
        try workspace.write("typing.yaml", Self.questionnaire)
        let terminal = try workspace.terminal(["run", "typing.yaml"], columns: 40)
        try terminal.expect("› ")
        try terminal.send("5" + Key.enter)
        try terminal.expect("   commas or spaces)")
        try terminal.expect("› ")
        try terminal.send("1 2")

        try terminal.setWindowSize(columns: 80, rows: 40)
        _ = kill(terminal.processID, SIGWINCH)
        // The hint on one line at 80 columns, then the prompt with what was typed.
        try terminal.expect("  (choose one or more, separated by commas or spaces)")
        try terminal.expect("› ")
        try terminal.expect("1 2")

        try terminal.setWindowSize(columns: 30, rows: 40)
        _ = kill(terminal.processID, SIGWINCH)
        try terminal.expect("  (choose one or more,")
        try terminal.expect("   separated by commas or")
        try terminal.expect("   spaces)")
        try terminal.expect("1 2")
        // Editing goes on where it was.
        try terminal.send(" 3" + Key.enter)
        try terminal.expect("How likely are you to")
        // The next question is laid out for the new width.
        let question = try terminal.expect("› ")
        for line in Self.screenLines(question) {
            #expect(DisplayWidth.columns(line) <= 30, "wider than 30 columns: \(line)")
        }
        try terminal.send(Key.controlC)
        #expect(try terminal.waitForExit() == 3)
        let id = try #require(workspace.checkpoints().first)
        #expect(try workspace.checkpoint(id)["steps"]?[1]?["answer"] == ["find", "buy", "use"])
    }

    // MARK: Line mode

    @Test func inLineModeASoftCheckIsReportedOnceAndFullWidthAnswersAreRead() throws {
        let workspace = try Workspace()
        try workspace.write("typing.yaml", Self.questionnaire)
        let input = ["Very", "４", "１，２", "10", "", "2026-02-29", "2026-13-01", "２０２６－０２－２８", "：ｓｋｉｐ"]
            .joined(separator: "\n") + "\n"
        let result = try workspace.run(["run", "typing.yaml"], input: input)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(Self.occurrences(of: "Is 10 the score you meant?", in: result.stdout + result.stderr) == 1,
                "stdout: \(result.stdout)\nstderr: \(result.stderr)")
        #expect(result.stderr.contains("\"Very\" could be \"Very negative\" (1) / \"Very positive\" (5)."), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("2026 is not a leap year: February 2026 has 28 days."), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("There is no month 13: months run from 1 to 12."), "stderr: \(result.stderr)")
        let record = try #require(try workspace.records("responses/typing.jsonl").first)
        #expect(record["answers"]?.sortingKeys == ([
            "feel": 4, "stages": ["find", "buy"], "recommend": 10, "last_visit": "2026-02-28",
        ] as JSONValue).sortingKeys)
        #expect(record["missing"] == ["comment": "skipped"])
    }

    @Test func inLineModeAtFortyColumnsChineseAndEnglishHintsWrapWhole() throws {
        let workspace = try Workspace()
        try workspace.write("typing.yaml", Self.questionnaire)
        for language in ["en", "zh"] {
            let result = try workspace.run(["run", "typing.yaml", "--lang", language], input: "3\n1\n",
                                           environment: ["COLUMNS": "40"])
            #expect(result.status == 3)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            for line in lines {
                #expect(DisplayWidth.columns(line) <= 40, "wider than 40 columns (\(language)): \(line)")
                #expect(!line.hasSuffix(" ="), "a label split from its number (\(language)): \(line)")
            }
            let closing: Set<Character> = ["，", "。", "）", "？"]
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces).first.map(closing.contains) ?? false },
                    "a line starts with closing punctuation (\(language)):\n\(result.stdout)")
            if language == "en" {
                #expect(lines.contains("  1-5: 1 = Very negative ·"), "\(result.stdout)")
                #expect(lines.contains("    5 = Very positive"), "\(result.stdout)")
            } else {
                #expect(lines.contains("  1-5: 1 = 非常负面 · 2 = 有些负面 ·"), "\(result.stdout)")
                #expect(lines.contains("  （可多选，用逗号或空格分隔）"), "\(result.stdout)")
            }
        }
    }
}

private enum DisplayWidth {
    /// Terminal columns of a line: East Asian wide and fullwidth characters take two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
