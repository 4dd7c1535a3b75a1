import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint test FILE...`: run the `tests:` cases of questionnaires.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the in-file test cases (`tests:`) of questionnaires.",
        discussion: """
        Exit status: 0 all pass; 1 a failure (or a file that is not a valid questionnaire); 2 usage or a file that
        cannot be read.

        Example:
          touchpoint test questionnaires/*.yaml
        """
    )

    @Argument(help: "Questionnaire files or folders.", completion: .file())
    var paths: [String]

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let files = try FileArguments.expand(paths)
        let style = Style(colorEnabled: colorOptions.enabled(fd: 1))
        var passed = 0, failed = 0, unreadable = false
        for file in files {
            let check = QuestionnaireCheck.check(path: file, language: nil, runTests: false)
            unreadable = unreadable || check.report.diagnostics.contains { $0.code == .fileUnreadable }
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
        throw ExitCode(unreadable ? 2 : failed > 0 ? 1 : 0)
    }
}
