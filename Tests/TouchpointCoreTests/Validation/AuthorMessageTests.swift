import Testing
import TouchpointCore

/// Problems an author makes are reported once, as problems of what the author wrote, at the value.
@Suite("Messages for authors")
struct AuthorMessageTests {
    func check(_ raw: String) -> (diagnostics: [Diagnostic], markers: [SourcePosition?]) {
        let source = MarkedSource(raw)
        let report = Validator.validate(Array(source.text.utf8))
        return (report.diagnostics, MarkedSource.keycaps.map { source.markers[$0] })
    }

    @Test func aTestAnsweringAWrongOptionValueIsAProblemWithTheTestAtTheValue() {
        let (diagnostics, markers) = check("""
        touchpoint: 1
        id: t
        questions:
          - {id: sat, type: single, options: [low, mid, high], text: How satisfied?}
          - {id: ease, type: scale, min: 1, max: 5, text: How easy?}
          - {id: used, type: multi, options: [app, store], text: Which?}
        tests:
          - name: typo
            answers: {sat: 1️⃣medium, ease: 2️⃣9, used: [app, 3️⃣web]}
            expect: {status: complete}
        """)
        let tests = diagnostics.filter { $0.code == .testInvalid }
        #expect(tests.map(\.position) == markers.prefix(3).compactMap { $0 })
        #expect(tests.contains { $0.message == "test `typo` answers `sat` with `medium`, which is not one of its option values"
            && $0.hint == "write one of `low`, `mid`, `high`" })
        #expect(tests.contains { $0.message.contains("`ease` with `9`, which is not a point of its scale")
            && $0.hint == "write a whole number from 1 to 5" })
        #expect(!diagnostics.contains { $0.code == .testFailed })
    }

    @Test func aTestThatExpectsRejectionMayGiveBadAnswersOnPurpose() {
        let (diagnostics, _) = check("""
        touchpoint: 1
        id: t
        questions:
          - {id: ease, type: scale, min: 1, max: 5, text: How easy?}
        tests:
          - answers: {ease: 9}
            expect: {rejected: true}
        """)
        #expect(!diagnostics.contains { $0.code == .testInvalid })
    }

    @Test func aLoopAnswerKeyedByAnOptionTheLoopDoesNotHaveIsReported() {
        let (diagnostics, markers) = check("""
        touchpoint: 1
        id: t
        questions:
          - {id: used, type: multi, options: [app, store], text: Which?}
          - section: per
            for_each: used
            questions:
              - {id: rate, type: scale, min: 1, max: 5, text: "Rate {item}"}
        tests:
          - answers: {used: [app], rate: {1️⃣web: 3}}
            expect: {status: complete}
        """)
        let tests = diagnostics.filter { $0.code == .testInvalid }
        #expect(tests.count == 1)
        #expect(tests.first?.position == markers[0])
    }

    @Test func aQuestionWithoutTextGetsOneErrorAndNoTranslationWarning() {
        let (diagnostics, _) = check("""
        touchpoint: 1
        id: t
        languages: [en, zh]
        questions:
          - id: a
            type: yes_no
        """)
        #expect(diagnostics.map(\.code) == [.missingKey])
    }

    @Test func forEachOverASingleQuestionIsReported() {
        let (diagnostics, markers) = check("""
        touchpoint: 1
        id: t
        questions:
          - {id: channel, type: single, options: [app, store], text: Which?}
          - section: per
            for_each: 1️⃣channel
            questions:
              - {id: rate, type: scale, min: 1, max: 5, text: "Rate {item}"}
        """)
        #expect(diagnostics.map(\.code) == [.badLoop])
        #expect(diagnostics.first?.position == markers[0])
        #expect(diagnostics.first?.message.contains("must name a multi question, but `channel` is a single question") == true)
    }

    @Test(arguments: ["type: scale, min: 1, max: 5", "type: yes_no", "type: text"])
    func forEachOverAnythingButAMultiIsReported(kind: String) {
        let (diagnostics, _) = check("""
        touchpoint: 1
        id: t
        questions:
          - {id: q, \(kind), text: Which?}
          - section: per
            for_each: q
            questions:
              - {id: rate, type: note, text: "Hello"}
        """)
        #expect(diagnostics.map(\.code) == [.badLoop])
    }
}
