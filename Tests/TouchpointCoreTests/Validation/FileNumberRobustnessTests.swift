import Testing
import Foundation
@testable import TouchpointCore

/// Numbers an author writes never trap and never turn into unbounded work (issue 13, docs/robustness.md).
@Suite struct FileNumberRobustnessTests {
    /// `depth` sections nested inside each other, each looping over `pick`, with one question inside.
    static func nestedLoops(depth: Int, options: Int, min: String?, inner: String = "{id: inner, type: yes_no, text: Inner?}",
                            budget: String? = nil) -> String {
        var yaml = "touchpoint: 1\nid: loops\n"
        if let budget { yaml += "budget: \(budget)\n" }
        yaml += "questions:\n  - id: pick\n    type: multi\n"
        if let min { yaml += "    min: \(min)\n" }
        yaml += "    options: [" + (1...options).map { "o\($0)" }.joined(separator: ", ") + "]\n    text: Pick.\n"
        var indent = "  "
        for level in 0..<depth {
            yaml += "\(indent)- section: s\(level)\n\(indent)  for_each: pick\n\(indent)  questions:\n"
            indent += "    "
        }
        yaml += "\(indent)- \(inner)\n"
        return yaml
    }

    func validate(_ yaml: String) -> Validator.Report { Validator.validate(Array(yaml.utf8), runTests: InFileTests.diagnostics) }

    @Test func nineteenNestedLoopsOverTenOptionsSaturateTheEffortEstimate() throws {
        let report = validate(Self.nestedLoops(depth: 19, options: 10, min: nil))
        let effort = try #require(report.effort)
        #expect(effort.maxQuestions == Int.max)
        #expect(effort.summary.contains("more than"))
        #expect(!report.hasErrors)
    }

    @Test func aMinOfAMillionOverFourNestedLoopsIsAnErrorNotACrash() throws {
        let report = validate(Self.nestedLoops(depth: 4, options: 3, min: "1000000"))
        #expect(report.diagnostics.contains { $0.code == .badRange && $0.message.contains("1000000") })
        let effort = try #require(report.effort)
        #expect(effort.minQuestions >= 1)
        _ = effort.summary
    }

    @Test func aMinOf1e300IsAnErrorNotACrash() {
        let report = validate(Self.nestedLoops(depth: 2, options: 3, min: "1e300"))
        #expect(report.diagnostics.contains { $0.code == .badRange })
        _ = report.effort?.summary
    }

    @Test func loopsHoldingOnlyANoteGiveASummaryAndAScript() throws {
        let report = validate(Self.nestedLoops(depth: 19, options: 10, min: nil, inner: "{id: n, type: note, text: A long note to read.}",
                                               budget: "{seconds: 60}"))
        let effort = try #require(report.effort)
        #expect(effort.maxQuestions == 1)
        #expect(effort.summary.contains("more than"))
        #expect(report.diagnostics.contains { $0.code == .budgetExceeded && $0.message.contains("more than") })
        let checked = try #require(report.checked)
        #expect(ScriptRenderer(checked).render().contains("more than"))
    }

    @Test func aBudgetOf1e300SecondsIsShown() throws {
        let yaml = "touchpoint: 1\nid: b\nbudget: {seconds: 1e300}\nquestions:\n  - {id: a, type: yes_no, text: A?}\n"
        let report = validate(yaml)
        #expect(!report.hasErrors)
        let checked = try #require(report.checked)
        #expect(ScriptRenderer(checked).render().contains("more than"))
    }

