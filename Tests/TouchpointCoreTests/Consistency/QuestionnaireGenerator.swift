import TouchpointCore

/// Random valid questionnaires for property tests: every question type, meta with a pattern, `other`,
/// shuffled and exclusive options, loops over a multi, grids of both kinds, hard and soft checks, computes,
/// screen-out ends, optional questions with skip, don't know and refused, one or two languages.
///
/// Conditions name only questions asked earlier at the top level, with literals of the right type, so that
/// every generated file validates; a file that does not is a failure of the test, reported with its seed.
struct QuestionnaireGenerator {
    private var rng: SeededRandom
    private var lines: [String] = []
    /// Top-level questions so far, for conditions, piping and loops: id and kind.
    private var earlier: [(id: String, kind: Kind)] = []
    private var count = 0
    private let bilingual: Bool

    enum Kind: Equatable {
        case single([String]), multi([String]), scale(Int, Int), nps, number, text, yesNo, date, grid, note
    }

    init(seed: UInt64) {
        var rng = SeededRandom(seed: seed)
        bilingual = rng.next() % 2 == 0
        self.rng = rng
    }

    /// The YAML text of a questionnaire with about `size` items.
    mutating func make(size: Int) -> String {
        lines = ["touchpoint: 1", "id: generated", bilingual ? "languages: [en, zh]" : "languages: [en]",
                 "defaults: {required: true, dont_know: false, refuse: false}",
                 "meta:",
                 "  segment: {type: single, options: [a, b, c], text: Segment}",
                 "  case_id: {type: text, pattern: '[A-Z]{2}-\\d{3}(x|yz)?', text: Case}",
                 "questions:"]
        for _ in 0..<size { item(indent: "  ", inLoop: false) }
        if let multi = earlier.last(where: { if case .multi = $0.kind { return true } else { return false } }) {
            loop(over: multi.id)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private mutating func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
    private mutating func chance(_ percent: Int) -> Bool { pick(100) < percent }

    private func text(_ en: String) -> String {
        bilingual ? "{en: \"\(en)\", zh: \"题\(en)\"}" : "\"\(en)\""
    }

    private mutating func nextID(_ prefix: String) -> String {
        count += 1
        return "\(prefix)\(count)"
    }

    /// A condition on an earlier top-level question, or nil when none fits.
    private mutating func condition() -> String? {
        let usable = earlier.filter { $0.kind != .note && $0.kind != .grid && $0.kind != .text && $0.kind != .date }
        guard !usable.isEmpty else { return nil }
        let (id, kind) = usable[pick(usable.count)]
        switch kind {
        case .single(let values): return "\(id) == '\(values[pick(values.count)])'"
        case .multi(let values): return "not ('\(values[pick(values.count)])' in \(id))"
        case .scale(let lo, let hi): return "\(id) >= \(lo + pick(hi - lo + 1))"
        case .nps: return "\(id) <= \(3 + pick(7))"
        case .number: return "\(id) > \(pick(50))"
        case .yesNo: return chance(50) ? id : "not \(id)"
        default: return nil
        }
    }

    private mutating func common(_ indent: String) {
        if chance(25) { lines.append("\(indent)  required: false") }
        if chance(20) { lines.append("\(indent)  dont_know: true") }
        if chance(15) { lines.append("\(indent)  refuse: true") }
    }

    private mutating func item(indent: String, inLoop: Bool) {
        let roll = pick(100)
        if !inLoop, roll < 6, let when = condition() {
            lines += ["\(indent)- end: screened_out", "\(indent)  when: \"\(when)\""]
            return
        }
        if !inLoop, roll < 12, !earlier.isEmpty {
            let id = nextID("c")
            let numeric = earlier.filter { if case .scale = $0.kind { true } else { $0.kind == .nps || $0.kind == .number } }
            let value = numeric.isEmpty ? "answered(\(earlier[0].id))" : "\(numeric[pick(numeric.count)].id) + 1"
            lines += ["\(indent)- compute: \(id)", "\(indent)  value: \"\(value)\""]
            return
        }
        let id = nextID("q")
        var kind: Kind
        switch pick(11) {
        case 0:
            let values = (1...(2 + pick(4))).map { "s\($0)" }
            kind = .single(values)
            lines += ["\(indent)- id: \(id)", "\(indent)  type: single", "\(indent)  options: [\(values.joined(separator: ", "))]"]
            if chance(40) { lines.append("\(indent)  other: true") }
            if chance(40) { lines.append("\(indent)  shuffle: true") }
        case 1, 2:
            let values = (1...(2 + pick(4))).map { "m\($0)" }
            kind = .multi(values)
            var options = values.map { "{value: \($0), label: \(text("Option \($0)"))}" }
            if chance(40) { options.append("{value: none, label: \(text("None")), exclusive: true, fixed: true}") }
            lines += ["\(indent)- id: \(id)", "\(indent)  type: multi", "\(indent)  options: [\(options.joined(separator: ", "))]"]
            if chance(40) { lines.append("\(indent)  other: true") }
            if chance(40) { lines.append("\(indent)  shuffle: true") }
            if chance(30) { lines.append("\(indent)  max: 2") }
        case 3:
            let lo = pick(2), hi = lo + 2 + pick(6)
            kind = .scale(lo, hi)
            lines += ["\(indent)- id: \(id)", "\(indent)  type: scale", "\(indent)  min: \(lo)", "\(indent)  max: \(hi)"]
            if chance(40) {
                lines += ["\(indent)  checks:", "\(indent)    - {rule: \"\(id) != \(lo + 1)\", soft: \(chance(50)), message: \(text("Sure?"))}"]
            }
        case 4:
            kind = .nps
            lines += ["\(indent)- id: \(id)", "\(indent)  type: nps"]
        case 5:
            kind = .number
            lines += ["\(indent)- id: \(id)", "\(indent)  type: number", "\(indent)  min: 0", "\(indent)  max: \(10 + pick(90))"]
            if chance(50) { lines.append("\(indent)  integer: true") }
            if chance(30) { lines += ["\(indent)  checks:", "\(indent)    - {rule: \"\(id) != 7\", message: \(text("Not seven"))}"] }
        case 6:
            kind = .text
            lines += ["\(indent)- id: \(id)", "\(indent)  type: text"]
            switch pick(3) {
            case 0: lines.append("\(indent)  pattern: '[a-z]{2,4}\\d?'")
            case 1: lines += ["\(indent)  min_length: 2", "\(indent)  max_length: 9"]
            default: break
            }
        case 7:
            kind = .yesNo
            lines += ["\(indent)- id: \(id)", "\(indent)  type: yes_no"]
        case 8:
            kind = .date
            lines += ["\(indent)- id: \(id)", "\(indent)  type: date", "\(indent)  min: \"2024-01-01\"", "\(indent)  max: \"2026-06-30\""]
        case 9:
            kind = .grid
            lines += ["\(indent)- id: \(id)", "\(indent)  type: grid",
                      "\(indent)  rows: [{id: r1, text: \(text("Row one"))}, {id: r2, text: \(text("Row two"))}]"]
            if chance(50) { lines += ["\(indent)  min: 1", "\(indent)  max: 5"] } else { lines.append("\(indent)  options: [g1, g2, g3]") }
        default:
            kind = .note
            lines += ["\(indent)- id: \(id)", "\(indent)  type: note"]
        }
        let piped = inLoop ? "About {item}" : (earlier.last.map { $0.kind != .note && $0.kind != .grid ? "After {\($0.id)}" : "Question" } ?? "Question")
        lines.append("\(indent)  text: \(text("\(piped) \(id)?"))")
        if kind != .note { common(indent) }
        if !inLoop, chance(30), let when = condition() { lines.append("\(indent)  when: \"\(when)\"") }
        if !inLoop { earlier.append((id, kind)) }
    }

    private mutating func loop(over multi: String) {
        lines += ["  - section: \(nextID("loop"))", "    for_each: \(multi)", "    questions:"]
        for _ in 0..<(1 + pick(3)) { item(indent: "      ", inLoop: true) }
    }
}
