import Foundation
import Testing
import TouchpointCore

/// Quotas end an interview with `quota_full` once the shared output file holds `limit` matching completes
/// (SPEC section 2), whether interviews come from several headless processes or from piped lines.
@Suite("quotas")
struct QuotaTests {
    static let questionnaire = """
    touchpoint: 1
    id: quota_field
    meta:
      region: {type: single, options: [north, south]}
    questions:
      - {id: group, type: single, options: [a, b], text: Which group?}
      - {id: recommend, type: nps, text: How likely are you to recommend us?}
      - {id: reason, type: text, required: false, text: "You gave {recommend}. Why?"}
    quotas:
      - id: group_a
        when: group == 'a'
        limit: 150
        text: Thank you, we have enough answers from your group.
      - id: south
        when: meta.region == 'south'
        limit: 1
        status: quota_south
    """

    static let processes = 4
    static let respondentsEach = 100

    @Test func fourHeadlessProcessesSharingAFileNeverOverfillAQuota() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", Self.questionnaire)
        for p in 1...Self.processes {
            var lines: [String] = []
            for i in 1...Self.respondentsEach {
                let group = i % 2 == 0 ? "a" : "b"
                let reason = String(repeating: "process \(p) respondent \(i). ", count: 1 + i % 7)
                lines.append(#"{"respondent":"P\#(p)-\#(i)","meta":{"region":"north"},"answers":{"group":"\#(group)","recommend":\#(i % 11),"reason":"\#(reason)"}}"#)
            }
            try workspace.write("answers\(p).jsonl", lines.joined(separator: "\n") + "\n")
        }
        let running = try (1...Self.processes).map { p in
            try workspace.start(["run", "quota.yaml", "--answers", "answers\(p).jsonl", "--out", "shared/responses.jsonl"])
        }
        for (index, process) in running.enumerated() {
            let status = try process.waitForExit(timeout: .seconds(120))
            #expect(status == 0, "process \(index + 1): \(process.errorOutput)")
            #expect(process.errorOutput.contains("\(Self.respondentsEach) respondents: \(Self.respondentsEach) saved"))
        }
        let records = try workspace.records("shared/responses.jsonl")
        // No line lost or torn: every respondent is there once.
        #expect(records.count == Self.processes * Self.respondentsEach)
        #expect(Set(records.compactMap { $0["respondent"]?.stringValue }).count == records.count)
        let groupA = records.filter { $0["answers"]?["group"]?.stringValue == "a" }
        let completeA = groupA.filter { $0["status"]?.stringValue == "complete" }
        let fullA = groupA.filter { $0["status"]?.stringValue == "quota_full" }
        // Headless processes count and append under one hold of the lock: the documented overshoot is 0.
        #expect(completeA.count == 150)
        #expect(fullA.count == groupA.count - 150)
        // A quota-full respondent ends right after the quota's names were asked.
        #expect(fullA.allSatisfy { $0["path"]?.arrayValue?.count == 1 && $0["answers"]?["recommend"] == nil })
        let groupB = records.filter { $0["answers"]?["group"]?.stringValue == "b" }
        #expect(groupB.allSatisfy { $0["status"]?.stringValue == "complete" })
        let verified = try workspace.run(["verify", "quota.yaml", "shared/responses.jsonl"])
        #expect(verified.status == 0, "verify: \(verified.stdout)\(verified.stderr)")
        let score = try workspace.run(["score", "quota.yaml", "shared/responses.jsonl", "--format", "json"])
        #expect(score.stdout.contains(#""quota_full":50"#), "\(score.stdout)")
        #expect(score.stdout.contains(#""group_a":{"limit":150,"completes":150,"fill":100,"status":"quota_full"}"#), "\(score.stdout)")
    }

    @Test func aMetaQuotaEndsAPipedInterviewBeforeTheFirstQuestionWithItsOwnStatus() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", Self.questionnaire)
        let first = try workspace.run(["run", "quota.yaml", "--set", "region=south", "--out", "out.jsonl"], input: "b\n7\nfine\n")
        #expect(first.status == 0, "\(first.stderr)")
        let second = try workspace.run(["run", "quota.yaml", "--set", "region=south", "--out", "out.jsonl"], input: "b\n7\nfine\n")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(!second.stdout.contains("Which group?"), "\(second.stdout)")
        let records = try workspace.records("out.jsonl")
        #expect(records.map { $0["status"]?.stringValue } == ["complete", "quota_south"])
        #expect(records.last?["answers"] == .object(JSONObject()))
        #expect(try workspace.run(["verify", "quota.yaml", "out.jsonl"]).status == 0)
    }

    @Test func aPipedInterviewIsEndedByAFullQuotaRightAfterItsNameIsAnsweredAndShowsTheText() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", Self.questionnaire.replacingOccurrences(of: "limit: 150", with: "limit: 1"))
        _ = try workspace.run(["run", "quota.yaml", "--set", "region=north", "--out", "out.jsonl"], input: "a\n9\n:skip\n")
        let ended = try workspace.run(["run", "quota.yaml", "--set", "region=north", "--out", "out.jsonl"], input: "a\n9\n:skip\n")
        #expect(ended.status == 0, "\(ended.stderr)")
        #expect(ended.stdout.contains("Thank you, we have enough answers from your group."), "\(ended.stdout)")
        #expect(!ended.stdout.contains("How likely"), "\(ended.stdout)")
        let records = try workspace.records("out.jsonl")
        #expect(records.map { $0["status"]?.stringValue } == ["complete", "quota_full"])
        #expect(records.last?["path"] == .array([.string("group")]))
    }

    @Test func verifyRejectsAStatusTheQuestionnaireDoesNotDeclare() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", Self.questionnaire)
        _ = try workspace.run(["run", "quota.yaml", "--set", "region=north", "--out", "out.jsonl"], input: "b\n9\n:skip\n")
        let line = String(decoding: try workspace.bytes("out.jsonl"), as: UTF8.self)
        try workspace.write("bad.jsonl", line.replacingOccurrences(of: #""status":"complete""#, with: #""status":"quota_east""#))
        let verified = try workspace.run(["verify", "quota.yaml", "bad.jsonl"])
        #expect(verified.status == 1)
        #expect((verified.stdout + verified.stderr).contains(#""complete", "screened_out", "quota_full" or "quota_south""#),
                "\(verified.stdout)\(verified.stderr)")
    }

    @Test func showListsTheQuotas() throws {
        let workspace = try Workspace()
        try workspace.write("quota.yaml", Self.questionnaire)
        let shown = try workspace.run(["show", "quota.yaml"])
        #expect(shown.status == 0)
        #expect(shown.stdout.contains("## Quotas"))
        #expect(shown.stdout.contains("| `group_a` | group is a | 150 | `quota_full` | Thank you, we have enough answers from your group. |"), "\(shown.stdout)")
        #expect(shown.stdout.contains("| `south` | meta.region is south | 1 | `quota_south` | — |"), "\(shown.stdout)")
    }
}
