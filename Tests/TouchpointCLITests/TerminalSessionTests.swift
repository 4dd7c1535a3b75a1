@preconcurrency import Glibc
import Foundation
import Testing
import TestSupport
import TouchpointCore

/// `touchpoint run` at a real pseudo-terminal, typed at like a person: readline editing, Tab completion,
/// `:back`, Ctrl-C, then `--resume ID` in a new session (SPEC section 4, interactive).
@Suite("run at a terminal")
struct TerminalSessionTests {
    private typealias Key = PseudoTerminal.Key

    /// The interview id in "... --resume <id>" of the saved-interview message.
    private func resumeID(in transcript: String) throws -> String {
        let match = try #require(transcript.firstMatch(of: /--resume ([0-9a-f-]{36})/), "no --resume id in:\n\(transcript)")
        return String(match.1)
    }

    @Test func anInterviewerMistypesGoesBackCompletesLabelsIsInterruptedAndResumes() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let terminal = try workspace.terminal(["run", file, "--interviewer", "li"])

        // The meta question first; Tab completes an option label.
        try terminal.expect("Customer segment (from the sample record)")
        try terminal.expect("3) High-value customer")
        try terminal.expect("› ")
        try terminal.send("Reg" + Key.tab)
        try terminal.expect("Regular customer")
        try terminal.send(Key.enter)

