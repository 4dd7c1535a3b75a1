/// One question of a questionnaire, with the keys of its type (SPEC section 2).
///
/// A value type whose keys live in one shared, copy-on-write box: prompts, flow items and rules hold a
/// question by copying it, and a copy costs one reference count instead of one per key.
public struct Question: Sendable, Hashable {
    private var fields: Fields

    /// The keys, in one box; copied only when a shared question is changed.
    private final class Fields: @unchecked Sendable, Hashable {
        var id: String
        var type: QuestionType
        var text: LocalizedText
        var help: LocalizedText?
        var instruction: LocalizedText?
        var when: Condition?
        var required: Bool
        var dontKnow: Bool
        var refuse: Bool
        var checks: [Check]
        var options: [ChoiceOption]
        var shuffle: Bool
        var other: Bool
        var min: Double?
        var max: Double?
        var minDate: String?
        var maxDate: String?
        var integer: Bool
        var unit: LocalizedText?
        var minLength: Int?
        var maxLength: Int?
        var pattern: Pattern?
        var labels: [String: LocalizedText]
        var rows: [GridRow]
        var position: SourcePosition
        var keyPositions: [String: SourcePosition]
        /// `options` with the option that `other: true` adds, made once.
        var allOptionsCache: [ChoiceOption] = []

        init(id: String, type: QuestionType, text: LocalizedText, position: SourcePosition) {
            self.id = id
            self.type = type
            self.text = text
            self.help = nil
            self.instruction = nil
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

        init(copying other: Fields) {
            self.id = other.id
            self.type = other.type
            self.text = other.text
            self.position = other.position
            self.allOptionsCache = other.allOptionsCache
            self.help = other.help
            self.instruction = other.instruction
            self.when = other.when
            self.required = other.required
            self.dontKnow = other.dontKnow
            self.refuse = other.refuse
            self.checks = other.checks
            self.options = other.options
            self.shuffle = other.shuffle
            self.other = other.other
            self.min = other.min
            self.max = other.max
            self.minDate = other.minDate
            self.maxDate = other.maxDate
            self.integer = other.integer
            self.unit = other.unit
            self.minLength = other.minLength
            self.maxLength = other.maxLength
            self.pattern = other.pattern
            self.labels = other.labels
            self.rows = other.rows
            self.keyPositions = other.keyPositions
        }

        static func == (a: Fields, b: Fields) -> Bool {
            a === b || (a.id == b.id && a.type == b.type && a.text == b.text && a.help == b.help && a.instruction == b.instruction && a.when == b.when && a.required == b.required && a.dontKnow == b.dontKnow && a.refuse == b.refuse && a.checks == b.checks && a.options == b.options && a.shuffle == b.shuffle && a.other == b.other && a.min == b.min && a.max == b.max && a.minDate == b.minDate && a.maxDate == b.maxDate && a.integer == b.integer && a.unit == b.unit && a.minLength == b.minLength && a.maxLength == b.maxLength && a.pattern == b.pattern && a.labels == b.labels && a.rows == b.rows && a.position == b.position && a.keyPositions == b.keyPositions)
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(id)
            hasher.combine(type)
            hasher.combine(text)
            hasher.combine(help)
            hasher.combine(instruction)
            hasher.combine(when)
            hasher.combine(required)
            hasher.combine(dontKnow)
            hasher.combine(refuse)
            hasher.combine(checks)
            hasher.combine(options)
            hasher.combine(shuffle)
            hasher.combine(other)
            hasher.combine(min)
            hasher.combine(max)
            hasher.combine(minDate)
            hasher.combine(maxDate)
            hasher.combine(integer)
            hasher.combine(unit)
            hasher.combine(minLength)
            hasher.combine(maxLength)
            hasher.combine(pattern)
            hasher.combine(labels)
            hasher.combine(rows)
            hasher.combine(position)
            hasher.combine(keyPositions)
        }
    }

    private mutating func mutate(_ change: (Fields) -> Void) {
        if !isKnownUniquelyReferenced(&fields) { fields = Fields(copying: fields) }
        change(fields)
        fields.allOptionsCache = Question.withOther(fields.options, other: fields.other, position: fields.position)
    }

