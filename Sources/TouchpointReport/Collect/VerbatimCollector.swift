import TouchpointCore

/// Keeps the most recent open answers of detractors (0-6 on the first NPS score's question), or of everyone
/// when the questionnaire has no NPS score, in memory bounded by `limit`.
struct VerbatimCollector: Sendable {
    /// How many answers the page lists.
    static let limit = 25

    let npsItem: String?
    /// Text questions outside loops, in questionnaire order.
    let questions: [String]
    private var kept: [VerbatimSection.Verbatim] = []
    private(set) var total = 0

    init(questionnaire: Questionnaire) {
        let nps = questionnaire.scores.first { $0.method == .nps }?.item?.name
        npsItem = nps.flatMap { $0.contains(".") ? nil : $0 }
        var questions: [String] = []
        Self.walk(questionnaire.items, into: &questions)
        self.questions = questions
    }

    private static func walk(_ items: [Item], into out: inout [String]) {
        for item in items {
            switch item {
            case .question(let question) where question.type == .text: out.append(question.id)
            case .section(let section) where section.forEach == nil: walk(section.items, into: &out)
            default: break
            }
        }
    }

    mutating func add(_ record: CheckedResponse, group: String?) {
        var rating: Int?
        if let npsItem {
            guard let value = record.answers[npsItem].flatMap(RecordValues.number), value <= 6 else { return }
            rating = Int(value.rounded())
        }
        for question in questions {
            guard case .string(let text)? = record.answers[question], text.contains(where: { !$0.isWhitespace }) else { continue }
            total += 1
            kept.append(.init(text: text, question: question, rating: rating, group: group,
                              completedAt: record.completedAt, responseID: record.responseID))
            if kept.count >= 4 * Self.limit { trim() }
        }
    }

    /// Newest first (by `completed_at`, then response id), cut to `limit`.
    private mutating func trim() {
        kept.sort { lhs, rhs in
            let a = lhs.completedAt ?? "", b = rhs.completedAt ?? ""
            if a != b { return a > b }
            return lhs.responseID != rhs.responseID ? lhs.responseID < rhs.responseID : lhs.question < rhs.question
        }
        if kept.count > Self.limit { kept.removeLast(kept.count - Self.limit) }
    }

    var section: VerbatimSection {
        var copy = self
        copy.trim()
        return VerbatimSection(npsItem: npsItem, shown: copy.kept, total: total)
    }
}
