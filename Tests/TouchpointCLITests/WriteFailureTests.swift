import Foundation
import Testing
import TouchpointCore

/// A write that fails (here: past the file size limit of `ulimit -f`) stops the run with a clear message,
/// leaves no torn line, and keeps the answers of an interview in its checkpoint (SPEC section 4).
@Suite("write failures")
struct WriteFailureTests {
    /// A response file of whole lines, larger than the limit the runs below get.
    private func workspaceWithFullOutput() throws -> (Workspace, String, [UInt8]) {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        let earlier = (1...12).map {
            #"{"respondent":"E\#($0)","answers":{"recommend":\#($0 % 11),"reason":"earlier respondent, earlier respondent, earlier respondent","may_contact":true}}"#
        }
        try workspace.write("earlier.jsonl", earlier.joined(separator: "\n") + "\n")
        let setUp = try workspace.run(["run", file, "--answers", "earlier.jsonl", "--out", "out/responses.jsonl"])
        #expect(setUp.status == 0, "stderr: \(setUp.stderr)")
        let before = try workspace.bytes("out/responses.jsonl")
        // `ulimit -f 4` below allows 4 blocks (2 KB with 512-byte blocks, 4 KB with 1 KB ones): less than this.
        #expect(before.count > 4096)
        return (workspace, file, before)
    }

    /// `ulimit -f 4` then the command, in the workspace.
    private func limited(_ workspace: Workspace, _ arguments: [String], input: String = "") throws -> RunResult {
        try workspace.shell("ulimit -f 4; exec \"$TOUCHPOINT\" " + arguments.map(\.shellQuoted).joined(separator: " "), input: input)
    }

    @Test func aRecordAppendedAfterATornLastLineStartsOnALineOfItsOwn() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        // Another tool crashed while writing: the file ends without a newline.
        let torn = #"{"questionnaire":"relationship_nps","response_id":"torn","answ"#
        try workspace.write("out/responses.jsonl", torn)
        let result = try workspace.run(["run", file, "--answers", "-", "--out", "out/responses.jsonl"],
                                       input: #"{"respondent":"T1","answers":{"recommend":7,"may_contact":true}}"#)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let text = String(decoding: try workspace.bytes("out/responses.jsonl"), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines.first.map(String.init) == torn && lines.last == "", "file: \(text.debugDescription)")
        let record = try JSONParser().parse(String(lines[1]))
        #expect(record["respondent"] == "T1")
    }

    @Test func aHeadlessRunThatCannotAppendSaysSoAndLeavesTheFileAsItWas() throws {
        let (workspace, file, before) = try workspaceWithFullOutput()
        try workspace.write("new.jsonl", #"{"respondent":"N1","answers":{"recommend":9,"may_contact":false}}"# + "\n")
        let result = try limited(workspace, ["run", file, "--answers", "new.jsonl", "--out", "out/responses.jsonl"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("NOT saved"), "stderr: \(result.stderr)")
        #expect(result.stderr.contains("ulimit"), "the message should say which limit was hit: \(result.stderr)")
        #expect(try workspace.bytes("out/responses.jsonl") == before)
        #expect(try workspace.records("out/responses.jsonl").count == 12)
    }

    @Test func anInterviewThatCannotBeAppendedKeepsItsAnswersInTheCheckpointForResume() throws {
        let (workspace, file, before) = try workspaceWithFullOutput()
        let result = try limited(workspace, ["run", file, "--out", "out/responses.jsonl", "--respondent", "L1"],
                                 input: "9\nFriendly staff\ny\n")
        #expect(result.status == 3)
        #expect(result.stderr.contains("NOT saved"), "stderr: \(result.stderr)")
        #expect(!result.stdout.contains("Saved response"), "it must not report as saved what is not")
        #expect(try workspace.bytes("out/responses.jsonl") == before)

        let id = try #require(workspace.checkpoints(in: "out").first, "the checkpoint is gone")
        #expect(result.stderr.contains(id), "the message should say where the answers are kept")
        let steps = try workspace.checkpoint(id, in: "out")["steps"]?.arrayValue ?? []
        #expect(steps.count == 3)

        // Without the limit, resuming appends the interview with every answer.
        let resumed = try workspace.run(["run", file, "--out", "out/responses.jsonl", "--resume", id])
        #expect(resumed.status == 0, "stderr: \(resumed.stderr)")
        let records = try workspace.records("out/responses.jsonl")
        #expect(records.count == 13)
        #expect(Array(try workspace.bytes("out/responses.jsonl").prefix(before.count)) == before)
        let record = try #require(records.last)
        #expect(record["response_id"]?.stringValue == id)
        #expect(record["respondent"] == "L1")
        #expect(record["answers"] == ["recommend": 9, "reason": "Friendly staff", "may_contact": true])
        #expect(workspace.checkpoints(in: "out").isEmpty)
    }
}
