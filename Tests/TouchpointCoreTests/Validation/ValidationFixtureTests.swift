import Testing
import TouchpointCore

/// Every validation code, each with a fixture whose expected finding positions are marked in the source.
@Suite("Validation codes at their marked positions")
struct ValidationFixtureTests {
    /// A fixture and the finding expected at each of its markers.
    struct Case: CustomTestStringConvertible, Sendable {
        var file: String
        var expected: [(marker: String, code: DiagnosticCode, severity: Severity)]
        var testDescription: String { file }
    }

    static let m = MarkedSource.keycaps

    static let cases: [Case] = [
        Case(file: "unknown_key.yaml", expected: [(m[0], .unknownKey, .error)]),
        Case(file: "missing_key.yaml", expected: [(m[0], .missingKey, .error)]),
        Case(file: "wrong_type.yaml", expected: [(m[0], .wrongType, .error)]),
        Case(file: "bad_value.yaml", expected: [(m[0], .badValue, .error), (m[1], .badValue, .error)]),
        Case(file: "unsupported_version.yaml", expected: [(m[0], .unsupportedVersion, .error)]),
        Case(file: "bad_id.yaml", expected: [(m[0], .badId, .error), (m[1], .badId, .error)]),
        Case(file: "duplicate_id.yaml", expected: [(m[0], .duplicateId, .error)]),
        Case(file: "empty_options.yaml", expected: [(m[0], .emptyOptions, .error)]),
        Case(file: "duplicate_option.yaml", expected: [(m[0], .duplicateOption, .error)]),
        Case(file: "bad_range.yaml", expected: [(m[0], .badRange, .error), (m[1], .badRange, .error), (m[2], .badRange, .error)]),
        Case(file: "bad_pattern.yaml", expected: [(m[0], .badPattern, .error)]),
        Case(file: "bad_loop.yaml", expected: [(m[0], .badLoop, .error)]),
        Case(file: "bad_score.yaml", expected: [(m[0], .badScore, .error)]),
        Case(file: "bad_usability_score.yaml", expected: [(m[0], .badScore, .error), (m[1], .badScore, .error), (m[2], .badValue, .error),
                                                          (m[3], .notAnOption, .error), (m[4], .badScore, .error), (m[5], .badScore, .error)]),
        Case(file: "empty_section.yaml", expected: [(m[0], .emptySection, .warning)]),
        Case(file: "missing_translation.yaml", expected: [(m[0], .missingTranslation, .error), (m[1], .missingTranslation, .warning)]),
        Case(file: "unknown_language.yaml", expected: [(m[0], .unknownLanguage, .warning)]),
        Case(file: "unknown_placeholder.yaml", expected: [(m[0], .unknownPlaceholder, .error), (m[1], .unknownPlaceholder, .error)]),
        Case(file: "expr_syntax.yaml", expected: [(m[0], .exprSyntax, .error)]),
        Case(file: "expr_type.yaml", expected: [(m[0], .exprType, .error)]),
        Case(file: "expr_too_complex.yaml", expected: [(m[0], .exprTooComplex, .error)]),
        Case(file: "undefined_name.yaml", expected: [(m[0], .undefinedName, .error)]),
        Case(file: "used_before_asked.yaml", expected: [(m[0], .usedBeforeAsked, .error)]),
        Case(file: "not_an_option.yaml", expected: [(m[0], .notAnOption, .error)]),
        Case(file: "unknown_function.yaml", expected: [(m[0], .unknownFunction, .error)]),
        Case(file: "unreachable.yaml", expected: [(m[0], .unreachable, .warning), (m[1], .unreachable, .warning), (m[2], .unreachable, .warning)]),
        Case(file: "always_true.yaml", expected: [(m[0], .alwaysTrue, .warning)]),
        Case(file: "quota_never_fills.yaml", expected: [(m[0], .quotaNeverFills, .warning), (m[1], .quotaNeverFills, .warning),
                                                        (m[2], .quotaNeverFills, .warning), (m[3], .quotaNeverFills, .warning)]),
        Case(file: "quota_errors.yaml", expected: [(m[0], .duplicateId, .error), (m[1], .notAnOption, .error), (m[2], .duplicateId, .error),
                                                   (m[3], .badRange, .error), (m[4], .badValue, .error), (m[5], .badLoop, .error),
                                                   (m[6], .unknownKey, .error)]),
        Case(file: "budget_exceeded.yaml", expected: [(m[0], .budgetExceeded, .warning), (m[0], .budgetExceeded, .warning)]),
        Case(file: "test_invalid.yaml", expected: [(m[0], .testInvalid, .error)]),
        Case(file: "test_failed.yaml", expected: [(m[0], .testFailed, .error)]),
        Case(file: "yaml_syntax.yaml", expected: [(m[0], .yamlSyntax, .error)]),
        Case(file: "duplicate_key.yaml", expected: [(m[0], .duplicateKey, .error)]),
    ]

    @Test("each finding is reported at its marker, and nothing else is", arguments: cases)
    func findingsMatchMarkers(_ c: Case) throws {
        let source = try MarkedSource.fixture(c.file)
        let report = Validator.validate(Array(source.text.utf8), runTests: InFileTests.diagnostics)
        let actual = report.diagnostics.map { "\($0.position) \($0.code.rawValue) \($0.severity.rawValue)" }.sorted()
        let expected = try c.expected.map { e in
            let position = try #require(source.markers[e.marker], "marker \(e.marker) is missing from \(c.file)")
            return "\(position) \(e.code.rawValue) \(e.severity.rawValue)"
        }.sorted()
        #expect(actual == expected, "\(report.diagnostics.map { "\($0.position) [\($0.code.rawValue)] \($0.fullMessage)" })")
        for d in report.diagnostics {
            #expect(d.message.count > 15, "the message of \(d.code.rawValue) should say what is wrong: \(d.message)")
        }
    }

    @Test("every marker in a fixture has an expectation")
    func noUnusedMarkers() throws {
        for c in Self.cases {
            let source = try MarkedSource.fixture(c.file)
            #expect(Set(source.markers.keys) == Set(c.expected.map(\.marker)), "\(c.file)")
        }
        #expect(Set(try MarkedSource.allFixtureNames()) == Set(Self.cases.map(\.file)), "every fixture file is listed")
    }

    /// Codes that need input a YAML fixture cannot hold (bytes, sizes, paths); each is tested in HostileInputTests
    /// or the command-line tests.
    static let coveredElsewhere: Set<DiagnosticCode> = [
        .fileUnreadable, .fileEmpty, .fileTooLarge, .encoding, .yamlTooDeep, .yamlAliasLimit, .scalarTooLong,
        // Two versions of a file: tested in CompatibilityTests.
        .idRemoved, .idRenamed, .optionRemoved, .optionRecoded, .typeChanged, .rangeChanged, .routingChanged,
    ]

    @Test("every diagnostic code is covered by a marked fixture or a hostile-input test")
    func everyCodeIsCovered() {
        let fixtureCodes = Set(Self.cases.flatMap { $0.expected.map(\.code) })
        for code in DiagnosticCode.allCases {
            #expect(fixtureCodes.contains(code) || Self.coveredElsewhere.contains(code), "no test for \(code.rawValue)")
        }
    }
}
