/// The static type of an expression's value, derived from question types (SPEC section 3).
public indirect enum ValueType: Hashable, Sendable {
    case boolean, number, text, date, null, unknown
    /// A single-choice answer; the option values.
    case choice([OptionValue])
    /// A multi-choice answer (a list of option values); the option values.
    case choices([OptionValue])
    /// A list literal, with its element type.
    case list(ValueType)
    /// Loop answers keyed by option value, grid answers keyed by row id; the element type.
    case keyed(ValueType)

    /// The type in words, for messages: "a number", "a choice among new, regular, high_value".
    public var phrase: String {
        switch self {
        case .boolean: "true or false"
        case .number: "a number"
        case .text: "text"
        case .date: "a date"
        case .null: "null"
        case .unknown: "a value of unknown type"
        case .choice(let options): options.isEmpty ? "a choice" : "a choice among \(Self.optionList(options))"
        case .choices: "a multi-choice answer (a list of selected options)"
        case .list(let element): element == .unknown ? "a list" : "a list of \(element.plural)"
        case .keyed(let element): "answers keyed by loop option or grid row (each \(element.phrase))"
        }
    }

    private var plural: String {
        switch self {
        case .boolean: "true/false values"
        case .number: "numbers"
        case .text: "texts"
        case .date: "dates"
        case .null: "nulls"
        case .choice, .choices, .list, .keyed, .unknown: "values"
        }
    }

    /// Option values for messages, at most ten of them: "new, regular, high_value".
    static func optionList(_ options: [OptionValue]) -> String {
        let shown = options.prefix(10).map(\.description).joined(separator: ", ")
        return options.count > 10 ? shown + ", ..." : shown
    }

    /// Null or unknown: compatible with anything, never the cause of an error.
    var isOpen: Bool { self == .null || self == .unknown }

    /// A number, or a choice whose options are all integers (a rating asked as a single question).
    ///
    /// A choice with no options listed is one whose options are not known here, so it may be numeric.
    var isNumeric: Bool {
        switch self {
        case .number: true
        case .choice(let options): options.allSatisfy(Self.isIntegerOption)
        default: false
        }
    }

    /// Numeric, null or unknown.
    var acceptsNumber: Bool { isNumeric || isOpen }

    /// Boolean, null or unknown.
    var acceptsCondition: Bool { self == .boolean || isOpen }

    /// Whether an option value is a whole number (`3`) rather than text (`'new'`).
    static func isIntegerOption(_ option: OptionValue) -> Bool {
        if case .integer = option { return true }
        return false
    }

    /// A multi answer, keyed answers or a list: several values, not one.
    var isCollection: Bool {
        switch self {
        case .choices, .keyed, .list: true
        default: false
        }
    }
}
