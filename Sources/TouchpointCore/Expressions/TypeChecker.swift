/// Checks an expression's types against the questions it names (SPEC section 3), before any interview.
///
/// Every message names the thing by its id or source and says how to fix it. `.unknown` (where the
/// validator cannot know a type) and `null` never cause an error, so one mistake is reported once.
public enum TypeChecker {
    /// The type of `expr` in `scope`, with the problems found; `expecting: .boolean` for conditions.
    public static func check(_ expr: Expr, in scope: some ExpressionScope, expecting: ValueType?) -> (ValueType, [Diagnostic]) {
        var checker = TypeCheckPass(scope: scope)
        let type = checker.type(of: expr)
        if let expecting { checker.expect(expecting, type, expr) }
        return (type, checker.diagnostics)
    }

    /// The type that holds values of both types (for `if` results and list values), or nil when none does.
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
        if a == b { return a }
        if a == .unknown || b == .unknown { return .unknown }
        if a == .null { return b }
        if b == .null { return a }
        if a.isNumeric && b.isNumeric { return .number }
        switch (a, b) {
        case let (.choice(x), .choice(y)): return .choice(x + y.filter { !x.contains($0) })
        case let (.choices(x), .choices(y)): return .choices(x + y.filter { !x.contains($0) })
        case let (.choice(x), .text) where x.isEmpty || x.contains(where: { !ValueType.isIntegerOption($0) }): return .text
        case let (.text, .choice(x)) where x.isEmpty || x.contains(where: { !ValueType.isIntegerOption($0) }): return .text
        case let (.list(x), .list(y)): return unify(x, y).map { .list($0) }
        case let (.keyed(x), .keyed(y)): return unify(x, y).map { .keyed($0) }
        default: return nil
        }
    }

    /// An option as a literal to write in an expression: `'new'` or `3`.
    static func literal(_ option: OptionValue) -> String {
        switch option {
        case .text(let s): Expr.literal(.text(s), .start).sourceText
        case .integer(let i): String(i)
        }
    }

    static func isLiteral(_ expr: Expr) -> Bool {
        if case .literal = expr { return true }
        return false
    }

    static func literal(for description: String, in options: [OptionValue]) -> String {
        options.first { $0.description == description }.map(literal) ?? description
    }

    /// Whether `s` is a real calendar date written 'YYYY-MM-DD'.
    static func isDate(_ s: String) -> Bool {
        let parts = s.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }
}
