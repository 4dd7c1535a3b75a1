@preconcurrency import Glibc
import Testing
import TouchpointCore

/// No accepted answer may be lost (SPEC section 4, durability): not even when the process is killed outright.
@Suite("crash recovery")
struct CrashRecoveryTests {
    @Test func killingTheProcessAfterFourAnswersLosesNoneOfThem() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("customer_journey")
        let process = try workspace.start(["run", file, "--set", "segment=high_value", "--respondent", "K9"])
        // Four answers, then wait until the fifth question is on screen: by then the fourth is checkpointed.
        process.send("y\n12\nunderstanding, feedback\nn\n")
        try process.expectOutput("[5]")
        try process.expectOutput("“Learning about our products and offers”: how much do you agree?")
        process.signal(SIGKILL)
        #expect(try process.waitForExit() == 128 + SIGKILL)

        let id = try #require(workspace.checkpoints().first, "no checkpoint was left")
        #expect(workspace.checkpoints().count == 1)
        #expect(try workspace.checkpoint(id)["steps"]?.arrayValue?.count == 4)
        #expect(workspace.list("responses/.partial").allSatisfy { !$0.hasSuffix(".tmp") })

        let rest = ["5", "4", "y", "6", "5", "y", "8"].joined(separator: "\n") + "\n"
        let resumed = try workspace.run(["run", file, "--resume", id], input: rest)
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        // The resumed interview starts at the fifth question...
        #expect(resumed.stdout.contains("at question 5."), "stdout: \(resumed.stdout)")
        #expect(!resumed.stdout.contains("About how many times"), "an answered question was asked again")
        // ...and the record holds the four answers given before the kill.
        let record = try #require(try workspace.records("responses/customer_journey.jsonl").first)
        #expect(record["response_id"]?.stringValue == id)
        #expect(record["respondent"] == "K9")
        #expect(record["meta"] == ["segment": "high_value"])
        #expect(record["answers"]?.sortingKeys == ([
            "customer_12m": true, "purchases": 12, "stages": ["understanding", "feedback"],
            "stage_success": ["understanding": false, "feedback": true],
            "stage_effort": ["understanding": 5, "feedback": 6], "stage_emotion": ["understanding": 4, "feedback": 5],
            "need_met": true, "recommend": 8,
        ] as JSONValue).sortingKeys)
        #expect(record["path"]?.strings.prefix(4) == ["customer_12m", "purchases", "stages", "stage_success[understanding]"])
        #expect(workspace.checkpoints().isEmpty)
    }

    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aStopSignalWhileWaitingForALineSavesTheInterview(signal: Int32) throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        let process = try workspace.start(["run", file])
        process.send("6\nToo expensive\n")
        try process.expectOutput("May we contact you about your answers?")
        process.signal(signal)
        #expect(try process.waitForExit() == 3)
        #expect(process.errorOutput.contains("Interview saved after 2 answers"), "stderr: \(process.errorOutput)")
        let id = try #require(workspace.checkpoints().first)
        let steps = try workspace.checkpoint(id)["steps"]?.arrayValue ?? []
        #expect(steps.map { $0["key"]?.stringValue ?? "" } == ["recommend", "reason"])
        #expect(steps.last?["answer"] == "Too expensive")
    }
}
