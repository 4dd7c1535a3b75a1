import Foundation
import Testing
import TouchpointCore

/// Several interviewers share one response file (SPEC section 4: one write under an exclusive lock).
@Suite("concurrent appends")
struct ConcurrentAppendTests {
    static let processes = 4
    static let respondentsEach = 500

    @Test func fourProcessesAppendingFiveHundredRespondentsEachLeaveTwoThousandIntactLines() throws {
        let workspace = try Workspace()
        let file = try workspace.copyBundled("relationship_nps")
        for p in 1...Self.processes {
            var lines: [String] = []
            for i in 1...Self.respondentsEach {
                let score = (p * 7 + i) % 11
                // Reasons of different lengths, so that records differ in size and could interleave.
                let reason = String(repeating: "process \(p) respondent \(i). ", count: 1 + i % 9)
                lines.append(#"{"respondent":"P\#(p)-\#(i)","answers":{"recommend":\#(score),"reason":"\#(reason)","may_contact":\#(i % 2 == 0)}}"#)
            }
            try workspace.write("answers\(p).jsonl", lines.joined(separator: "\n") + "\n")
        }
        let running = try (1...Self.processes).map { p in
            try workspace.start(["run", file, "--answers", "answers\(p).jsonl", "--out", "shared/responses.jsonl"])
        }
        for (index, process) in running.enumerated() {
            let status = try process.waitForExit(timeout: .seconds(120))
            #expect(status == 0, "process \(index + 1): \(process.errorOutput)")
            #expect(process.errorOutput.contains("\(Self.respondentsEach) respondents: \(Self.respondentsEach) saved"))
        }

        let records = try workspace.records("shared/responses.jsonl")
        #expect(records.count == Self.processes * Self.respondentsEach)
        let ids = Set(records.compactMap { $0["response_id"]?.stringValue })
        #expect(ids.count == records.count, "response_id values repeat")
        let respondents = Set(records.compactMap { $0["respondent"]?.stringValue })
        #expect(respondents.count == records.count)
        #expect(respondents.contains("P1-1") && respondents.contains("P4-500"))
        // Each process appended its own respondents in input order.
        for p in 1...Self.processes {
            let own = records.compactMap { $0["respondent"]?.stringValue }.filter { $0.hasPrefix("P\(p)-") }
            #expect(own == (1...Self.respondentsEach).map { "P\(p)-\($0)" })
        }
        // touchpoint's own checker agrees: every line valid, no duplicate ids, no torn tail.
        let verified = try workspace.run(["verify", file, "shared/responses.jsonl"])
        #expect(verified.status == 0, "verify: \(verified.stdout)\(verified.stderr)")
    }
}
