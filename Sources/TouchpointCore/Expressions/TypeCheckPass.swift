/// One run of the checker over one expression, collecting diagnostics.
struct TypeCheckPass<Scope: ExpressionScope> {
    let scope: Scope
    private(set) var diagnostics: [Diagnostic] = []

    init(scope: Scope) {
        self.scope = scope
    }

    // MARK: - Nodes

    mutating func type(of expr: Expr) -> ValueType {
        switch expr {
        case .literal(let literal, _):
            switch literal {
            case .null: return .null
            case .bool: return .boolean
            case .number: return .number
            case .text: return .text
            }
        case .name(let name, let position):
            return resolve(name, at: position)
        case .list(let items, _):
            return listType(items)
        case .unary(.not, let operand, _):
            requireCondition(operand, type(of: operand))
            return .boolean
        case .unary(.negate, let operand, _):
            requireNumber(operand, type(of: operand), for: "`-`")
            return .number
        case .binary(let op, let lhs, let rhs, let position):
            return binary(op, lhs, rhs, at: position)
        case .call(let name, let args, let position):
            return call(name, args, at: position)
        }
    }

    private mutating func resolve(_ name: QualifiedName, at position: SourcePosition) -> ValueType {
        switch scope.resolve(name) {
        case .value(let type):
            return type
        case .notYetAsked(let id, let definedAt):
            error(.usedBeforeAsked, at: position,
                  "`\(name)` is asked later (line \(definedAt.line)); a condition can only use answers given before it",
                  hint: "move `\(id)` before this item, or move this condition after `\(id)`")
            return .unknown
        case .undefined(let suggestion):
            error(.undefinedName, at: position,
                  "`\(name)` is not a question, compute or meta key defined in this questionnaire",
                  hint: suggestion.map { "did you mean `\($0)`?" } ?? undefinedHint(name))
            return .unknown
        }
    }

    /// Why a name that resolves to nothing might have been written, when the scope has no close match.
    private func undefinedHint(_ name: QualifiedName) -> String? {
        guard name.parts.count == 1 else { return nil }
        let word = name.parts[0]
        if let f = BuiltinFunction(rawValue: word) { return "`\(word)` is a function: call it, e.g. `\(f.example)`" }
        switch word.lowercased() {
        case "true", "false", "null": return "write `\(word.lowercased())` in lowercase"
        case "none", "nil", "undefined": return "write `null`"
        case "yes": return "write `true`, or put text in quotes: 'yes'"
        case "no": return "write `false`, or put text in quotes: 'no'"
        case "meta": return "name a meta key as `meta.key`"
        case "item": return "`item` is only defined inside a `for_each` section"
        default: return "put text in quotes to compare with it, e.g. '\(word)'"
        }
    }

    private mutating func listType(_ items: [Expr]) -> ValueType {
        var element = ValueType.null
        var first: Expr?
        for item in items {
            let t = type(of: item)
            if let merged = TypeChecker.unify(element, t) {
                element = merged
                if first == nil, !t.isOpen { first = item }
            } else if let first {
                error(.exprType, at: item.startPosition,
                      "a list holds values of one type, but `\(quote(first))` is \(element.phrase) and `\(quote(item))` is \(t.phrase)",
                      hint: "make every value of the list the same type")
            }
        }
        return .list(items.isEmpty ? .unknown : element)
    }

