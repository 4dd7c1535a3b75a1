import Foundation
import Testing
@testable import TouchpointCore

/// One rule for every command, checked over seeded random questionnaires and respondents: every record that
/// `simulate` writes passes `verify`; replaying it as `run --answers` does reproduces it; typing the same
/// answers at the prompt (line mode) gives the same record. Ids, times, durations and mode aside.
///
/// Bounded (a fixed number of questionnaires and respondents) and seeded; a failure names the seed, and
/// `TOUCHPOINT_PROPERTY_SEED=N swift test --filter ConsistencyPropertyTests` replays that one case.
@Suite("consistency: simulate, verify, replay, type")
struct ConsistencyPropertyTests {
    static let questionnaires = 40
    static let respondents = 25

    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["TOUCHPOINT_PROPERTY_SEED"], let seed = UInt64(text) { return [seed] }
        return (1...UInt64(questionnaires)).map { $0 &* 7_919 }
    }

    @Test func everyCommandAgreesOnGeneratedQuestionnaires() throws {
        for seed in Self.seeds {
            try check(seed: seed)
        }
    }

    private func check(seed: UInt64) throws {
        var generator = QuestionnaireGenerator(seed: seed)
        let yaml = generator.make(size: 6 + Int(seed % 7))
        let report = Validator.validate(Array(yaml.utf8))
        guard let checked = report.checked else {
            Issue.record("seed \(seed): the generated questionnaire does not validate: \(report.diagnostics.filter { $0.severity == .error })\n\(yaml)")
            return
        }
        let context = { (id: String) in
            InterviewContext(responseID: id, questionnaireSHA256: "x", respondent: nil, mode: .headless,
                             startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:00:00Z")
        }
        var simulated: [(interview: Interview, record: JSONValue)] = []
        let simulation = Simulator(checked).run(count: Self.respondents, seed: seed) { interview, id in
            simulated.append((interview, interview.record(context(id)).json))
        }
        #expect(simulation.stuck == 0, "seed \(seed): \(simulation.stuck) simulated respondents found no acceptable answer\n\(yaml)")

        // 1. verify accepts every simulated record.
        let file = try ResponseFile(simulated.map { JSONWriter().string($0.record) })
        var verifier = ResponseVerifier(checked)
        var problems: [LineRejection] = []
        try verifier.verify(file.source) { problems.append($0) }
        #expect(problems.isEmpty, "seed \(seed): verify rejects simulated records: \(problems.prefix(3))\n\(yaml)")

        for (index, (original, record)) in simulated.enumerated() {
            let label = "seed \(seed), respondent \(index + 1)"
            // 2. Replaying the stored record (as `run --answers` does) gives the same record.
            let parsed = try JSONParser().parse(JSONWriter().string(record))
            var replayed = Interview(checked, language: parsed["language"]?.stringValue, meta: Self.values(parsed["meta"]),
                                     seed: original.seed, rendersText: false)
            do {
                try Replay(answers: Self.values(parsed["answers"]), missing: Self.values(parsed["missing"])).run(&replayed)
            } catch {
                Issue.record("\(label): the record does not replay: \(error.message)\n\(JSONWriter().string(record))\n\(yaml)")
                continue
            }
            guard Self.expectSame(replayed.record(context("r")).json, record, label, yaml) else { return }

            // 3. Typing the same answers at the prompt gives the same record.
            var typed = Interview(checked, meta: original.meta, seed: original.seed)
            var guardSteps = 0
            for step in original.steps {
                guardSteps += 1
                guard guardSteps < 10_000, let prompt = typed.prompt else { break }
                let line = Self.typedLine(step.outcome, prompt: prompt, rng: seed &+ UInt64(guardSteps))
                var feedback = typed.submit(line)
                if case .confirm = feedback { feedback = typed.submit("") }
                if feedback != .accepted {
                    Issue.record("\(label): typing \(line.debugDescription) at `\(prompt.key)` gave \(feedback)\n\(yaml)")
                    return
                }
            }
            guard Self.expectSame(typed.record(context("r")).json, record, label + " (typed)", yaml) else { return }
        }
    }

    /// The line a person would type for a recorded outcome: multi choices in a shuffled order, by value.
    static func typedLine(_ outcome: StepOutcome, prompt: Prompt, rng seed: UInt64) -> String {
        switch outcome {
        case .seen: return ""
        case .missing(.skipped): return ":skip"
        case .missing(.dontKnow): return ":dk"
        case .missing(.refused): return ":rf"
        case .answer(let value):
            switch (prompt.question.type, value) {
            case (.yesNo, .bool(let b)): return b ? "y" : "n"
            case (_, .list(let items)):
                var rng = SeededRandom(seed: seed)
                return items.map(\.display).shuffled(using: &rng).joined(separator: ", ")
            default: return value.display
            }
        }
    }

    /// Records compared field by field, apart from what the clock and the run decide.
    /// Only the first difference of a questionnaire is reported: the rest usually follow from it.
    static func expectSame(_ actual: JSONValue, _ expected: JSONValue, _ label: String, _ yaml: String) -> Bool {
        for key in ["status", "language", "meta", "answers", "missing", "computed", "path", "option_order", "warnings"]
        where actual[key] != expected[key] {
            Issue.record("\(label): `\(key)` differs:\n  got      \(JSONWriter().string(actual[key] ?? .null))\n  expected \(JSONWriter().string(expected[key] ?? .null))\n\(yaml)")
            return false
        }
        return true
    }

    static func values(_ json: JSONValue?) -> [String: Value] {
        var map: [String: Value] = [:]
        for (key, value) in json?.objectValue ?? JSONObject() { map[key] = Value(json: value) }
        return map
    }
}