    public var id: String {
        get { fields.id }
        set { mutate { $0.id = newValue } }
    }
    public var type: QuestionType {
        get { fields.type }
        set { mutate { $0.type = newValue } }
    }
    public var text: LocalizedText {
        get { fields.text }
        set { mutate { $0.text = newValue } }
    }
    public var help: LocalizedText? {
        get { fields.help }
        set { mutate { $0.help = newValue } }
    }
    /// Shown to the interviewer only, in a style of its own ("SHOW CARD B"); never piped.
    public var instruction: LocalizedText? {
        get { fields.instruction }
        set { mutate { $0.instruction = newValue } }
    }
    public var when: Condition? {
        get { fields.when }
        set { mutate { $0.when = newValue } }
    }
    public var required: Bool {
        get { fields.required }
        set { mutate { $0.required = newValue } }
    }
    public var dontKnow: Bool {
        get { fields.dontKnow }
        set { mutate { $0.dontKnow = newValue } }
    }
    public var refuse: Bool {
        get { fields.refuse }
        set { mutate { $0.refuse = newValue } }
    }
    public var checks: [Check] {
        get { fields.checks }
        set { mutate { $0.checks = newValue } }
    }

    // single / multi
    public var options: [ChoiceOption] {
        get { fields.options }
        set { mutate { $0.options = newValue } }
    }
    public var shuffle: Bool {
        get { fields.shuffle }
        set { mutate { $0.shuffle = newValue } }
    }
    public var other: Bool {
        get { fields.other }
        set { mutate { $0.other = newValue } }
    }

    /// scale: the scale ends; number: the allowed range; multi: fewest and most selections.
    public var min: Double? {
        get { fields.min }
        set { mutate { $0.min = newValue } }
    }
    public var max: Double? {
        get { fields.max }
        set { mutate { $0.max = newValue } }
    }
    /// date: earliest and latest date, `YYYY-MM-DD`.
    public var minDate: String? {
        get { fields.minDate }
        set { mutate { $0.minDate = newValue } }
    }
    public var maxDate: String? {
        get { fields.maxDate }
        set { mutate { $0.maxDate = newValue } }
    }
    /// number: whole numbers only.
    public var integer: Bool {
        get { fields.integer }
        set { mutate { $0.integer = newValue } }
    }
    public var unit: LocalizedText? {
        get { fields.unit }
        set { mutate { $0.unit = newValue } }
    }

    // text
    public var minLength: Int? {
        get { fields.minLength }
        set { mutate { $0.minLength = newValue } }
    }
    public var maxLength: Int? {
        get { fields.maxLength }
        set { mutate { $0.maxLength = newValue } }
    }
    public var pattern: Pattern? {
        get { fields.pattern }
        set { mutate { $0.pattern = newValue } }
    }

    /// scale / nps: labels of points; yes_no: labels `yes` and `no`; keyed by the point as written.
    public var labels: [String: LocalizedText] {
        get { fields.labels }
        set { mutate { $0.labels = newValue } }
    }
    /// grid: the rows, each answered on the grid's scale or options.
    public var rows: [GridRow] {
        get { fields.rows }
        set { mutate { $0.rows = newValue } }
    }

    /// Where the question's mapping starts.
    public var position: SourcePosition {
        get { fields.position }
        set { mutate { $0.position = newValue } }
    }
    /// Where each key of the question was written, for pointing diagnostics at it.
    public var keyPositions: [String: SourcePosition] {
        get { fields.keyPositions }
        set { mutate { $0.keyPositions = newValue } }
    }


    public init(id: String, type: QuestionType, text: LocalizedText, at position: SourcePosition = .start) {
        fields = Fields(id: id, type: type, text: text, position: position)
    }

    public static func == (a: Question, b: Question) -> Bool { a.fields == b.fields }

    public func hash(into hasher: inout Hasher) { fields.hash(into: &hasher) }

    /// The position of a key if it was written, else of the question.
    public func position(of key: String) -> SourcePosition { keyPositions[key] ?? position }

    /// The options shown, including the `other` option when `other: true`.
    public var allOptions: [ChoiceOption] { fields.allOptionsCache }

    /// The option of `allOptions` whose value is `value`, if any (a loop's rounds are the options chosen).
    func option(matching value: Value) -> ChoiceOption? {
        allOptions.first { Value.of($0.value) == value }
    }

    static func withOther(_ options: [ChoiceOption], other: Bool, position: SourcePosition) -> [ChoiceOption] {
        guard other, !options.contains(where: { $0.value == ChoiceOption.otherValue }) else { return options }
        return options + [ChoiceOption(value: ChoiceOption.otherValue,
                                       label: LocalizedText(["": EngineText.text(.other, ""), "en": EngineText.text(.other, "en"),
                                                            "zh": EngineText.text(.other, "zh")]),
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