    private mutating func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, at position: SourcePosition) -> ValueType {
        switch op {
        case .and, .or:
            let lt = type(of: lhs), rt = type(of: rhs)
            requireCondition(lhs, lt)
            requireCondition(rhs, rt)
            return .boolean
        case .equal, .notEqual:
            let lt = type(of: lhs), rt = type(of: rhs)
            checkEquality(lhs, lt, rhs, rt, op.symbol, at: position)
            return .boolean
        case .less, .lessEqual, .greater, .greaterEqual:
            let lt = type(of: lhs), rt = type(of: rhs)
            checkOrdering(lhs, lt, rhs, rt, op.symbol, at: position)
            return .boolean
        case .in:
            checkMembership(lhs, rhs, at: position)
            return .boolean
        case .add, .subtract, .multiply, .divide:
            let lt = type(of: lhs), rt = type(of: rhs)
            requireNumber(lhs, lt, for: "`\(op.symbol)`")
            requireNumber(rhs, rt, for: "`\(op.symbol)`")
            return .number
        }
    }

    // MARK: - Comparisons

    /// `==` and `!=` (and each value of `in`): both sides must be comparable; literals against a choice must be options.
    private mutating func checkEquality(_ lhs: Expr, _ lt: ValueType, _ rhs: Expr, _ rt: ValueType,
                                        _ symbol: String, at position: SourcePosition) {
        if lt.isOpen || rt.isOpen { return }
        for (side, t, other) in [(lhs, lt, rhs), (rhs, rt, lhs)] {
            switch t {
            case .choices(let options):
                error(.exprType, at: position, "`\(quote(side))` is \(t.phrase); `\(symbol)` cannot compare it with one value",
                      hint: "to test one option write `\(sampleOption(other, options)) in \(quote(side))`")
                return
            case .keyed:
                error(.exprType, at: position, "`\(quote(side))` holds \(t.phrase); `\(symbol)` cannot compare it with one value",
                      hint: "compare one summary of it, e.g. `min(\(quote(side)))`, or test a value with `3 in \(quote(side))`")
                return
            case .list:
                error(.exprType, at: position, "`\(symbol)` cannot compare a list with a value",
                      hint: "to test membership write `\(quote(other)) in \(quote(side))`")
                return
            default:
                break
            }
        }
        switch (lt, rt) {
        case (.choice, .choice), (.date, .date):
            return
        case (.choice(let options), _):
            checkAgainstChoice(lhs, options, rhs, rt, symbol, at: position)
        case (_, .choice(let options)):
            checkAgainstChoice(rhs, options, lhs, lt, symbol, at: position)
        case (.date, .text):
            requireDateLiteral(rhs, comparedWith: lhs, at: position)
        case (.text, .date):
            requireDateLiteral(lhs, comparedWith: rhs, at: position)
        default:
            if lt != rt { mismatch(lhs, lt, rhs, rt, symbol, at: position) }
        }
    }

    private mutating func checkAgainstChoice(_ choice: Expr, _ options: [OptionValue], _ other: Expr, _ otherType: ValueType,
                                             _ symbol: String, at position: SourcePosition) {
        // An empty option list means the options are not known here (e.g. `item` of an unresolved loop).
        guard !options.isEmpty else { return }
        let name = quote(choice)
        let listed = "(options: \(ValueType.optionList(options)))"
        switch other {
        case .literal(.text(let s), let p):
            if options.contains(.text(s)) { return }
            if let i = Int(s), options.contains(.integer(i)) {
                error(.notAnOption, at: p, "'\(s)' is not an option of `\(name)`: its options are numbers \(listed)",
                      hint: "write \(i) without quotes")
                return
            }
            let close = ExpressionEditDistance.closest(to: s, in: options.map(\.description))
            error(.notAnOption, at: p, "'\(s)' is not an option of `\(name)` \(listed)",
                  hint: close.map { "did you mean \(TypeChecker.literal(for: $0, in: options))?" } ?? "use one of the option values")
        case .literal(.number(let n), let p):
            if let i = ExpressionNumber.exactInteger(n), options.contains(.integer(i)) { return }
            let written = ExpressionNumber.text(n)
            if options.contains(.text(written)) {
                error(.notAnOption, at: p, "\(written) is not an option of `\(name)`: its options are text \(listed)",
                      hint: "write '\(written)' in quotes")
                return
            }
            let close = ExpressionEditDistance.closest(to: written, in: options.map(\.description))
            error(.notAnOption, at: p, "\(written) is not an option of `\(name)` \(listed)",
                  hint: close.map { "did you mean \(TypeChecker.literal(for: $0, in: options))?" } ?? "use one of the option values")
        case .literal(.bool, let p):
            error(.exprType, at: p, "`\(name)` is \(ValueType.choice(options).phrase); it is never true or false",
                  hint: "compare it with an option, e.g. `\(name) \(symbol) \(TypeChecker.literal(options[0]))`")
        default:
            let fits: Bool
            switch otherType {
            case .number: fits = options.contains(where: ValueType.isIntegerOption)
            case .text: fits = options.contains(where: { !ValueType.isIntegerOption($0) })
            default: fits = false
            }
            if !fits { mismatch(choice, .choice(options), other, otherType, symbol, at: position) }
        }
    }

    private mutating func requireDateLiteral(_ text: Expr, comparedWith date: Expr, at position: SourcePosition) {
        guard case .literal(.text(let s), let p) = text else {
            error(.exprType, at: position, "`\(quote(date))` is a date and `\(quote(text))` is text",
                  hint: "compare a date with another date or with a literal 'YYYY-MM-DD'")
            return
        }
        if !TypeChecker.isDate(s) {
            error(.exprType, at: p, "'\(s)' is not a date; `\(quote(date))` is a date",
                  hint: "write dates as 'YYYY-MM-DD', e.g. '2026-01-31'")
        }
    }

    /// `< <= > >=`: numbers (or choices with whole-number options) and dates.
    private mutating func checkOrdering(_ lhs: Expr, _ lt: ValueType, _ rhs: Expr, _ rt: ValueType,
                                        _ symbol: String, at position: SourcePosition) {
        if lt.isOpen || rt.isOpen { return }
        if lt.isNumeric && rt.isNumeric { return }
        switch (lt, rt) {
        case (.date, .date): return
        case (.date, .text): requireDateLiteral(rhs, comparedWith: lhs, at: position); return
        case (.text, .date): requireDateLiteral(lhs, comparedWith: rhs, at: position); return
        default: break
        }
        for (side, t) in [(lhs, lt), (rhs, rt)] where !(t.isNumeric || t == .date) {
            let name = quote(side)
            switch t {
            case .choice(let options):
                error(.exprType, at: position, "`\(name)` is \(t.phrase); its options have no order, so `\(symbol)` cannot compare it",
                      hint: "test options with `==` or `in`, e.g. `\(name) in [\(options.prefix(2).map(TypeChecker.literal).joined(separator: ", "))]`")
            case .choices, .keyed, .list:
                error(.exprType, at: position, "`\(name)` is \(t.phrase); `\(symbol)` compares one number or date",
                      hint: "compare a count or a summary, e.g. `count(\(name)) \(symbol) 2`")
            case .text:
                error(.exprType, at: position, "`\(name)` is text, which has no order for `\(symbol)`",
                      hint: TypeChecker.isLiteral(side) ? "to compare numbers write them without quotes" : "to limit its length use `len(\(name)) \(symbol) 10`")
            default:
                error(.exprType, at: position, "`\(name)` is \(t.phrase), which has no order for `\(symbol)`",
                      hint: "`\(symbol)` compares numbers or dates; use `==` for \(t.phrase)")
            }
            return
        }
        mismatch(lhs, lt, rhs, rt, symbol, at: position)
    }

    /// `x in y`: one value on the left; a list, a multi answer or keyed answers on the right.
    private mutating func checkMembership(_ lhs: Expr, _ rhs: Expr, at position: SourcePosition) {
        let lt = type(of: lhs)
        switch lt {
        case .choices(let options):
            error(.exprType, at: lhs.startPosition, "the left side of `in` must be one value, but `\(quote(lhs))` is \(lt.phrase)",
                  hint: "test one option at a time, e.g. `\(sampleOption(nil, options)) in \(quote(lhs))`")
        case .keyed, .list:
            error(.exprType, at: lhs.startPosition, "the left side of `in` must be one value, but `\(quote(lhs))` is \(lt.phrase)",
                  hint: "write one value, e.g. `3 in \(quote(rhs))`")
        default:
            break
        }
        if case .list(let items, _) = rhs {
            // Each value is checked against the left side, so `segment in ['new', 'vip']` points at 'vip'.
            for item in items {
                let t = type(of: item)
                if !lt.isCollection { checkEquality(lhs, lt, item, t, "in", at: item.startPosition) }
            }
            return
        }
        let rt = type(of: rhs)
        if lt.isCollection { return }
        switch rt {
        case .null, .unknown:
            return
        case .list(let element), .keyed(let element):
            checkEquality(lhs, lt, rhs, element, "in", at: position)
        case .choices(let options):
            checkEquality(lhs, lt, rhs, .choice(options), "in", at: position)
        case .choice:
            error(.exprType, at: position, "`\(quote(rhs))` is one answer, not a list; `in` needs a list or a multi question on its right",
                  hint: "write `\(quote(rhs)) == \(quote(lhs))`")
        case .text:
            error(.exprType, at: position, "`\(quote(rhs))` is text; `in` needs a list or a multi question on its right",
                  hint: "compare whole text with `==`, or list the values: `\(quote(lhs)) in ['a', 'b']`")
        default:
            error(.exprType, at: position, "`\(quote(rhs))` is \(rt.phrase); `in` needs a list or a multi question on its right",
                  hint: "list the values, e.g. `\(quote(lhs)) in [1, 2]`")
        }
    }

    private mutating func mismatch(_ lhs: Expr, _ lt: ValueType, _ rhs: Expr, _ rt: ValueType,
                                   _ symbol: String, at position: SourcePosition) {
        var hint = "compare values of the same type"
        switch (lhs, rhs) {
        case (.literal(.text(let s), _), _) where Double(s) != nil && rt.isNumeric,
             (_, .literal(.text(let s), _)) where Double(s) != nil && lt.isNumeric:
            hint = "write \(s) without quotes to compare numbers"
        case (.literal(.number(let n), _), _) where rt == .text, (_, .literal(.number(let n), _)) where lt == .text:
            hint = "write '\(ExpressionNumber.text(n))' in quotes to compare text"
        case (.literal(.text(let s), _), _) where lt == .boolean || rt == .boolean,
             (_, .literal(.text(let s), _)) where lt == .boolean || rt == .boolean:
            hint = ["yes", "true", "y"].contains(s.lowercased()) ? "write `true` without quotes" : "write `true` or `false` without quotes"
        default:
            break
        }
        error(.exprType, at: position,
              "`\(symbol)` cannot compare `\(quote(lhs))` (\(lt.phrase)) with `\(quote(rhs))` (\(rt.phrase))", hint: hint)
    }

    // MARK: - Operands

    /// An operand of `and`, `or`, `not` or `if` must be true or false.
    private mutating func requireCondition(_ expr: Expr, _ type: ValueType) {
        guard !type.acceptsCondition else { return }
        let (_, example) = conditionExample(expr, type)
        error(.exprType, at: expr.startPosition,
              "`\(quote(expr))` is \(type.phrase); a condition needs true or false, e.g. `\(example)`")
    }

    private mutating func requireNumber(_ expr: Expr, _ type: ValueType, for user: String) {
        guard !type.acceptsNumber else { return }
        let hint: String?
        switch type {
        case .boolean: hint = "to count yes as 1 write `if(\(quote(expr)), 1, 0)`"
        case .choices, .keyed, .list: hint = "use `count(\(quote(expr)))` or `sum(\(quote(expr)))`"
        case .text where TypeChecker.isLiteral(expr): hint = "write numbers without quotes"
        case .text: hint = "for the length of text use `len(\(quote(expr)))`"
        default: hint = nil
        }
        error(.exprType, at: expr.startPosition, "`\(quote(expr))` is \(type.phrase); \(user) needs numbers", hint: hint)
    }

    /// What to do with a value that is not a condition, and an example: ("compare it", "recommend >= 9").
    private func conditionExample(_ expr: Expr, _ type: ValueType) -> (String, String) {
        let name = quote(expr)
        let isName = if case .name = expr { true } else { false }
        switch type {
        case .number: return ("compare it", "\(name) >= 9")
        case .choice(let options): return ("compare it", "\(name) == \(options.first.map(TypeChecker.literal) ?? "'value'")")
        case .choices(let options): return ("test an option", "\(sampleOption(nil, options)) in \(name)")
        case .list, .keyed: return ("count it", "count(\(name)) > 0")
        case .date: return ("compare it", "\(name) >= '2026-01-01'")
        default: return isName ? ("test whether it was answered", "answered(\(name))") : ("compare it", "\(name) != ''")
        }
    }

    // MARK: - Calls

    private mutating func call(_ name: String, _ args: [Expr], at position: SourcePosition) -> ValueType {
        guard let f = BuiltinFunction(rawValue: name) else {
            error(.unknownFunction, at: position, "`\(name)` is not a function; the functions are \(BuiltinFunction.list)",
                  hint: BuiltinFunction.closest(to: name).map { "did you mean `\($0.rawValue)`?" })
            for arg in args { _ = type(of: arg) }
            return .unknown
        }
        guard f.arity.contains(args.count) else {
            let given = args.isEmpty ? "none" : "\(args.count)"
            error(.exprType, at: position, "`\(name)` takes \(f.argumentsInWords), but was given \(given)",
                  hint: "for example `\(f.example)`")
            for arg in args { _ = type(of: arg) }
            switch f {
            case .answered: return .boolean
            case .if: return .unknown
            default: return .number
            }
        }
        switch f {
        case .answered:
            if case .name = args[0] {
                _ = type(of: args[0])
            } else {
                _ = type(of: args[0])
                error(.exprType, at: args[0].startPosition, "`answered` takes the name of a question, not `\(quote(args[0]))`",
                      hint: "for example `\(f.example)`")
            }
            return .boolean
        case .count:
            let t = type(of: args[0])
            switch t {
            case .choices, .keyed, .list, .null, .unknown: break
            case .choice:
                error(.exprType, at: args[0].startPosition,
                      "`\(quote(args[0]))` is a single answer; `count` counts the selections of a multi question, loop answers or a list",
                      hint: "to test whether it was answered write `answered(\(quote(args[0])))`")
            case .text:
                error(.exprType, at: args[0].startPosition, "`count` counts selections, but `\(quote(args[0]))` is text",
                      hint: "for the length of text use `len(\(quote(args[0])))`")
            default:
                error(.exprType, at: args[0].startPosition,
                      "`count` counts the selections of a multi question, loop answers or a list, but `\(quote(args[0]))` is \(t.phrase)",
                      hint: "for example `\(f.example)`")
            }
            return .number
        case .len:
            let t = type(of: args[0])
            switch t {
            case .text, .choices, .list, .null, .unknown: break
            case .keyed:
                error(.exprType, at: args[0].startPosition, "`len` measures text or a list, but `\(quote(args[0]))` is \(t.phrase)",
                      hint: "to count its answers write `count(\(quote(args[0])))`")
            default:
                error(.exprType, at: args[0].startPosition, "`len` measures text or a list, but `\(quote(args[0]))` is \(t.phrase)",
                      hint: "for example `\(f.example)`")
            }
            return .number
        case .if:
            requireCondition(args[0], type(of: args[0]))
            let a = type(of: args[1]), b = type(of: args[2])
            if let merged = TypeChecker.unify(a, b) { return merged }
            error(.exprType, at: position,
                  "the two results of `if` differ: `\(quote(args[1]))` is \(a.phrase) and `\(quote(args[2]))` is \(b.phrase)",
                  hint: "give both results the same type")
            return .unknown
        case .min, .max, .sum, .mean:
            if args.count == 1 {
                let t = type(of: args[0])
                switch t {
                case .keyed(let element), .list(let element):
                    if !element.acceptsNumber {
                        error(.exprType, at: args[0].startPosition, "`\(quote(args[0]))` is \(t.phrase); `\(name)` needs numbers")
                    }
                case .choices(let options):
                    if !options.isEmpty && !options.allSatisfy(ValueType.isIntegerOption) {
                        error(.exprType, at: args[0].startPosition, "`\(quote(args[0]))` has text options; `\(name)` needs numbers",
                              hint: "to count its selections use `count(\(quote(args[0])))`")
                    }
                default:
                    requireNumber(args[0], t, for: "`\(name)`")
                }
                return .number
            }
            for arg in args { requireNumber(arg, type(of: arg), for: "`\(name)`") }
            return .number
        }
    }

    // MARK: - Expected type

    mutating func expect(_ expected: ValueType, _ type: ValueType, _ expr: Expr) {
        if type.isOpen || expected == .unknown || type == expected { return }
        if expected == .boolean {
            let (action, example) = conditionExample(expr, type)
            error(.exprType, at: expr.startPosition,
                  "a condition must be true or false; `\(quote(expr))` is \(type.phrase): \(action), e.g. `\(example)`")
            return
        }
        if expected == .number, type.isNumeric { return }
        if TypeChecker.unify(expected, type) == nil {
            error(.exprType, at: expr.startPosition, "expected \(expected.phrase), but `\(quote(expr))` is \(type.phrase)")
        }
    }

    // MARK: - Helpers

    /// A literal option for a "write `'x' in used`" hint: the one the author wrote, else the first option.
    private func sampleOption(_ other: Expr?, _ options: [OptionValue]) -> String {
        if let other, case .literal(let l, _) = other, l != .null { return quote(other) }
        return options.first.map(TypeChecker.literal) ?? "'value'"
    }


    /// An expression for a message: its canonical source, shortened when long.
    private func quote(_ expr: Expr) -> String {
        let text = expr.sourceText
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }

    private mutating func error(_ code: DiagnosticCode, at position: SourcePosition, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(code, at: position, message, hint: hint))
    }
}
