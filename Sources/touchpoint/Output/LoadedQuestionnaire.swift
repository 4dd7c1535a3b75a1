import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// A questionnaire read and validated for a command that needs a usable one (`run`, `show`, `score`...).
struct LoadedQuestionnaire {
    var path: String
    var bytes: [UInt8]
    var report: Validator.Report
    /// The checked questionnaire every command works from.
    var checked: CheckedQuestionnaire
    /// The file's SHA-256, when `load` was asked for it.
    var sha256: String?
    var questionnaire: Questionnaire { checked.questionnaire }
    var table: SymbolTable { checked.table }

    /// Loads `path`; prints its errors and exits with `failureCode` when it cannot be used.
    ///
    /// `analyseFlow: false` skips the warning-only flow analysis (for `run`, which wants its first question fast).
    ///
    /// `digest: true` also works out the file's SHA-256, on another core while the file is validated.
    /// `early`: the check started before the arguments were parsed, if any (taken when it fits).
    /// `beforeErrors` runs before the errors are printed (`run` erases a first screen drawn meanwhile).
    static func load(_ path: String, language: String? = nil, failureCode: Int32 = 1, analyseFlow: Bool = true,
                     digest: Bool = false, color: ColorChoice = .auto, early: EarlyCheck? = nil,
                     beforeErrors: () -> Void = {}) throws -> LoadedQuestionnaire {
        let check = QuestionnaireCheck.check(path: path, language: language, runTests: false, analyseFlow: analyseFlow,
                                             digest: digest, early: early)
        let formatter = DiagnosticFormatter(color: Console.colorEnabled(fd: 2, choice: color))
        guard !check.hasErrors, let checked = check.report.checked else {
            beforeErrors()
            for d in check.report.diagnostics where d.severity == .error { Console.error(formatter.text(d, path: path)) }
            // A file that cannot be read is a usage problem in every command (SPEC section 1).
            if check.report.diagnostics.contains(where: { $0.code == .fileUnreadable }) { throw ExitCode(2) }
            let validate = "touchpoint validate \(path)" + (language.map { " --lang \($0)" } ?? "")
            Console.error("touchpoint: \(path) is not a valid questionnaire; run `\(validate)` for details")
            throw ExitCode(failureCode)
        }
        return LoadedQuestionnaire(path: path, bytes: check.bytes, report: check.report, checked: checked,
                                   sha256: check.sha256)
    }
}
