import Testing
import TouchpointCore

/// The effort range `validate` reports holds every real path (SPEC section 7): its minimum is never above the
/// fewest questions and seconds of any path, its maximum never below the most.
///
/// Property test: small questionnaires are generated from a seed (conditions, sections, loops, ends that may
/// fire, notes, one or two languages), every path through each is walked exhaustively with the interview engine
/// itself (every answer to every prompt, in every language), and the estimate is compared with the true range.
/// Seeded and bounded; a failure prints its seed and the questionnaire.
@Suite("Effort bounds against exhaustive path enumeration")
struct EffortBoundsTests {
    static let seeds: [UInt64] = Array(1...250)

    @Test func theEstimateBracketsEveryPathOfGeneratedQuestionnaires() throws {
        var checked = 0
        for seed in Self.seeds {
            let yaml = GeneratedQuestionnaire(seed: seed).yaml
            let report = Validator.validate(Array(yaml.utf8))
            guard !report.hasErrors, let questionnaire = report.checked, let estimate = report.effort else {
                Issue.record("seed \(seed): the generated questionnaire is invalid: \(report.diagnostics.map(\.fullMessage))\n\(yaml)")
                continue
            }
            guard let truth = PathEnumerator.enumerate(questionnaire) else { continue }
            checked += 1
            let context = "seed \(seed): estimate \(estimate), true range \(truth)\n\(yaml)"
            #expect(estimate.minQuestions <= truth.minQuestions, "minimum questions above the true minimum; \(context)")
            #expect(estimate.minSeconds <= truth.minSeconds + 1e-9, "minimum seconds above the true minimum; \(context)")
            #expect(estimate.maxQuestions >= truth.maxQuestions, "maximum questions below the true maximum; \(context)")
            #expect(estimate.maxSeconds >= truth.maxSeconds - 1e-9, "maximum seconds below the true maximum; \(context)")
        }
        #expect(checked >= Self.seeds.count * 9 / 10, "too many generated questionnaires had too many paths to walk")
    }

    @Test func theBundledRelationshipSurveyIsExact() throws {
        let yaml = "touchpoint: 1\nid: r\nintro: Welcome to our short survey about your last visit to the store.\nquestions:\n"
            + "  - {id: recommend, type: nps, text: How likely are you to recommend us?}\n"
            + "  - {id: reason, type: text, when: recommend <= 6, text: Why?}\n"
        let report = Validator.validate(Array(yaml.utf8))
        let estimate = try #require(report.effort)
        let checked = try #require(report.checked)
        let truth = try #require(PathEnumerator.enumerate(checked))
        #expect(estimate.minQuestions == truth.minQuestions && estimate.maxQuestions == truth.maxQuestions)
        #expect(abs(estimate.minSeconds - truth.minSeconds) < 1e-9, "the intro is not a question (SPEC section 7)")
        #expect(abs(estimate.maxSeconds - truth.maxSeconds) < 1e-9)
    }
}

/// The true fewest and most questions and seconds over every path, walked with the interview engine.
struct PathEnumerator: CustomStringConvertible {
    var minQuestions = Int.max, maxQuestions = 0
    var minSeconds = Double.infinity, maxSeconds = 0.0
    var paths = 0

    var description: String { "\(minQuestions)-\(maxQuestions) questions, \(minSeconds)-\(maxSeconds) s over \(paths) paths" }

    /// Every path's cost, or nil when there are more than `limit` prompts to visit.
    static func enumerate(_ checked: CheckedQuestionnaire, limit: Int = 200_000) -> PathEnumerator? {
        let q = checked.questionnaire
        var result = PathEnumerator()
        var budget = limit
        for language in q.languages.isEmpty ? [""] : q.languages {
            let start = Interview(checked, language: language.isEmpty ? nil : language)
            guard walk(start, questions: 0, seconds: 0, language: language, into: &result, budget: &budget) else { return nil }
        }
        return result
    }

    private static func walk(_ interview: Interview, questions: Int, seconds: Double, language: String,
                             into result: inout PathEnumerator, budget: inout Int) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        guard let prompt = interview.prompt else {
            result.paths += 1
            result.minQuestions = min(result.minQuestions, questions)
            result.maxQuestions = max(result.maxQuestions, questions)
            result.minSeconds = min(result.minSeconds, seconds)
            result.maxSeconds = max(result.maxSeconds, seconds)
            return true
        }
        let q = prompt.question
        let counted = q.type == .note ? 0 : 1
        let cost = EffortEstimate.readingSeconds(q, language: language) + EffortEstimate.answeringSeconds(q)
        for line in answers(prompt) {
            var next = interview
            guard next.submit(line) == .accepted else { continue }
            guard walk(next, questions: questions + counted, seconds: seconds + cost, language: language,
                       into: &result, budget: &budget) else { return false }
        }
        return true
    }

    /// Every answer that can change the path: each option, each subset of a multi's options, one scale point.
    private static func answers(_ prompt: Prompt) -> [String] {
        let q = prompt.question
        switch q.type {
        case .yesNo: return ["y", "n"]
        case .single: return (1...max(prompt.options.count, 1)).map(String.init)
        case .multi:
            let n = prompt.options.count
            var lines: [String] = []
            for mask in 1..<(1 << n) {
                let chosen: [String] = (0..<n).filter { mask & (1 << $0) != 0 }.map { String($0 + 1) }
                lines.append(chosen.joined(separator: ","))
            }
            return lines
        case .scale: return [String(Int(q.min ?? 1))]
        case .nps: return ["3", "9"]
        case .note: return [""]
        default: return ["1"]
        }
    }
}