    @Test func durationsOfAnyDoubleAreText() {
        for seconds in [-.infinity, -1e300, -1, 0, .nan, 4.9, 61, 1e12, 1e13, 1e300, .infinity] as [Double] {
            for up in [false, true] { #expect(!EffortEstimate.duration(seconds, roundingUp: up).isEmpty) }
        }
        #expect(EffortEstimate.duration(90, roundingUp: true) == "1 min 30 s")
        #expect(EffortEstimate.duration(.infinity, roundingUp: true).hasPrefix("more than "))
    }

    @Test func aHugeMinLengthIsAnError() throws {
        let yaml = "touchpoint: 1\nid: t\nquestions:\n  - {id: a, type: text, min_length: 100000000000, text: Write.}\n"
        let report = validate(yaml)
        #expect(report.diagnostics.contains { $0.code == .badRange && $0.message.contains("at most 1000000") })
        // The simulator bounds its own text answers (AnswerRule.example), so it never allocates from min_length.
    }

    @Test func wideScalesAreOneIntervalForTheReachabilityAnalysis() throws {
        var yaml = "touchpoint: 1\nid: wide\nquestions:\n  - {id: s, type: scale, min: -1000000, max: 1000000, text: S?}\n"
        for i in 0..<10 { yaml += "  - {id: q\(i), type: yes_no, when: \"s > \(i * 1000) and s < \(i * 1000 + 5)\", text: Q?}\n" }
        yaml += "  - {id: g, type: grid, min: -1000000, max: 1000000, rows: ["
            + (0..<20).map { "{id: r\($0), text: R}" }.joined(separator: ", ") + "], text: G?}\n"
        yaml += "  - {id: z, type: yes_no, when: \"g.r3 == 7 and g.r3 != 7\", text: Z?}\n"
        let bytes = Array(yaml.utf8)
        let parsed = QuestionnaireParser.parse(bytes)
        let q = try #require(parsed.questionnaire)
        let flow = FlowItem.flatten(q.items)
        let (table, _) = NameAnalysis.run(q, flow: flow)
        let domains = Domains.build(ValidationContext(questionnaire: q, flow: flow, table: table))
        // The work the analysis does is proportional to the pieces of each domain: one each, not 2,000,001.
        for name in ["s", "g.r0", "g.r19"] {
            let domain = try #require(domains[name])
            guard case .intervals(let pieces, integer: true) = domain.values else { Issue.record("\(name) is not intervals"); continue }
            #expect(pieces.count == 1)
        }
        let report = Validator.validate(bytes)
        #expect(report.diagnostics.contains { $0.code == .badRange })
        #expect(report.diagnostics.contains { $0.code == .unreachable && $0.position.line == 16 })
        #expect(!report.diagnostics.contains { $0.code == .unreachable && (5...14).contains($0.position.line) })
    }

    @Test func saturatingArithmeticStopsAtTheEnds() {
        #expect(Saturating.int(.nan) == 0)
        #expect(Saturating.int(1e300) == .max)
        #expect(Saturating.int(-.infinity) == .min)
        #expect(Saturating.int(9_223_372_036_854_775_807.0) == .max)
        #expect(Saturating.int(-3.9) == -3)
        #expect(Saturating.add(.max, 1) == .max)
        #expect(Saturating.add(.min, -1) == .min)
        #expect(Saturating.multiply(.max / 2, 3) == .max)
        #expect(Saturating.multiply(.max / 2, -3) == .min)
        #expect(Saturating.multiply(6, 7) == 42)
    }
}

/// Weights near the top of `Double` keep the effective sample size finite and at most the number of cases.
@Suite struct HugeWeightTests {
    @Test func weightsNear1e154GiveAFiniteEffectiveSize() throws {
        var totals = WeightTotals()
        for w in [1e154, 2e154, 1.5e154, 1e154] { totals.add(w) }
        let size = try #require(totals.effectiveSize)
        #expect(size.isFinite && size > 1 && size <= 4)
        let expected = pow(5.5, 2) / (1 + 4 + 2.25 + 1)
        #expect(abs(size - expected) < 1e-9)
    }

    @Test func mergingHugeTotalsMatchesAddingThemInOne() throws {
        var a = WeightTotals(), b = WeightTotals(), all = WeightTotals()
        for w in [1e300, 3.0, 1e-300] { a.add(w); all.add(w) }
        for w in [1.7e308, 0.0, 1e308] { b.add(w); all.add(w) }
        a.merge(b)
        let merged = try #require(a.effectiveSize), single = try #require(all.effectiveSize)
        #expect(merged.isFinite && merged <= 6 && abs(merged - single) < 1e-9)
    }

    @Test func ordinaryWeightsKeepThePlainFormula() throws {
        var totals = WeightTotals()
        for w in [1.633, 1.182, 2.06] { totals.add(w) }
        let plain = (1.633 + 1.182 + 2.06) * (1.633 + 1.182 + 2.06) / (1.633 * 1.633 + 1.182 * 1.182 + 2.06 * 2.06)
        #expect(try #require(totals.effectiveSize) == plain)
    }
}

/// Simulating nested loops over big selections stops early instead of asking billions of questions.
@Suite struct SimulatorBoundTests {
    @Test func nineteenNestedLoopsAreCutShortAndTheSimulationStops() throws {
        let report = Validator.validate(Array(FileNumberRobustnessTests.nestedLoops(depth: 19, options: 10, min: nil).utf8))
        let checked = try #require(report.checked)
        let run = Simulator(checked).run(count: 1000, seed: 1)
        // The work is bounded: at most maxCutShort respondents answer maxPromptsPerRespondent prompts each.
        #expect(run.cutShort == Simulator.maxCutShort)
        #expect(run.respondents < 1000)
        #expect(run.respondents == run.cutShort + run.statuses.values.reduce(0, +) + run.stuck)
    }
}
