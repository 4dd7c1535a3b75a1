/// The stable code of every finding `validate` can report.
///
/// Codes never change meaning once released; the rule behind each is documented in `docs/validation.md`.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    // The file and its YAML.
    case fileUnreadable = "file-unreadable"
    case fileEmpty = "file-empty"
    case fileTooLarge = "file-too-large"
    case encoding = "encoding"
    case yamlSyntax = "yaml-syntax"
    case yamlTooDeep = "yaml-too-deep"
    case yamlAliasLimit = "yaml-alias-limit"
    case duplicateKey = "duplicate-key"
    case scalarTooLong = "scalar-too-long"
    // Structure.
    case unknownKey = "unknown-key"
    case missingKey = "missing-key"
    case wrongType = "wrong-type"
    case badValue = "bad-value"
    case unsupportedVersion = "unsupported-version"
    case badId = "bad-id"
    case duplicateId = "duplicate-id"
    case emptyOptions = "empty-options"
    case duplicateOption = "duplicate-option"
    case badRange = "bad-range"
    case badPattern = "bad-pattern"
    case badLoop = "bad-loop"
    case badScore = "bad-score"
    case emptySection = "empty-section"
    // Text and languages.
    case missingTranslation = "missing-translation"
    case unknownLanguage = "unknown-language"
    case unknownPlaceholder = "unknown-placeholder"
    // Expressions.
    case exprSyntax = "expr-syntax"
    case exprType = "expr-type"
    case exprTooComplex = "expr-too-complex"
    case undefinedName = "undefined-name"
    case usedBeforeAsked = "used-before-asked"
    case notAnOption = "not-an-option"
    case unknownFunction = "unknown-function"
    // Flow analysis.
    case unreachable = "unreachable"
    case alwaysTrue = "always-true"
    case budgetExceeded = "budget-exceeded"
    case quotaNeverFills = "quota-never-fills"
    // In-file tests.
    case testInvalid = "test-invalid"
    case testFailed = "test-failed"
    // Changes against an earlier version (`validate NEW --against OLD`); all warnings.
    case idRemoved = "id-removed"
    case idRenamed = "id-renamed"
    case optionRemoved = "option-removed"
    case optionRecoded = "option-recoded"
    case typeChanged = "type-changed"
    case rangeChanged = "range-changed"
    case routingChanged = "routing-changed"

    /// The severity a finding with this code has unless the rule says otherwise.
    public var defaultSeverity: Severity {
        switch self {
        case .unreachable, .alwaysTrue, .budgetExceeded, .quotaNeverFills, .unknownLanguage, .emptySection: .warning
        case .idRemoved, .idRenamed, .optionRemoved, .optionRecoded, .typeChanged, .rangeChanged, .routingChanged: .warning
        default: .error
        }
    }
}