        try terminal.expect("Your journey with us")
        try terminal.expect("In the last 12 months, have you bought")
        try terminal.expect("› ")
        // A mistyped answer: the message, then the question again.
        try terminal.send("maybe" + Key.enter)
        try terminal.expect("Type y for yes or n for no.")
        try terminal.expect("In the last 12 months, have you bought")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)

        try terminal.expect("About how many times did you buy or order")
        try terminal.expect("› ")
        // `?` shows the question's help.
        try terminal.send("?" + Key.enter)
        try terminal.expect("An estimate is fine. Count each order once.")
        try terminal.expect("› ")
        try terminal.send("4" + Key.enter)

        try terminal.expect("Which of these steps did you go through")
        try terminal.expect("(choose one or more")
        try terminal.expect("› ")
        // Tab completes the label being typed, also after a comma.
        try terminal.send("Buy" + Key.tab)
        try terminal.expect("ing or ordering")
        try terminal.send(", Usi" + Key.tab)
        try terminal.expect("ng the product or service")
        try terminal.send(Key.enter)

        try terminal.expect("“Buying or ordering”: did you get what you needed at this step?")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)
        try terminal.expect("“Buying or ordering”: how much do you agree?")
        try terminal.expect("› ")
        // :back returns to the previous question with its answer offered; Enter accepts it.
        try terminal.send(":back" + Key.enter)
        try terminal.expect("“Buying or ordering”: did you get what you needed at this step?")
        try terminal.expect("› ")
        try terminal.expect("yes")
        try terminal.send(Key.enter)
        try terminal.expect("“Buying or ordering”: how much do you agree?")
        try terminal.expect("› ")
        try terminal.send("6" + Key.enter)
        try terminal.expect("“Buying or ordering”: how did this step make you feel?")
        try terminal.expect("› ")
        try terminal.send("5" + Key.enter)
        try terminal.expect("“Using the product or service”: did you get what you needed")
        try terminal.expect("› ")

        // Ctrl-C saves the interview after its six answers and says how to continue.
        try terminal.send(Key.controlC)
        try terminal.expect("Interview saved after 6 answers")
        #expect(try terminal.waitForExit() == 3)
        #expect(terminal.isInCookedMode, "the terminal was left in raw mode")
        let id = try resumeID(in: terminal.transcript)
        #expect(workspace.checkpoints() == [id])
        let saved = try workspace.checkpoint(id)
        #expect(saved["steps"]?.arrayValue?.count == 6)
        #expect(!workspace.exists("responses/customer_journey.jsonl"))

        // A new session continues at the seventh question.
        let resumed = try workspace.terminal(["run", file, "--resume", id])
        try resumed.expect("Resuming interview \(id) at question 7.")
        try resumed.expect("“Using the product or service”: did you get what you needed")
        try resumed.expect("› ")
        try resumed.send("n" + Key.enter)
        try resumed.expect("“Using the product or service”: how much do you agree?")
        try resumed.expect("› ")
        try resumed.send("3" + Key.enter)
        try resumed.expect("“Using the product or service”: how did this step make you feel?")
        try resumed.expect("› ")
        try resumed.send("2" + Key.enter)
        try resumed.expect("Overall, did we meet your needs")
        try resumed.expect("› ")
        try resumed.send("n" + Key.enter)
        try resumed.expect("How likely are you to recommend us")
        try resumed.expect("› ")
        // A soft check asks for confirmation, naming the answer; Enter keeps it.
        try resumed.send("10" + Key.enter)
        try resumed.expect("Is 10 the score you meant?")
        try resumed.expect("› ")
        try resumed.send(Key.enter)
        try resumed.expect("Saved response \(id)")
        #expect(try resumed.waitForExit() == 0)

        let records = try workspace.records("responses/customer_journey.jsonl")
        let record = try #require(records.first)
        #expect(records.count == 1)
        #expect(record.keys == HeadlessRunTests.specKeyOrder)
        #expect(record["response_id"]?.stringValue == id)
        #expect(record["status"] == "complete")
        #expect(record["mode"] == "interactive")
        #expect(record["language"] == "en")
        #expect(record["interviewer"] == "li")
        #expect(record["meta"] == ["segment": "regular"])
        #expect(record["answers"]?.sortingKeys == ([
            "customer_12m": true, "purchases": 4, "stages": ["acquisition", "use"],
            "stage_success": ["acquisition": true, "use": false], "stage_effort": ["acquisition": 6, "use": 3],
            "stage_emotion": ["acquisition": 5, "use": 2], "need_met": false, "recommend": 10,
        ] as JSONValue).sortingKeys)
        #expect(record["path"]?.strings == ["customer_12m", "purchases", "stages",
                                             "stage_success[acquisition]", "stage_effort[acquisition]", "stage_emotion[acquisition]",
                                             "stage_success[use]", "stage_effort[use]", "stage_emotion[use]",
                                             "need_met", "recommend"])
        #expect(record["computed"]?.sortingKeys == ["mean_effort": 4.5, "mean_emotion": 3.5, "promoter": true])
        #expect(record["warnings"]?.strings.count == 1)
        #expect(record["missing"] == .object(JSONObject()))
        #expect(workspace.checkpoints().isEmpty)
        // The interruption kept the start time and the time spent on the questions answered before it.
        #expect(record["started_at"] == saved["started_at"])
        let startedAt = record["started_at"]?.stringValue ?? "", completedAt = record["completed_at"]?.stringValue ?? ""
        #expect(RFC3339.isUTC(startedAt) && RFC3339.isUTC(completedAt))
        #expect(startedAt <= completedAt)
        for question in ["customer_12m", "purchases", "stages"] {
            #expect(record["durations_ms"]?[question] != nil)
            #expect(record["durations_ms"]?[question] == saved["durations_ms"]?[question], "durations_ms of \(question)")
        }
    }

    @Test(arguments: [":quit" + Key.enter, Key.controlD])
    func quittingOrEndingInputAtAPromptSavesTheInterview(keys: String) throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        let terminal = try workspace.terminal(["run", file])
        try terminal.expect("How likely are you to recommend us")
        try terminal.expect("› ")
        try terminal.send("8" + Key.enter)
        try terminal.expect("What is the main reason for your score of 8?")
        try terminal.expect("› ")
        try terminal.send(keys)
        try terminal.expect("Interview saved after 1 answer. Continue with: touchpoint run")
        #expect(try terminal.waitForExit() == 3)
        #expect(terminal.isInCookedMode)
        let id = try resumeID(in: terminal.transcript)
        #expect(try workspace.checkpoint(id)["steps"]?[0]?["answer"] == 8)
    }

    @Test func controlCBeforeTheFirstQuestionSavesNothing() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let terminal = try workspace.terminal(["run", file])
        try terminal.expect("Customer segment (from the sample record)")
        try terminal.expect("› ")
        try terminal.send(Key.controlC)
        try terminal.expect("nothing was saved")
        // Nothing saved: not the exit status of a saved interview (3).
        #expect(try terminal.waitForExit() == 1)
        #expect(workspace.checkpoints().isEmpty)
        #expect(!workspace.exists("responses/customer_journey.jsonl"))
    }

    @Test func escapeSequencesInTheFileNeverReachTheTerminal() throws {
        let workspace = try Workspace()
        try workspace.write("hostile.yaml", """
            touchpoint: 1
            id: hostile
            questions:
              - id: ok
                type: yes_no
                text: "Clear the screen? \\e[2J\\e]0;owned\\a done"

            """)
        let terminal = try workspace.terminal(["run", "hostile.yaml"])
        try terminal.expect("done")
        try terminal.expect("› ")
        try terminal.send("y" + Key.enter)
        #expect(try terminal.waitForExit() == 0)
        #expect(!terminal.transcript.contains("\\e[2J"), "the file cleared the screen:\n\(terminal.transcript)")
        #expect(!terminal.transcript.contains("\\e]0;owned"), "the file set the window title:\n\(terminal.transcript)")
    }

    @Test func aChineseInterviewShowsChinesePromptsCompletesChineseLabelsAndResumesInChinese() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let terminal = try workspace.terminal(["run", file, "--lang", "zh", "--set", "store=Beijing"])

        try terminal.expect("客户类型（依据样本记录）")
        try terminal.expect("3) 高价值客户")
        try terminal.expect("› ")
        try terminal.send("高" + Key.tab)
        try terminal.expect("价值客户")
        try terminal.send(Key.enter)

        try terminal.expect("您的客户旅程")
        try terminal.expect("在过去12个月里，您是否购买、订购或使用过我们的产品或服务？")
        try terminal.expect("y = 是 · n = 否")
        try terminal.expect("必答 · ? 帮助")
        try terminal.expect("› ")
        // Back from the first question to the meta prompt, whose value is offered again; Enter keeps it.
        try terminal.send(":back" + Key.enter)
        try terminal.expect("客户类型（依据样本记录）")
        try terminal.expect("回车保留原答案，输入即替换 · ? 帮助")
        try terminal.expect("高价值客户")
        try terminal.send(":back" + Key.enter)
        try terminal.expect("这是第一题，无法返回。")
        try terminal.send(Key.enter)
        try terminal.expect("在过去12个月里，您是否购买、订购或使用过我们的产品或服务？")
        try terminal.expect("› ")
        try terminal.send("是" + Key.enter)
        try terminal.expect("您大约在我们这里购买或下单了多少次？")
        try terminal.expect("› ")
        try terminal.send("很多" + Key.enter)
        try terminal.expect("请输入整数。")
        try terminal.expect("› ")
        try terminal.send(":dk" + Key.enter)
        try terminal.expect("您与我们经历了以下哪些环节？")
        try terminal.expect("5) 寻求帮助或反馈意见")
        try terminal.expect("› ")
        try terminal.send("寻求" + Key.tab)
        try terminal.expect("帮助或反馈意见")
        try terminal.send(Key.enter)
        try terminal.expect("“寻求帮助或反馈意见”：在这个环节，您的需求得到满足了吗？")
        try terminal.expect("› ")
        try terminal.send(Key.controlC)
        try terminal.expect("访谈已保存（已答 3 题）")
        #expect(try terminal.waitForExit() == 3)
        let id = try resumeID(in: terminal.transcript)

        let resumed = try workspace.terminal(["run", file, "--resume", id])
        try resumed.expect("继续访谈 \(id)，从第 4 题开始。")
        try resumed.expect("“寻求帮助或反馈意见”：在这个环节，您的需求得到满足了吗？")
        try resumed.expect("› ")
        try resumed.send("否" + Key.enter)
        try resumed.expect("“寻求帮助或反馈意见”：您是否同意")
        try resumed.expect("› ")
        try resumed.send("2" + Key.enter)
        try resumed.expect("这个环节给您带来怎样的感受？")
        try resumed.expect("› ")
        try resumed.send("1" + Key.enter)
        try resumed.expect("总体而言，过去12个月我们满足了您的需求吗？")
        try resumed.expect("› ")
        try resumed.send("否" + Key.enter)
        try resumed.expect("您向朋友或同事推荐我们的可能性有多大？")
        try resumed.expect("› ")
        try resumed.send("3" + Key.enter)
        // Piping in Chinese: the score just given.
        try resumed.expect("您给我们打了3分（满分10分）。我们最需要改进的是什么？")
        try resumed.expect("› ")
        try resumed.send("送货太慢" + Key.enter)
        try resumed.expect("答卷 \(id) 已保存到")
        #expect(try resumed.waitForExit() == 0)

        let record = try #require(try workspace.records("responses/customer_journey.jsonl").first)
        #expect(record["language"] == "zh")
        #expect(record["status"] == "complete")
        #expect(record["meta"]?.sortingKeys == ["segment": "high_value", "store": "Beijing"])
        #expect(record["missing"] == ["purchases": "dont_know"])
        #expect(record["answers"]?.sortingKeys == ([
            "customer_12m": true, "stages": ["feedback"], "stage_success": ["feedback": false],
            "stage_effort": ["feedback": 2], "stage_emotion": ["feedback": 1], "need_met": false, "recommend": 3,
            "reason": "送货太慢",
        ] as JSONValue).sortingKeys)
        #expect(record["path"]?.strings == ["customer_12m", "purchases", "stages", "stage_success[feedback]",
                                             "stage_effort[feedback]", "stage_emotion[feedback]", "need_met", "recommend", "reason"])
    }
}
