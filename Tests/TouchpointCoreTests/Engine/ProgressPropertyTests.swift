import Foundation
import Testing
@testable import TouchpointCore

/// The progress marker over seeded generated questionnaires (loops, grids, `other`, conditions, ends): at
/// every prompt of every simulated path the longest remaining path is at least the prompts that path still
/// asks, and shrinks by at least one a step (so the fraction rises by itself, with no help from the high-water
/// mark); the marker is below 1 at every prompt and 1 at the end. `TOUCHPOINT_PROPERTY_SEED=N swift test --filter ProgressPropertyTests` replays one seed.
@Suite("progress marker over generated questionnaires")
struct ProgressPropertyTests {
    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["TOUCHPOINT_PROPERTY_SEED"], let seed = UInt64(text) { return [seed] }
        return (1...UInt64(30)).map { $0 &* 104_729 }
    }

    @Test func theMarkerRisesToAHundredPercentOnEverySimulatedPath() throws {
        for seed in Self.seeds {
            var generator = QuestionnaireGenerator(seed: seed)
            let yaml = generator.make(size: 6 + Int(seed % 9))
            guard let checked = Validator.validate(Array(yaml.utf8)).checked else {
                Issue.record("seed \(seed): the generated questionnaire does not validate\n\(yaml)")
                continue
            }
            var paths = 0
            _ = Simulator(checked).run(count: 12, seed: seed) { simulated, _ in
                paths += 1
                var shown = Interview(checked, meta: simulated.meta, seed: simulated.seed)
                shown.confirmSoftChecksAutomatically = true
                var last = 0.0
                var lastRemaining = Int.max
                for (index, step) in simulated.steps.enumerated() {
                    guard let prompt = shown.prompt else { break }
                    let remaining = shown.longestRemaining(at: prompt.key)
                    let actual = simulated.steps.count - index
                    #expect(remaining >= actual, "seed \(seed): \(remaining) left at `\(prompt.key)`, the path asks \(actual)\n\(yaml)")
                    #expect(remaining < lastRemaining, "seed \(seed): \(remaining) left at `\(prompt.key)` after \(lastRemaining)\n\(yaml)")
                    lastRemaining = remaining
                    #expect(prompt.progress >= last && prompt.progress < 1,
                            "seed \(seed): \(prompt.progress) at `\(prompt.key)` after \(last)\n\(yaml)")
                    last = prompt.progress
                    _ = shown.submit(step.outcome)
                }
                #expect(shown.isFinished && shown.progressFraction == 1, "seed \(seed): the marker did not end full\n\(yaml)")
            }
            #expect(paths == 12)
        }
    }
}
