import Foundation
import Testing
@testable import TouchpointCore

/// The usability-test scores of the bundled `questionnaires/usability_test.yaml`, on records built in memory.
@Suite struct UsabilityScoreTests {
    static let questionnairePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("questionnaires/usability_test.yaml").path

    static func load(_ path: String = questionnairePath) throws -> CheckedQuestionnaire {
        let report = Validator.validate(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    /// One participant: task outcomes and times (seconds) by task, SUS answers in item order, UMUX-Lite answers.
    static func record(_ id: String, segment: String = "new", tasks: [(task: String, outcome: String, seconds: Double)],
                       sus: [Double]? = [3, 3, 3, 3, 3, 3, 3, 3, 3, 3], umux: (Double, Double)? = (4, 4)) -> CheckedResponse {
        var answers: JSONObject = ["consent": true, "tasks": .array(tasks.map { .string($0.task) })]
        answers["task_success"] = .object(JSONObject(tasks.map { (key: $0.task, value: .string($0.outcome)) }))
        answers["seq"] = .object(JSONObject(tasks.map { (key: $0.task, value: 5) }))
        for (index, answer) in (sus ?? []).enumerated() {
            answers[String(format: "sus_%02d", index + 1)] = .number(answer)
        }
        if let umux {
            answers["umux_capabilities"] = .number(umux.0)
            answers["umux_easy"] = .number(umux.1)
        }
        var record = CheckedResponse(responseID: id, status: .complete, meta: ["segment": .string(segment)], answers: answers)
        record.durations = JSONObject(tasks.map { (key: "task_done[\($0.task)]", value: .number($0.seconds * 1000)) })
        return record
    }

    static func score(_ records: [CheckedResponse], options: ScoreOptions = ScoreOptions()) throws -> ScoreReport {
        var engine = try ScoreEngine(try load(), options: options)
        for record in records { try engine.add(record) }
        return engine.report()
    }

    static func outcome(_ group: ScoreReport.Group, _ id: String) -> ScoreResult.Outcome? {
        group.scores.first { $0.id == id }?.outcome
    }

    @Test func theBundledScriptValidatesCleanAndDeclaresEveryUsabilityScore() throws {
        let methods = Set(try Self.load().questionnaire.scores.map(\.method))
        #expect(methods.isSuperset(of: [.sus, .umuxLite, .completion, .timeOnTask, .mean]))
    }

    @Test func sevenCompletedAttemptsOfTenGiveTheAdjustedWaldInterval() throws {
        let tasks = ["find_plan", "top_up", "cancel"]
        var records: [CheckedResponse] = []
        // Ten attempts over four participants; "with help" counts as a failure.
        let outcomes = ["completed", "completed", "with_help", "completed", "completed", "completed", "failed",
                        "completed", "completed", "with_help"]
        var index = 0
        while index < outcomes.count {
            let count = min(3, outcomes.count - index)
            let attempts = (0..<count).map { (task: tasks[$0], outcome: outcomes[index + $0], seconds: 30.0) }
            records.append(Self.record("p\(index)", tasks: attempts))
            index += count
        }
        let report = try Self.score(records)
        guard case .share(let n, let count, let estimate)? = Self.outcome(report.overall, "task_completion") else {
            Issue.record("task_completion is not a share"); return
        }
        #expect(n == 10 && count == 7)
        let ci = try #require(estimate?.ci95)
        #expect(abs(ci.low / 100 - 0.3923) < 1e-4 && abs(ci.high / 100 - 0.8967) < 1e-4, "\(ci)")
    }

    @Test func timeOnTaskIsTheGeometricMeanOfSuccessfulAttemptsOnly() throws {
        // The oracle's five successful times, and one failed attempt of 900 s that only `task_time_all` counts.
        let records = [
            Self.record("a", tasks: [("find_plan", "completed", 40), ("top_up", "completed", 55)]),
            Self.record("b", tasks: [("find_plan", "completed", 62), ("cancel", "failed", 900)]),
            Self.record("c", tasks: [("top_up", "completed", 80), ("cancel", "completed", 120)]),
        ]
        let report = try Self.score(records)
        guard case .mean(let n, let successful, _)? = Self.outcome(report.overall, "task_time") else { Issue.record("task_time"); return }
        #expect(n == 5)
        #expect(abs((successful?.estimate.value ?? 0) - 66.59) < 1e-2)
        let oracle = try #require(UsabilityVectors.load().geometricMean.first)
        #expect(matchesOracle(successful?.estimate.value, oracle.value, tolerance: 1e-9))
        #expect(matchesOracle(successful?.estimate.ci95?.low, oracle.low, tolerance: 1e-9))
        #expect(matchesOracle(successful?.estimate.ci95?.high, oracle.high, tolerance: 1e-9))
        guard case .mean(let all, let every, _)? = Self.outcome(report.overall, "task_time_all") else { Issue.record("task_time_all"); return }
        #expect(all == 6)
        let expected = try #require(GeometricMean.estimate([40, 55, 62, 900, 80, 120]))
        #expect(matchesOracle(every?.estimate.value, expected.value, tolerance: 1e-12))
    }

    @Test func attemptsWithoutATimeAreLeftOutOfTimeOnTask() throws {
        var headless = Self.record("h", tasks: [("find_plan", "completed", 0), ("top_up", "completed", 0)])
        var partial = Self.record("p", tasks: [("find_plan", "completed", 30)])
        partial.durations["task_done[find_plan]"] = .string("thirty")
        headless.durations["task_done[cancel]"] = .number(5000)
        let report = try Self.score([headless, partial, Self.record("ok", tasks: [("cancel", "completed", 20)])])
        guard case .mean(let n, let estimate, _)? = Self.outcome(report.overall, "task_time") else { Issue.record("task_time"); return }
        #expect(n == 1, "zero times (headless runs), a time that is not a number, and a round without success are left out")
        #expect(matchesOracle(estimate?.estimate.value, 20, tolerance: 1e-12))
    }

    @Test func susMatchesTheOracleAndLeavesOutAParticipantMissingAnItem() throws {
        let sample = try #require(UsabilityVectors.load().sus.samples.first)
        var records = sample.respondents.enumerated().map { index, answers in
            Self.record("r\(index)", tasks: [("cancel", "completed", 10)], sus: answers)
        }
        var incomplete = Self.record("missing", tasks: [("cancel", "completed", 10)], sus: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
        incomplete.answers["sus_07"] = nil
        incomplete.missing["sus_07"] = "refused"
        records.append(incomplete)
        let report = try Self.score(records)
        guard case .mean(let n, let estimate, let alpha)? = Self.outcome(report.overall, "sus") else { Issue.record("sus"); return }
        #expect(n == sample.respondents.count)
        #expect(matchesOracle(estimate?.estimate.value, sample.mean))
        #expect(matchesOracle(estimate?.sd, sample.sd))
        #expect(matchesOracle(estimate?.estimate.ci95?.low, sample.low))
        #expect(matchesOracle(estimate?.estimate.ci95?.high, sample.high))
        #expect(alpha?.items == 10)
        let json = report.json
        #expect(json["scores"]?["sus"]?["grade"]?.stringValue == sample.grade)
    }

    @Test func umuxLiteReportsTheRawMeanAndTheAdjustedScore() throws {
        let sample = try #require(UsabilityVectors.load().umuxLite.samples.first)
        let records = sample.pairs.enumerated().map { index, pair in
            Self.record("u\(index)", tasks: [("cancel", "completed", 10)], umux: (pair[0], pair[1]))
        }
        let report = try Self.score(records + [Self.record("none", tasks: [], umux: nil)])
        let json = try #require(report.json["scores"]?["umux_lite"])
        #expect(json["n"]?.doubleValue == Double(sample.pairs.count))
        #expect(agreesWithOracle(json["value"]?.doubleValue, .number(sample.mean)))
        #expect(agreesWithOracle(json["adjusted"]?.doubleValue, .number(sample.adjusted)))
        #expect(agreesWithOracle(json["ci95"]?[0]?.doubleValue, sample.low.map(JSONValue.number)))
        #expect(json["alpha"] == nil, "UMUX-Lite reports no alpha")
    }

    @Test func groupsScoreTheirOwnParticipants() throws {
        let records = [
            Self.record("a", segment: "new", tasks: [("cancel", "failed", 50)]),
            Self.record("b", segment: "existing", tasks: [("cancel", "completed", 20), ("top_up", "completed", 45)]),
        ]
        let report = try Self.score(records, options: ScoreOptions(groupBy: ["meta.segment"]))
        let existing = try #require(report.groups.first { $0.by.first?.value.description == "existing" })
        guard case .share(let n, let count, _)? = Self.outcome(existing, "task_completion") else { Issue.record("completion"); return }
        #expect(n == 2 && count == 2)
        guard case .mean(let timed, _, _)? = Self.outcome(existing, "task_time") else { Issue.record("task_time"); return }
        #expect(timed == 2)
    }

    @Test func perTaskScoresReadTheirOwnLoopRoundOnly() throws {
        let records = [
            Self.record("a", tasks: [("find_plan", "completed", 40), ("cancel", "failed", 300)]),
            Self.record("b", tasks: [("find_plan", "failed", 70), ("cancel", "completed", 80)]),
            Self.record("c", tasks: [("find_plan", "completed", 90)]),
        ]
        let report = try Self.score(records)
        guard case .share(let n, let count, _)? = Self.outcome(report.overall, "find_plan_completion") else { Issue.record("find_plan_completion"); return }
        #expect(n == 3 && count == 2)
        guard case .mean(let timed, let time, _)? = Self.outcome(report.overall, "find_plan_time") else { Issue.record("find_plan_time"); return }
        #expect(timed == 2)
        #expect(matchesOracle(time?.estimate.value, (40.0 * 90).squareRoot(), tolerance: 1e-12))
        guard case .mean(let cancelled, let cancelTime, _)? = Self.outcome(report.overall, "cancel_time") else { Issue.record("cancel_time"); return }
        #expect(cancelled == 1 && matchesOracle(cancelTime?.estimate.value, 80, tolerance: 1e-12))
        guard case .mean(let rated, _, _)? = Self.outcome(report.overall, "top_up_seq") else { Issue.record("top_up_seq"); return }
        #expect(rated == 0, "nobody attempted top_up")
    }

    @Test func weightedTaskScoresUseTheKishEffectiveSize() throws {
        let yaml = """
        touchpoint: 1
        id: weighted_tasks
        meta:
          weight: {type: number}
        questions:
          - {id: task_done, type: note, text: Press Enter when done.}
          - {id: done, type: yes_no, text: Done?}
        scores:
          completion: {method: completion, item: done}
          time: {method: time_on_task, items: [task_done], successful: false}
        """
        let report = Validator.validate(Array(yaml.utf8))
        var engine = try ScoreEngine(try #require(report.checked), options: ScoreOptions(weight: "meta.weight"))
        let cases: [(done: Bool, seconds: Double, weight: Double)] = [(true, 30, 1), (false, 75, 2.5), (true, 42, 0.5), (true, 61, 1.5)]
        for (index, c) in cases.enumerated() {
            var record = CheckedResponse(responseID: "w\(index)", status: .complete, meta: ["weight": .number(c.weight)],
                                         answers: ["done": .bool(c.done)])
            record.durations = ["task_done": .number(c.seconds * 1000)]
            try engine.add(record)
        }
        let overall = engine.report().overall
        guard case .share(_, _, let share)? = Self.outcome(overall, "completion") else { Issue.record("completion"); return }
        let expected = try #require(AdjustedWald.estimate(outcomes: cases.map(\.done), weights: cases.map(\.weight)))
        #expect(matchesOracle(share?.value, expected.value, tolerance: 1e-12))
        #expect(matchesOracle(share?.ci95?.low, expected.ci95?.low, tolerance: 1e-12))
        #expect(matchesOracle(share?.nEff, expected.nEff, tolerance: 1e-12))
        guard case .mean(_, let time, _)? = Self.outcome(overall, "time") else { Issue.record("time"); return }
        let logs = try #require(Mean.estimate(cases.map { Foundation.log($0.seconds) }, weights: cases.map(\.weight)))
        #expect(matchesOracle(time?.estimate.value, Foundation.exp(logs.estimate.value), tolerance: 1e-9))
        #expect(matchesOracle(time?.estimate.ci95?.high, logs.estimate.ci95.map { Foundation.exp($0.high) }, tolerance: 1e-9))
    }
}

