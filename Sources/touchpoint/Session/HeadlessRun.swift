import Foundation
import TouchpointCore
import TouchpointTerminal

/// `run --answers`: hands the respondents to the core's `HeadlessSession` and reports what it did.
///
/// Returns 0, or 1 when any respondent was rejected, or 2 when the answers cannot be read, or 3 when
/// responses could not be written.
struct HeadlessRun {
    let setup: RunSetup

    func run(answersPath: String) -> Int32 {
        let name = answersPath == "-" ? "<stdin>" : answersPath
        var session = HeadlessSession(checked: setup.loaded.checked, store: setup.store, sha256: setup.sha256)
        session.meta = setup.meta
        session.respondent = setup.respondent
        session.interviewer = setup.interviewer
        session.language = setup.language
        session.seed = setup.seed
        let now = { Timestamp.rfc3339(Date()) }
        let report = { (line: Int, message: String) in Console.error("\(name):\(line): \(message)") }
        let summary: HeadlessSession.Summary
        do {
            if answersPath == "-" {
                summary = try session.run(.standardInput(), now: now, onRejected: report)
            } else {
                summary = try JSONLinesReader.withFile(atPath: answersPath) { try session.run($0, now: now, onRejected: report) }
            }
        } catch {
            Console.error("touchpoint: --answers \(name): \(error)")
            return 2
        }
        if let line = summary.unsavedFromLine {
            Console.error("touchpoint: \(name): the responses of input lines \(line) on were NOT saved: \(summary.failure ?? "")")
            Console.error("touchpoint: \(summary.saved) saved before the failure")
            return 3
        }
        let total = summary.saved + summary.rejected
        Console.error("\(total) respondent\(total == 1 ? "" : "s"): \(summary.saved) saved to \(setup.store.outputPath), \(summary.rejected) rejected")
        return summary.rejected > 0 ? 1 : 0
    }
}
