/// Computes an expression's value from the answers so far (SPEC section 3).
///
/// Null semantics, which the interview and `touchpoint test` rely on:
/// - `x == null` is true iff `x` is null and `x != null` true iff it is not (the literal `null` on either side);
///   every other comparison with a null operand is false, so `x != 3` is false when `x` was not asked.
/// - Arithmetic with null is null, and so are division by zero and results too large to represent.
/// - `and`, `or` and `not` are two-valued on truthiness: null counts as false, so `not null` is true.
/// - `x in y` is false when `x` is null; it tests the values of a list, a multi answer or keyed answers.
///
/// Evaluation is pure, never traps, and evaluates only the branch of `if` that is taken.
public enum Evaluator {
    /// The value of `expr` with names read from `env`.
    public static func evaluate(_ expr: Expr, in env: some ValueEnvironment) -> Value {
        switch expr {
        case .literal(let literal, _):
            switch literal {
            case .null: return .null
            case .bool(let b): return .bool(b)
            case .number(let n): return .number(n)
            case .text(let s): return .text(s)
            }
        case .name(let name, _):
            return env.value(of: name)
        case .list(let items, _):
            return .list(items.map { evaluate($0, in: env) })
        case .unary(.not, let operand, _):
            return .bool(!evaluate(operand, in: env).isTruthy)
        case .unary(.negate, let operand, _):
            guard case .number(let n) = evaluate(operand, in: env) else { return .null }
            return .number(-n)
        case .binary(.and, let lhs, let rhs, _):
            return .bool(evaluate(lhs, in: env).isTruthy && evaluate(rhs, in: env).isTruthy)
        case .binary(.or, let lhs, let rhs, _):
            return .bool(evaluate(lhs, in: env).isTruthy || evaluate(rhs, in: env).isTruthy)
        case .binary(let op, let lhs, let rhs, _):
            return binary(op, lhs, rhs, env)
        case .call(let name, let args, _):
            return call(name, args, env)
        }
    }

    private static func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ env: some ValueEnvironment) -> Value {
        if op == .equal || op == .notEqual, let tested = nullTest(lhs, rhs) {
            let isNull = evaluate(tested, in: env) == .null
            return .bool(op == .equal ? isNull : !isNull)
        }
        return apply(op, evaluate(lhs, in: env), evaluate(rhs, in: env))
    }

    /// `op` applied to two values with the null rules of SPEC section 3 (`x == null` is tested before, by
    /// `nullTest`); `and` and `or` short-circuit in their callers and give null here.
    static func apply(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        switch op {
        case .equal, .notEqual:
            if a == .null || b == .null { return .bool(false) }
            return .bool(same(a, b) == (op == .equal))
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let order = order(a, b) else { return .bool(false) }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case .in:
            if a == .null { return .bool(false) }
            return .bool(members(of: b).contains { same(a, $0) })
        case .add, .subtract, .multiply, .divide:
            guard case .number(let x) = a, case .number(let y) = b else { return .null }
            let result: Double
            switch op {
            case .add: result = x + y
            case .subtract: result = x - y
            case .multiply: result = x * y
            default:
                if y == 0 { return .null }
                result = x / y
            }
            return result.isFinite ? .number(result) : .null
        case .and, .or:
            return .null   // handled by the callers, which short-circuit
        }
    }

    /// For `x == null` / `null == x`, the side to test; nil when neither side is the literal `null`.
    static func nullTest(_ lhs: Expr, _ rhs: Expr) -> Expr? {
        if case .literal(.null, _) = rhs { return lhs }
        if case .literal(.null, _) = lhs { return rhs }
        return nil
    }

    /// Equality by value: an integer option 3 (stored as text "3" or as the number 3) equals the number 3.
    private static func same(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case let (.number(x), .text(s)), let (.text(s), .number(x)):
            return ExpressionNumber.text(x) == s
        case let (.list(x), .list(y)):
            return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        default:
            return a == b
        }
    }

    /// -1, 0 or 1 for two numbers or two texts (dates 'YYYY-MM-DD' order as text); nil otherwise.
    private static func order(_ a: Value, _ b: Value) -> Int? {
        switch (a, b) {
        case let (.number(x), .number(y)):
            return x < y ? -1 : (x > y ? 1 : 0)
        case let (.text(x), .text(y)):
            let (u, v) = (Array(x.unicodeScalars), Array(y.unicodeScalars))
            return u.lexicographicallyPrecedes(v, by: { $0.value < $1.value }) ? -1 : (u == v ? 0 : 1)
        default:
            return nil
        }
    }

    /// The values a collection holds: a list's items, keyed answers' values; nothing for anything else.
    static func members(of value: Value) -> [Value] {
        switch value {
        case .list(let items): items
        case .keyed(let map): map.keys.sorted().compactMap { map[$0] }
        default: []
        }
    }

    // MARK: - Functions

    private static func call(_ name: String, _ args: [Expr], _ env: some ValueEnvironment) -> Value {
        guard let f = BuiltinFunction(rawValue: name), f.arity.contains(args.count) else { return .null }
        switch f {
        case .answered:
            switch evaluate(args[0], in: env) {
            case .null: return .bool(false)
            case .list(let items): return .bool(!items.isEmpty)
            case .keyed(let map): return .bool(!map.isEmpty)
            default: return .bool(true)
            }
        case .count:
            switch evaluate(args[0], in: env) {
            case .null: return .number(0)
            case .list(let items): return .number(Double(items.count))
            case .keyed(let map): return .number(Double(map.count))
            default: return .number(1)
            }
        case .len:
            switch evaluate(args[0], in: env) {
            case .null: return .number(0)
            case .text(let s): return .number(Double(s.count))
            case .list(let items): return .number(Double(items.count))
            case .keyed(let map): return .number(Double(map.count))
            default: return .null
            }
        case .if:
            return evaluate(args[0], in: env).isTruthy ? evaluate(args[1], in: env) : evaluate(args[2], in: env)
        case .min, .max, .sum, .mean:
            let numbers = args.flatMap { arg -> [Double] in
                let v = evaluate(arg, in: env)
                let values: [Value]
                switch v {
                case .list, .keyed: values = members(of: v)
                default: values = [v]
                }
                return values.compactMap { if case .number(let n) = $0 { n } else { nil } }
            }
            return aggregate(f, numbers)
        }
    }

    /// min, max, sum or mean of the numbers given; nulls were already skipped. The sum of nothing is 0.
    static func aggregate(_ f: BuiltinFunction, _ numbers: [Double]) -> Value {
        let result: Double?
        switch f {
        case .min: result = numbers.min()
        case .max: result = numbers.max()
        case .sum: result = numbers.reduce(0, +)
        default: result = numbers.isEmpty ? nil : numbers.reduce(0, +) / Double(numbers.count)
        }
        guard let result, result.isFinite else { return .null }
        return .number(result)
    }
}
