/// The functions an expression may call (SPEC section 3).
public enum BuiltinFunction: String, CaseIterable, Sendable {
    case answered, count, len
    case `if`
    case min, max, sum, mean

    /// How many arguments the function takes.
    public var arity: ClosedRange<Int> {
        switch self {
        case .answered, .count, .len: 1...1
        case .if: 3...3
        case .min, .max, .sum, .mean: 1...Int.max
        }
    }

    /// A call people can copy, shown when a call is wrong.
    public var example: String {
        switch self {
        case .answered: "answered(reason)"
        case .count: "count(used) >= 2"
        case .len: "len(reason) <= 500"
        case .if: "if(solved, ease, 0)"
        case .min: "min(ease, effort)"
        case .max: "max(ease, effort)"
        case .sum: "sum(q1, q2, q3)"
        case .mean: "mean(q1, q2, q3)"
        }
    }

    /// The arguments in words, for arity messages ("1 value", "3 values: ...").
    var argumentsInWords: String {
        switch self {
        case .answered: "1 value, the name of a question"
        case .count, .len: "1 value"
        case .if: "3 values: a condition, the value when it holds, the value when it does not"
        case .min, .max, .sum, .mean: "one or more numbers, or one list of numbers"
        }
    }

    /// Every function name, for messages: "answered, count, len, if, min, max, sum, mean".
    public static var list: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The function whose name is closest to `name` (a typo or wrong case), if one is close enough.
    public static func closest(to name: String) -> BuiltinFunction? {
        let lower = name.lowercased()
        if let exact = BuiltinFunction(rawValue: lower) { return exact }
        let aliases: [String: BuiltinFunction] = ["length": .len, "avg": .mean, "average": .mean, "total": .sum,
                                                  "iif": .if, "ifelse": .if, "isanswered": .answered]
        if let alias = aliases[lower] { return alias }
        return ExpressionEditDistance.closest(to: lower, in: allCases.map(\.rawValue)).flatMap(BuiltinFunction.init(rawValue:))
    }
}
