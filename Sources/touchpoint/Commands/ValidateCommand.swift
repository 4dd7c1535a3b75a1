import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint validate PATH...`: check questionnaire files and their in-file tests.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check questionnaire files (folders: every *.yaml, *.yml, *.json below them), including their tests.",
        discussion: """
        Exit status: 0 no errors; 1 errors (warnings too with --strict); 2 usage or unreadable path.

        Examples:
          touchpoint validate questionnaires/
          touchpoint validate survey.yaml --format github --strict
        """
    )

    @Argument(help: "Questionnaire files or folders.")
    var paths: [String]

    @Option(help: "Output format: text, json or github.")
    var format: DiagnosticFormatter.Format = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: "Also require this language in every questionnaire, and estimate effort in it.")
    var lang: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output.")
    var noColor = false

    func run() throws {
        let files = try FileArguments.expand(paths)
        let results = files.map { QuestionnaireCheck.check(path: $0, language: lang) }
        let formatter = DiagnosticFormatter(color: Console.colorEnabled(fd: 1, noColorFlag: noColor))
        ValidationPrinter(formatter: formatter, format: format).print(results)
        if results.contains(where: { $0.report.diagnostics.contains { $0.code == .fileUnreadable } }) { throw ExitCode(2) }
        let failed = results.contains { $0.hasErrors || (strict && $0.warningCount > 0) }
        throw ExitCode(failed ? 1 : 0)
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
