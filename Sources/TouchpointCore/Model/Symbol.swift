/// What a name in a questionnaire refers to, as seen by expressions, placeholders and scores.
public struct Symbol: Sendable {
    public enum Kind: String, Sendable {
        case question, compute, section, meta
    }

    public var id: String
    public var kind: Kind
    /// The type of the value inside its loop (or everywhere when not in a loop).
    public var type: ValueType
    /// Interview order of the defining item.
    public var order: Int
    public var position: SourcePosition
    /// Ids of the `for_each` sections around it, outermost first.
    public var loops: [String]
    public var question: Question?

    /// The type seen from outside its loops: answers keyed by loop option value.
    public var outerType: ValueType {
        loops.reduce(type) { inner, _ in .keyed(inner) }
    }

    /// The value type of a question's answer (a note has none).
    public static func answerType(of q: Question) -> ValueType? {
        switch q.type {
        case .single: return .choice(q.allOptions.map(\.value))
        case .multi: return .choices(q.allOptions.map(\.value))
        case .scale, .nps, .number: return .number
        case .text: return .text
        case .yesNo: return .boolean
        case .date: return .date
        case .grid: return .keyed(gridCellType(of: q))
        case .note: return nil
        }
    }

    /// The type of one grid cell: a choice among the grid's options, or a number on its scale.
    public static func gridCellType(of q: Question) -> ValueType {
        q.options.isEmpty ? .number : .choice(q.options.map(\.value))
    }
}
