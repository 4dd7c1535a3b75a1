import Testing
@testable import TouchpointCore

/// `validate` asks only for the findings (`keepsChecked: false`): the validator then makes no checked
/// questionnaire unless in-file tests need one, and the report must be the same otherwise.
@Suite("Validating for the findings only gives the same findings")
struct FindingsOnlyValidationTests {
    @Test("every validation fixture gives the same findings and effort with and without the checked questionnaire")
    func everyFixtureMatches() throws {
        var compared = 0
        for name in try MarkedSource.allFixtureNames() {
            let bytes = Array(try MarkedSource.fixture(name).text.utf8)
            for concurrent in [false, true] {
                let full = Validator.validate(bytes, runTests: InFileTests.diagnostics, concurrent: concurrent)
                let findings = Validator.validate(bytes, runTests: InFileTests.diagnostics, concurrent: concurrent, keepsChecked: false)
                #expect(full.diagnostics == findings.diagnostics, "\(name)")
                #expect(full.effort == findings.effort, "\(name)")
                #expect(findings.checked == nil || !(findings.questionnaire?.tests.isEmpty ?? true), "\(name)")
            }
            compared += 1
        }
        #expect(compared >= 30)
    }

    @Test("a large file, with and without mistakes, gives the same findings", arguments: [false, true])
    func largeFileMatches(mistakes: Bool) {
        let bytes = Array(ConcurrentValidationTests.largeSource(sections: 8, mistakes: mistakes).utf8)
        let full = Validator.validate(bytes, runTests: InFileTests.diagnostics)
        let findings = Validator.validate(bytes, runTests: InFileTests.diagnostics, keepsChecked: false)
        #expect(full.diagnostics == findings.diagnostics)
        #expect(full.effort == findings.effort)
        #expect((full.checked == nil) == mistakes)
        #expect(findings.checked == nil)
    }

    @Test("in-file tests still run when only the findings are asked for")
    func testsStillRun() {
        let source = """
        touchpoint: 1
        id: t
        questions:
          - id: likes
            type: yes_no
            text: "Do you like it?"
        tests:
          - name: wrong
            answers: {likes: true}
            expect: {status: screened_out}
        """
        let bytes = Array(source.utf8)
        let full = Validator.validate(bytes, runTests: InFileTests.diagnostics)
        let findings = Validator.validate(bytes, runTests: InFileTests.diagnostics, keepsChecked: false)
        #expect(full.diagnostics == findings.diagnostics)
        #expect(findings.diagnostics.contains { $0.code == .testFailed })
    }
}
