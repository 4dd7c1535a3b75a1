/// Runs the `tests:` cases of a questionnaire through the interview engine.
public enum InFileTests {
    /// The outcome of one test case.
    public struct Outcome: Sendable {
        public var test: TestCase
        /// What did not match, one line each; empty when the case passed.
        public var failures: [String]
        public var passed: Bool { failures.isEmpty }
    }

    /// Runs every case.
    public static func run(_ checked: CheckedQuestionnaire) -> [Outcome] {
        checked.questionnaire.tests.map { run($0, checked) }
    }

    /// `test-failed` diagnostics for the failing cases, for `validate`.
    @Sendable public static func diagnostics(_ checked: CheckedQuestionnaire) -> [Diagnostic] {
        run(checked).filter { !$0.passed }.map { outcome in
            Diagnostic(.testFailed, at: outcome.test.position,
                       "test `\(outcome.test.name)` failed: " + outcome.failures.joined(separator: "; "))
        }
    }

    static func run(_ test: TestCase, _ checked: CheckedQuestionnaire) -> Outcome {
        let q = checked.questionnaire, table = checked.table
        let meta = test.meta.mapValues(Value.init(yaml:))
        var interview = Interview(checked, language: test.language, meta: meta, seed: 1)
        let replay = Replay(answers: test.answers.mapValues(Value.init(yaml:)), missing: test.missing.mapValues(Value.init(yaml:)))
        var failures: [String] = []
        let e = test.expect
        do {
            try replay.run(&interview)
            if e.rejected == true { failures.append("expected the answers to be rejected, but they were accepted") }
        } catch {
            if e.rejected != true { failures.append("the answers were rejected: \(error.message)") }
            return Outcome(test: test, failures: failures)
        }
        guard case .finished(let status, _) = interview.state else { return Outcome(test: test, failures: ["the interview did not finish"]) }
        if let expected = e.status, expected != status {
            failures.append("expected status \(expected.rawValue), got \(status.rawValue)")
        }
        let askedQuestions = Set(interview.steps.map(\.key.question))
        let askedSections = Set(interview.steps.flatMap { table.symbols[$0.key.question]?.loops ?? [] })
        func wasAsked(_ name: String) -> Bool {
            if askedQuestions.contains(name) || askedSections.contains(name) { return true }
            return sectionContainsAsked(name, q.items, askedQuestions)
        }
        for name in e.asked where !wasAsked(name) { failures.append("expected `\(name)` to be asked, but it was not") }
        for name in e.notAsked where wasAsked(name) { failures.append("expected `\(name)` not to be asked, but it was") }
        for (name, node) in e.computed.sorted(by: { $0.key < $1.key }) {
            let expected = Value(yaml: node)
            let actual = interview.computed[AnswerPath(question: name)] ?? .null
            if !sameValue(expected, actual) {
                failures.append("expected compute `\(name)` to be \(expected.display), got \(actual == .null ? "null" : actual.display)")
            }
        }
        return Outcome(test: test, failures: failures)
    }

    /// Whether a section with this id has any asked question inside it.
    static func sectionContainsAsked(_ id: String, _ items: [Item], _ asked: Set<String>) -> Bool {
        for item in items {
            guard case .section(let s) = item else { continue }
            if s.id == id { return FlowItem.flatten(s.items).contains { $0.item.id.map(asked.contains) ?? false } }
            if sectionContainsAsked(id, s.items, asked) { return true }
        }
        return false
    }

    static func sameValue(_ a: Value, _ b: Value) -> Bool {
        if case .number(let x) = a, case .number(let y) = b { return abs(x - y) < 1e-9 }
        return a == b
    }
}
