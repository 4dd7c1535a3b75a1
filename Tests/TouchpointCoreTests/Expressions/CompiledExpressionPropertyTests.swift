import Foundation
import Testing
@testable import TouchpointCore

/// The compiled form of an expression gives what the tree-walking evaluator gives, null semantics included,
/// on seeded random expressions evaluated at every prompt of seeded random interviews.
///
/// A failure names its seed; `TOUCHPOINT_COMPILED_SEED=N swift test --filter CompiledExpressionPropertyTests`
/// replays that one case.
@Suite("compiled expressions agree with the evaluator")
struct CompiledExpressionPropertyTests {
    static let yaml = """
    touchpoint: 1
    id: visit
    meta:
      segment: {type: single, options: [new, regular]}
    questions:
      - {id: solved, type: yes_no, text: Solved?}
      - id: used
        type: multi
        required: false
        options: [{value: app, label: Mobile app}, {value: store, label: Store}, {value: none, label: None of these, exclusive: true}]
        text: Used?
      - {id: code, type: single, options: [1, 2, 3], text: Code?, required: false}
      - id: service
        type: grid
        text: Rate
        rows: [{id: speed, text: Speed}, {id: staff, text: Staff}]
        min: 1
        max: 5
        required: false
      - section: per_channel
        for_each: used
        questions:
          - {id: sat, type: scale, min: 1, max: 5, text: "How satisfied with {item}?", required: false}
          - compute: sat_twice
            value: sat * 2
          - {id: why, type: text, text: Why?, required: false}
      - {id: recommend, type: nps, text: Recommend?, required: false}
      - {id: when_visit, type: date, text: When?, required: false}
      - compute: promoter
        value: recommend >= 9
      - {id: reason, type: text, required: false, text: "Why?"}
    """

    static let names = ["solved", "used", "code", "service", "service.speed", "service.staff", "sat", "sat_twice", "why",
                        "recommend", "when_visit", "promoter", "reason", "meta.segment", "item", "nothing", "meta.nope"]
    static let texts = ["app", "store", "none", "1", "3", "new", "", "2026-01-01", "b"]

    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["TOUCHPOINT_COMPILED_SEED"], let seed = UInt64(text) { return [seed] }
        return Array(1...60)
    }

    /// A random expression of at most `depth` levels.
    static func expression(_ rng: inout SeededRandom, depth: Int) -> Expr {
        let p = SourcePosition(line: 1, column: 1)
        let roll = Int(rng.next() % (depth <= 0 ? 2 : 7))
        switch roll {
        case 0:
            switch rng.next() % 5 {
            case 0: return .literal(.null, p)
            case 1: return .literal(.bool(rng.next() % 2 == 0), p)
            case 2: return .literal(.number([0, 1, 2, 3, 5, 9, -1, 0.5, 1e308][Int(rng.next() % 9)]), p)
            default: return .literal(.text(texts[Int(rng.next() % UInt64(texts.count))]), p)
            }
        case 1:
            return .name(QualifiedName(names[Int(rng.next() % UInt64(names.count))]), p)
        case 2:
            return .list((0..<Int(rng.next() % 3)).map { _ in expression(&rng, depth: depth - 1) }, p)
        case 3:
            return .unary(rng.next() % 2 == 0 ? .not : .negate, expression(&rng, depth: depth - 1), p)
        case 4, 5:
            let op = BinaryOperator.allCases[Int(rng.next() % UInt64(BinaryOperator.allCases.count))]
            return .binary(op, expression(&rng, depth: depth - 1), expression(&rng, depth: depth - 1), p)
        default:
            let f = BuiltinFunction.allCases[Int(rng.next() % UInt64(BuiltinFunction.allCases.count))].rawValue
            let count = Int(rng.next() % 4)
            return .call(rng.next() % 10 == 0 ? "nope" : f, (0..<count).map { _ in expression(&rng, depth: depth - 1) }, p)
        }
    }

    @Test(arguments: seeds)
    func compiledFormGivesTheEvaluatorsValueAtEveryPrompt(seed: UInt64) throws {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        let checked = try #require(report.checked)
        var rng = SeededRandom(seed: seed)
        let meta: [String: Value] = rng.next() % 3 == 0 ? [:] : ["segment": .text(rng.next() % 2 == 0 ? "new" : "regular")]
        var interview = Interview(checked, meta: meta, seed: seed, rendersText: false)
        interview.confirmSoftChecksAutomatically = true
        var prompts = 0
        while let prompt = interview.prompt, prompts < 60 {
            prompts += 1
            let loopSections = checked.table.symbols[prompt.key.question]?.loops ?? []
            for _ in 0..<25 {
                let expr = Self.expression(&rng, depth: 4)
                let current: (id: String, value: Value)? = rng.next() % 3 == 0
                    ? (prompt.key.question, [Value.null, .number(4), .text("app"), .keyed(["speed": .number(2)])][Int(rng.next() % 4)])
                    : nil
                let context = CompiledExpression.Context(table: checked.table, slots: checked.compiled.slots,
                                                         loopSections: loopSections, currentID: current?.id)
                let compiled = CompiledExpression.compile(expr, in: context)
                    .evaluate(interview, loop: prompt.key.loop, current: current?.value)
                let env = Environment(interview: interview, loop: prompt.key.loop, loopSections: loopSections, current: current)
                let walked = Evaluator.evaluate(expr, in: env)
                #expect(compiled == walked, "seed \(seed), at \(prompt.key): \(expr.sourceText) gives \(compiled) compiled, \(walked) walked")
                if compiled != walked { return }
            }
            let q = prompt.question
            let outcome: StepOutcome
            if q.type == .note {
                outcome = .seen
            } else if prompt.key.isOtherText {
                outcome = .answer(.text("other"))
            } else if prompt.canSkip && rng.next() % 4 == 0 {
                outcome = .missing(.skipped)
            } else if let value = checked.rule(q.id)?.example(shown: q.type == .grid ? nil : prompt.options, using: &rng) {
                outcome = .answer(value)
            } else {
                outcome = .missing(.skipped)
            }
            if interview.submit(outcome) != .accepted { _ = interview.submit(.missing(.skipped)) }
            // Sometimes go back, so that slots are also cleared.
            if rng.next() % 7 == 0 { _ = interview.back() }
        }
        #expect(prompts > 0)
    }
}
