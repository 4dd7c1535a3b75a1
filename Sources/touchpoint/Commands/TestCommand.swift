import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint test FILE...`: run the `tests:` cases of questionnaires.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the in-file test cases (`tests:`) of questionnaires.",
        discussion: """
        Exit status: 0 all pass; 1 a failure (or a file that is not a valid questionnaire).

        Example:
          touchpoint test questionnaires/*.yaml
        """
    )

    @Argument(help: "Questionnaire files or folders.")
    var paths: [String]

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func run() throws {
        let files = try FileArguments.expand(paths)
        let style = Style(colorEnabled: Console.colorEnabled(fd: 1, noColorFlag: noColor))
        var passed = 0, failed = 0
        for file in files {
            let check = QuestionnaireCheck.check(path: file, language: nil, runTests: false)
            guard let checked = check.report.checked else {
                let formatter = DiagnosticFormatter(color: style.colorEnabled)
                for d in check.report.diagnostics where d.severity == .error { Console.out(formatter.text(d, path: file)) }
                failed += 1
                continue
            }
            for outcome in InFileTests.run(checked) {
                let where_ = "\(file):\(outcome.test.position.line):\(outcome.test.position.column)"
                if outcome.passed {
                    passed += 1
                    Console.out("\(style.success("PASS")) \(where_) \(outcome.test.name)")
                } else {
                    failed += 1
                    Console.out("\(style.error("FAIL")) \(where_) \(outcome.test.name)")
                    for f in outcome.failures { Console.out("     \(f)") }
                }
            }
        }
        Console.out("\(passed) passed, \(failed) failed")
        throw ExitCode(failed > 0 ? 1 : 0)
    }
}
