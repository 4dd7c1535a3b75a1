import TouchpointCore

/// Fuzzes what `validate`, `test`, `show` and `simulate` do with a questionnaire file's bytes.
///
/// Invariants besides "no crash, no leak, no hang": every diagnostic has a message, and a file that validates
/// renders, estimates its effort and simulates a few respondents whose records are JSON that parses.
public enum ValidateHarness {
    /// Runs one input.
    public static func run(_ bytes: [UInt8]) {
        // Our own YAML reader either declines or reads exactly what libyaml reads.
        let fast = YAMLLoader.load(bytes, reader: .fastest), slow = YAMLLoader.load(bytes, reader: .libyaml)
        if fast.root != slow.root || fast.diagnostics != slow.diagnostics {
            FuzzFinding.fail("the fast YAML reader and libyaml read this file differently")
        }
        // The head `run` draws its first screen from: a prefix that ends where a line starts, and checks as any file.
        if let head = QuestionnaireHead.cut(bytes, atLeast: bytes.count / 4) {
            if head.startIndex != 0 || (head.endIndex > 0 && bytes[head.endIndex - 1] != UInt8(ascii: "\n")) {
                FuzzFinding.fail("the questionnaire's head is not a prefix ending at a line")
            }
            _ = Validator.validate(Array(head), analyseFlow: false)
        }
        let report = Validator.validate(bytes, fileSize: bytes.count, runTests: InFileTests.diagnostics)
        for d in report.diagnostics where d.message.isEmpty { FuzzFinding.fail("a \(d.code) diagnostic has no message") }
        guard !report.hasErrors, let checked = report.checked else { return }
        if let effort = report.effort { _ = effort.summary }
        _ = ScriptRenderer(checked).render()
        let context = InterviewContext(responseID: "fuzz", questionnaireSHA256: "0", respondent: "F", mode: .headless,
                                       startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:00:00Z")
        _ = Simulator(checked).run(count: 2, seed: 1) { interview, _ in
            let line = interview.record(context).encoded()
            do { _ = try JSONParser().parse(line) } catch { FuzzFinding.fail("a simulated record does not parse: \(error)") }
        }
        _ = try? ScoreEngine(checked).report()
    }
}
