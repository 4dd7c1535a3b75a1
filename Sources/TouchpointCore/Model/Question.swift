/// One question of a questionnaire, with the keys of its type (SPEC section 2).
public struct Question: Sendable, Hashable {
    public var id: String
    public var type: QuestionType
    public var text: LocalizedText
    public var help: LocalizedText?
    public var when: Condition?
    public var required: Bool
    public var dontKnow: Bool
    public var refuse: Bool
    public var checks: [Check]

    // single / multi
    public var options: [ChoiceOption]
    public var shuffle: Bool
    public var other: Bool

    /// scale: the scale ends; number: the allowed range; multi: fewest and most selections.
    public var min: Double?
    public var max: Double?
    /// date: earliest and latest date, `YYYY-MM-DD`.
    public var minDate: String?
    public var maxDate: String?
    /// number: whole numbers only.
    public var integer: Bool
    public var unit: LocalizedText?

    // text
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: Pattern?

    /// scale / nps: labels of points; yes_no: labels `yes` and `no`; keyed by the point as written.
    public var labels: [String: LocalizedText]
    /// grid: the rows, each answered on the grid's scale or options.
    public var rows: [GridRow]

    /// Where the question's mapping starts.
    public var position: SourcePosition
    /// Where each key of the question was written, for pointing diagnostics at it.
    public var keyPositions: [String: SourcePosition]

    public init(id: String, type: QuestionType, text: LocalizedText, at position: SourcePosition = .start) {
        self.id = id
        self.type = type
        self.text = text
        self.help = nil
        self.when = nil
        self.required = true
        self.dontKnow = false
        self.refuse = false
        self.checks = []
        self.options = []
        self.shuffle = false
        self.other = false
        self.min = nil
        self.max = nil
        self.minDate = nil
        self.maxDate = nil
        self.integer = false
        self.unit = nil
        self.minLength = nil
        self.maxLength = nil
        self.pattern = nil
        self.labels = [:]
        self.rows = []
        self.position = position
        self.keyPositions = [:]
    }

    /// The position of a key if it was written, else of the question.
    public func position(of key: String) -> SourcePosition { keyPositions[key] ?? position }

    /// The options shown, including the `other` option when `other: true`.
    public var allOptions: [ChoiceOption] {
        guard other, !options.contains(where: { $0.value == ChoiceOption.otherValue }) else { return options }
        return options + [ChoiceOption(value: ChoiceOption.otherValue,
                                       label: LocalizedText(["": "Other", "en": "Other", "zh": "其他"]),
                                       fixed: true, at: position)]
    }

    /// Integer points of a scale, nps or scale grid (`min...max`), or nil for other types.
    ///
    /// The ends are clamped to ±10^15 (validation refuses scales of more than 101 points anyway), so the
    /// range converts without trapping and its `count` fits an `Int` whatever the file says.
    public var scalePoints: ClosedRange<Int>? {
        switch type {
        case .nps: return 0...10
        case .scale, .grid:
            guard let lo = min, let hi = max, lo <= hi, options.isEmpty else { return nil }
            let bound = 1e15
            return Saturating.int(Swift.min(Swift.max(lo, -bound), bound))...Saturating.int(Swift.min(Swift.max(hi, -bound), bound))
        default: return nil
        }
    }

    /// Whether a grid is answered by choosing among options rather than on a scale.
    public var gridUsesOptions: Bool { type == .grid && !options.isEmpty }
}

/// One row of a grid question.
public struct GridRow: Sendable, Hashable {
    public var id: String
    public var text: LocalizedText
    public var position: SourcePosition

    public init(id: String, text: LocalizedText, at position: SourcePosition) {
        self.id = id
        self.text = text
        self.position = position
    }
}
