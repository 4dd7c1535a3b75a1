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
          touchpoint validate survey.yaml --against old/survey.yaml
          touchpoint validate questionnaires/ --format sarif > touchpoint.sarif
        """
    )

    @Argument(help: "Questionnaire files or folders.", completion: .file())
    var paths: [String]

    @Option(help: "Output format: text, json, github (Actions annotations) or sarif (SARIF 2.1.0, for code scanning).")
    var format: DiagnosticFormatter.Format = .text

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Option(help: "Also require this language in every questionnaire, and estimate effort in it.")
    var lang: String?

    @Option(help: ArgumentHelp("An earlier version of the questionnaire: also warn about changes that make data collected under it incomparable.",
                               valueName: "OLD"), completion: .file(extensions: ["yaml", "yml", "json"]))
    var against: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        try run(early: nil)
    }

    /// `validate`, taking the check of the first file started before the arguments were parsed (`EarlyCheck`), if any.
    func run(early: EarlyCheck?) throws {
        let files = try FileArguments.expand(paths)
        var results = files.map { QuestionnaireCheck.check(path: $0, language: lang, keepsChecked: false, early: early) }
        if let against { results = try Self.compare(results, against: against) }
        let formatter = DiagnosticFormatter(color: colorOptions.enabled(fd: 1))
        ValidationPrinter(formatter: formatter, format: format).print(results)
        KeptUntilExit.keep(results)
        if results.contains(where: { $0.report.diagnostics.contains { $0.code == .fileUnreadable } }) { throw ExitCode(2) }
        let failed = results.contains { $0.hasErrors || (strict && $0.warningCount > 0) }
        throw ExitCode(failed ? 1 : 0)
    }
}

extension ValidateCommand {
    /// Adds to each valid file the changes against `old` that make collected data incomparable (warnings).
    /// An unreadable or invalid `old` is a usage problem (exit 2): there is nothing to compare with.
    static func compare(_ results: [QuestionnaireCheck], against old: String) throws -> [QuestionnaireCheck] {
        let earlier = QuestionnaireCheck.check(path: old, language: nil, runTests: false, analyseFlow: false,
                                                 keepsChecked: false)
        guard !earlier.hasErrors, let oldQuestionnaire = earlier.report.questionnaire else {
            let formatter = DiagnosticFormatter(color: false)
            for d in earlier.report.diagnostics where d.severity == .error { Console.error(formatter.text(d, path: old)) }
            Console.error("touchpoint: --against \(old): the earlier version must be a valid questionnaire to compare with")
            throw ExitCode(2)
        }
        return results.map { result in
            guard let q = result.report.questionnaire, !result.hasErrors else { return result }
            var compared = result
            compared.report.diagnostics += VersionComparison.compare(new: q, old: oldQuestionnaire)
            compared.report.diagnostics.sort { ($0.position, $1.severity) < ($1.position, $0.severity) }
            return compared
        }
    }
}

extension DiagnosticFormatter.Format: ExpressibleByArgument {}
