import TouchpointCore
import TouchpointTerminal

/// The outcome of checking one file, with what `validate` prints for it.
struct QuestionnaireCheck {
    var path: String
    var report: Validator.Report
    /// The file's bytes (empty when it could not be read).
    var bytes: [UInt8] = []
    /// The file's SHA-256, when asked for (worked out on another core while the file is validated).
    var sha256: String?

    var hasErrors: Bool { report.hasErrors }
    var warningCount: Int { report.warningCount }

    /// Reads and validates one file, running its in-file tests. `keepsChecked: false` when only the findings are
    /// wanted (the report's checked questionnaire is then nil). `early` is the check started before the arguments
    /// were parsed: it is taken when it is of this file, checked this way.
    static func check(path: String, language: String?, runTests: Bool = true, analyseFlow: Bool = true,
                      digest: Bool = false, keepsChecked: Bool = true, early: EarlyCheck? = nil) -> QuestionnaireCheck {
        let options = EarlyCheck.Options(runTests: runTests, analyseFlow: analyseFlow, digest: digest, keepsChecked: keepsChecked)
        var result = early?.take(path: path, options: options)
            ?? read(path: path, runTests: runTests, analyseFlow: analyseFlow, digest: digest, keepsChecked: keepsChecked)
        if let language, let q = result.report.questionnaire, !q.languages.isEmpty, !q.languages.contains(language) {
            result.report.diagnostics.append(Diagnostic(.missingTranslation, at: q.position(of: "languages"),
                "`--lang \(language)` was asked for, but this questionnaire has only \(q.languages.joined(separator: ", "))"))
        }
        return result
    }

    private static func read(path: String, runTests: Bool, analyseFlow: Bool, digest: Bool, keepsChecked: Bool) -> QuestionnaireCheck {
        let limits = YAMLLimits.standard
        let bytes: [UInt8], size: Int
        do {
            (bytes, size) = try FileReader.read(path, maxBytes: limits.maxFileBytes)
        } catch {
            let d = Diagnostic(.fileUnreadable, at: .start, "cannot read the file: \(error.reason)",
                               hint: "check the path and its permissions")
            return QuestionnaireCheck(path: path, report: Validator.Report(questionnaire: nil, diagnostics: [d], effort: nil, table: nil))
        }
        let background = digest ? SHA256.Background(bytes) : nil
        let report = Validator.validate(bytes, fileSize: size, limits: limits, analyseFlow: analyseFlow,
                                        runTests: runTests ? InFileTests.diagnostics : nil, keepsChecked: keepsChecked)
        return QuestionnaireCheck(path: path, report: report, bytes: bytes, sha256: background?.wait())
    }
}