/// A small random questionnaire: questions, conditions on earlier answers, sections, loops and ends.
struct GeneratedQuestionnaire {
    var yaml = ""
    private var rng: SeededRandom
    private var next = 0
    private var bools: [String] = []
    private var singles: [String] = []
    private var multis: [String] = []
    private let bilingual: Bool
    static let words = ["how", "satisfied", "were", "you", "with", "the", "store", "service", "today", "and", "why", "staff"]

    init(seed: UInt64) {
        rng = SeededRandom(seed: seed)
        bilingual = rng.next() % 2 == 0
        yaml = "touchpoint: 1\nid: generated\n" + (bilingual ? "languages: [en, zh]\n" : "") + "questions:\n"
        let count = 2 + Int(rng.next() % 5)
        for _ in 0..<count { item(indent: "  ", inLoop: false, depth: 0) }
    }

    private mutating func roll(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }

    /// A text of random length; `tag` makes option labels distinct.
    private mutating func text(_ tag: String = "") -> String {
        let en = (0..<(1 + roll(12))).map { _ in Self.words[roll(Self.words.count)] }.joined(separator: " ") + tag
        guard bilingual else { return "\"\(en)?\"" }
        let zh = String(repeating: "满意", count: 1 + roll(10)) + tag
        return "{en: \"\(en)?\", zh: \"\(zh)\"}"
    }

    private mutating func condition() -> String? {
        guard roll(2) == 0, !(bools.isEmpty && singles.isEmpty) else { return nil }
        var parts: [String] = []
        if !bools.isEmpty, roll(3) != 0 { parts.append((roll(2) == 0 ? "not " : "") + bools[roll(bools.count)]) }
        if !singles.isEmpty, parts.isEmpty || roll(2) == 0 {
            parts.append("\(singles[roll(singles.count)]) \(roll(2) == 0 ? "==" : "!=") 'o\(1 + roll(2))'")
        }
        if parts.isEmpty, let b = bools.first { parts.append(b) }
        return parts.joined(separator: roll(2) == 0 ? " and " : " or ")
    }

    private mutating func id() -> String {
        next += 1
        return "q\(next)"
    }

    private mutating func item(indent: String, inLoop: Bool, depth: Int) {
        let guardCondition = condition()
        let when = guardCondition.map { ", when: \"\($0)\"" } ?? ""
        switch roll(depth == 0 ? 9 : 6) {
        case 0, 1:
            let id = id()
            yaml += "\(indent)- {id: \(id), type: yes_no\(when), text: \(text())}\n"
            if !inLoop { bools.append(id) }
        case 2:
            let id = id()
            let options = (1...(2 + roll(2))).map { "{value: o\($0), label: \(text(" \($0)"))}" }.joined(separator: ", ")
            yaml += "\(indent)- {id: \(id), type: single, options: [\(options)]\(when), text: \(text())}\n"
            if !inLoop { singles.append(id) }
        case 3:
            yaml += "\(indent)- {id: \(id()), type: scale, min: 1, max: 5\(when), text: \(text())}\n"
        case 4:
            yaml += "\(indent)- {id: \(id()), type: note\(when), text: \(text())}\n"
        case 5:
            yaml += "\(indent)- {end: \(roll(2) == 0 ? "complete" : "screened_out")\(roll(4) == 0 ? "" : when.isEmpty ? ", when: \"\(condition() ?? "false")\"" : when)}\n"
        case 6:
            let id = id()
            let none = bilingual ? "{en: None, zh: 都没有}" : "None"
            let exclusive = roll(2) == 0 ? ", {value: none, label: \(none), exclusive: true}" : ""
            let options = (1...(2 + roll(2))).map { "{value: m\($0), label: \(text(" \($0)"))}" }.joined(separator: ", ")
            yaml += "\(indent)- {id: \(id), type: multi, options: [\(options)\(exclusive)]\(when), text: \(text())}\n"
            multis.append(id)
        default:
            let loop = !multis.isEmpty && roll(2) == 0 ? multis[roll(multis.count)] : nil
            yaml += "\(indent)- section: s\(id())\n"
            if let loop { yaml += "\(indent)  for_each: \(loop)\n" }
            if let guardCondition { yaml += "\(indent)  when: \"\(guardCondition)\"\n" }
            yaml += "\(indent)  questions:\n"
            for _ in 0..<(1 + roll(3)) { item(indent: indent + "    ", inLoop: inLoop || loop != nil, depth: depth + 1) }
        }
    }
}
