import Foundation
import Testing

/// A large file named first after `run` or `validate` is checked while the arguments are parsed (`EarlyCheck`);
/// the same command line with an option first is checked afterwards, as before. Both must behave the same.
@Suite("A large file checked while the arguments are parsed gives the same results")
struct EarlyCheckTests {
    /// A questionnaire of more than 64 KB; `mistakes` adds an unknown key, a bad option value and a condition on
    /// a question asked later.
    static func largeSource(mistakes: Bool) -> String {
        var lines = ["touchpoint: 1", "id: early", "questions:"]
        var n = 0
        for s in 1...12 {
            lines.append("  - section: part\(s)")
            lines.append("    title: \"Part \(s)\"")
            lines.append("    questions:")
            for _ in 1...50 {
                n += 1
                let slip = mistakes && n % 97 == 3
                lines.append("      - id: q\(n)")
                lines.append("        type: single")
                lines.append(n == 1 ? "        text: \"Question 1 about the service\"" : "        text: \"Question \(n) about the service, after {q\(n - 1)}\"")
                if slip { lines.append("        requierd: false") }
                if n > 1 { lines.append("        when: \(slip ? "q\(n + 5)" : "q\(n - 1)") != 'c'") }
                lines.append("        options: [a, b, \(slip ? "'c, d'" : "c")]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("validate reports the same findings and status", arguments: [false, true])
    func validateMatches(mistakes: Bool) throws {
        let workspace = try Workspace()
        let source = Self.largeSource(mistakes: mistakes)
        #expect(source.utf8.count >= 64 * 1024)
        try workspace.write("large.yaml", source)
        for format in ["text", "json"] {
            let early = try workspace.run(["validate", "large.yaml", "--format", format])
            let late = try workspace.run(["validate", "--format", format, "large.yaml"])
            #expect(early.status == (mistakes ? 1 : 0), "\(early.stdout.prefix(300))")
            #expect(early.status == late.status)
            #expect(early.stdout == late.stdout)
            #expect(early.stderr == late.stderr)
        }
    }

    @Test("run refuses a broken file with the same messages and status, and replays answers the same way", arguments: [false, true])
    func runMatches(mistakes: Bool) throws {
        let workspace = try Workspace()
        try workspace.write("large.yaml", Self.largeSource(mistakes: mistakes))
        let answers = "{\"answers\": {\"q1\": \"c\"}}\n"
        try workspace.write("answers.jsonl", answers)
        let early = try workspace.run(["run", "large.yaml", "--answers", "answers.jsonl", "--out", "early.jsonl", "--seed", "1"])
        let late = try workspace.run(["run", "--answers", "answers.jsonl", "--out", "late.jsonl", "--seed", "1", "large.yaml"])
        #expect(early.status == late.status)
        #expect(early.stderr.replacingOccurrences(of: "early.jsonl", with: "late.jsonl") == late.stderr)
        #expect(early.stdout.replacingOccurrences(of: "early.jsonl", with: "late.jsonl") == late.stdout)
        // A broken file is a usage problem for `run` (status 2); a valid one replays the respondent (accepted or not).
        #expect((early.status == 2) == mistakes, "\(early.stderr.prefix(300))")
        let lines = { (name: String) in (try? String(contentsOfFile: workspace.path + "/" + name, encoding: .utf8))?.split(separator: "\n").count }
        #expect(lines("early.jsonl") == lines("late.jsonl"))
    }

    @Test("a command line the parser refuses still fails as a usage error")
    func refusedCommandLine() throws {
        let workspace = try Workspace()
        try workspace.write("large.yaml", Self.largeSource(mistakes: false))
        let result = try workspace.run(["run", "large.yaml", "--no-such-option"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--no-such-option"))
    }
}
