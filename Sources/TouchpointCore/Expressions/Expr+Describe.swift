extension Expr {
    /// The condition in plain English for the interview script (`touchpoint show`).
    ///
    /// `recommend <= 6` reads "recommend is 6 or less", `'none' in used` "used includes None of these";
    /// `labels` gives an option's label for a name (nil: the value itself is shown). Conditions are joined
    /// with "and" / "or", parenthesised where they mix; anything else is shown as its source in backticks.
    public func describe(labels: (QualifiedName, OptionValue) -> String?) -> String {
        switch self {
        case .binary(let op, let lhs, let rhs, _) where op == .and || op == .or:
            let other: BinaryOperator = op == .and ? .or : .and
            let parts = [lhs, rhs].map { side -> String in
                let text = side.describe(labels: labels)
                if case .binary(other, _, _, _) = side { return "(" + text + ")" }
                return text
            }
            return parts.joined(separator: " \(op.symbol) ")
        default:
            return phrase(negated: false, labels) ?? "`\(sourceText)`"
        }
    }

    /// A simple condition as a sentence, negated when `negated`; nil when it is not one of the simple forms.
    private func phrase(negated: Bool, _ labels: (QualifiedName, OptionValue) -> String?) -> String? {
        switch self {
        case .name(let name, _):
            return "\(name) is \(negated ? "no" : "yes")"
        case .unary(.not, let inner, _):
            return inner.phrase(negated: !negated, labels)
        case .call("answered", let args, _):
            guard args.count == 1, case .name(let name, _) = args[0] else { return nil }
            return "\(name) was \(negated ? "not " : "")answered"
        case .binary(.in, .literal(let value, _), .name(let name, _), _):
            guard let shown = Self.show(value, of: name, labels) else { return nil }
            return "\(name) \(negated ? "does not include" : "includes") \(shown)"
        case .binary(.in, .name(let name, _), .list(let items, _), _):
            let values = items.compactMap { item -> String? in
                guard case .literal(let value, _) = item else { return nil }
                return Self.show(value, of: name, labels)
            }
            guard values.count == items.count, let last = values.last else { return nil }
            if values.count == 1 { return "\(name) is \(negated ? "not " : "")\(last)" }
            if !negated { return "\(name) is \(values.dropLast().joined(separator: ", ")) or \(last)" }
            if values.count == 2 { return "\(name) is neither \(values[0]) nor \(values[1])" }
            return "\(name) is none of \(values.joined(separator: ", "))"
        case .binary(let op, .name(let name, _), .literal(let value, _), _):
            return Self.comparison(op, name, value, negated: negated, labels)
        case .binary(let op, .literal(let value, _), .name(let name, _), _):
            guard let mirrored = Self.mirrored(op) else { return nil }
            return Self.comparison(mirrored, name, value, negated: negated, labels)
        default:
            return nil
        }
    }

    private static func comparison(_ op: BinaryOperator, _ name: QualifiedName, _ value: Literal, negated: Bool,
                                   _ labels: (QualifiedName, OptionValue) -> String?) -> String? {
        if value == .null {
            guard op == .equal || op == .notEqual else { return nil }
            return "\(name) was \((op == .equal) != negated ? "not " : "")answered"
        }
        if case .bool(let b) = value, op == .equal || op == .notEqual {
            return "\(name) is \(b == ((op == .equal) != negated) ? "yes" : "no")"
        }
        guard let shown = show(value, of: name, labels) else { return nil }
        let not = negated ? "not " : ""
        switch op {
        case .equal: return "\(name) is \(not)\(shown)"
        case .notEqual: return "\(name) is \(negated ? "" : "not ")\(shown)"
        case .less: return "\(name) is \(not)less than \(shown)"
        case .lessEqual: return "\(name) is \(not)\(shown) or less"
        case .greater: return "\(name) is \(not)more than \(shown)"
        case .greaterEqual: return "\(name) is \(not)\(shown) or more"
        default: return nil
        }
    }

    /// `3 < x` read as `x > 3`.
    private static func mirrored(_ op: BinaryOperator) -> BinaryOperator? {
        switch op {
        case .equal, .notEqual: op
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        default: nil
        }
    }

    /// A value as a reader sees it: an option's label when there is one, else the value; nil for null.
    private static func show(_ value: Literal, of name: QualifiedName, _ labels: (QualifiedName, OptionValue) -> String?) -> String? {
        switch value {
        case .null:
            return nil
        case .bool(let b):
            return b ? "yes" : "no"
        case .number(let n):
            guard let i = ExpressionNumber.exactInteger(n) else { return ExpressionNumber.text(n) }
            return labels(name, .integer(i)) ?? String(i)
        case .text(let s):
            return labels(name, .text(s)) ?? s
        }
    }
}
