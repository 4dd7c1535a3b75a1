import TouchpointCore

/// Gathers the journey matrices: for each `for_each` loop, each stage's base and, per question asked at the
/// stage (yes/no, scale or nps), the share of yes or the mean.
struct JourneyCollector: Sendable {
    /// A loop section and what is measured in it.
    struct Loop: Sendable {
        var section: Section
        var loopQuestion: Question
        var measures: [Question]
    }

    let loops: [Loop]
    /// Per loop, per stage (option order): respondents who went through it.
    private var bases: [[Int]]
    /// Per loop, per stage, per measure.
    private var cells: [[[Moments]]]

    init(questionnaire: Questionnaire) {
        var questions: [String: Question] = [:]
        var sections: [Section] = []
        Self.walk(questionnaire.items, questions: &questions, sections: &sections)
        loops = sections.compactMap { section in
            guard let name = section.forEach, let loopQuestion = questions[name] else { return nil }
            var measures: [Question] = []
            Self.measures(in: section.items, into: &measures)
            return measures.isEmpty ? nil : Loop(section: section, loopQuestion: loopQuestion, measures: measures)
        }
        bases = loops.map { Array(repeating: 0, count: $0.loopQuestion.allOptions.count) }
        cells = loops.map { loop in
            Array(repeating: Array(repeating: Moments(), count: loop.measures.count), count: loop.loopQuestion.allOptions.count)
        }
    }

    private static func walk(_ items: [Item], questions: inout [String: Question], sections: inout [Section]) {
        for item in items {
            switch item {
            case .question(let question): questions[question.id] = question
            case .section(let section):
                if section.forEach != nil { sections.append(section) }
                walk(section.items, questions: &questions, sections: &sections)
            case .end, .compute: break
            }
        }
    }

    /// The questions of one loop level that the matrix can show; nested loops are left to their own matrix.
    private static func measures(in items: [Item], into out: inout [Question]) {
        for item in items {
            switch item {
            case .question(let question):
                if question.type == .yesNo || ((question.type == .scale || question.type == .nps) && question.scalePoints != nil) {
                    out.append(question)
                }
            case .section(let section) where section.forEach == nil:
                measures(in: section.items, into: &out)
            default: break
            }
        }
    }

    mutating func add(_ record: CheckedResponse) {
        for (l, loop) in loops.enumerated() {
            let chosen = record.answers[loop.loopQuestion.id]
            for (s, option) in loop.loopQuestion.allOptions.enumerated() {
                let key = option.value.description
                let went: Bool
                switch chosen {
                case .array(let values)?: went = values.contains { $0.stringValue == key || $0.intValue.map(String.init) == key }
                case .string(let value)?: went = value == key
                case .number(let value)?: went = String(Int(value)) == key
                default: went = false
                }
                if went { bases[l][s] += 1 }
                for (m, measure) in loop.measures.enumerated() {
                    guard let leaf = record.answers[measure.id]?[key], let number = RecordValues.number(leaf) else { continue }
                    cells[l][s][m].add(number)
                }
            }
        }
    }

    /// The matrices in the page's language.
    func matrices(language: String, text: ReportText) -> [JourneyMatrix] {
        loops.enumerated().map { l, loop in
            let ids = loop.measures.map(\.id)
            let prefix = Self.commonPrefix(ids)
            let measures = loop.measures.map { question in
                let points = question.scalePoints
                let isShare = question.type == .yesNo
                return JourneyMatrix.Measure(id: question.id, label: text.measureLabel(String(question.id.dropFirst(prefix))),
                                             text: question.text.text(language), isShare: isShare,
                                             low: isShare ? 0 : Double(points?.lowerBound ?? 0),
                                             high: isShare ? 100 : Double(points?.upperBound ?? 1))
            }
            let stages = loop.loopQuestion.allOptions.enumerated().map { s, option in
                JourneyMatrix.Stage(value: option.value.description, label: option.label.text(language), base: bases[l][s],
                                    cells: measures.enumerated().map { m, measure in
                                        measure.isShare ? cells[l][s][m].shareEstimate : cells[l][s][m].meanEstimate
                                    })
            }
            return JourneyMatrix(section: loop.section.id, title: loop.section.title?.text(language) ?? loop.section.id,
                                 measures: measures, stages: stages)
        }
    }

    /// The length of the prefix up to an underscore that all ids share (`stage_` of `stage_success`, `stage_effort`).
    static func commonPrefix(_ ids: [String]) -> Int {
        guard ids.count > 1, let first = ids.first else { return 0 }
        var length = 0
        for (index, character) in first.enumerated() where character == "_" {
            let prefix = first.prefix(index + 1)
            if ids.allSatisfy({ $0.hasPrefix(prefix) && $0.count > prefix.count }) { length = index + 1 } else { break }
        }
        return length
    }
}
