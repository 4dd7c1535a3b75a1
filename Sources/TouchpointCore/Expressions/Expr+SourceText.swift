extension Expr {
    /// The expression re-printed in canonical form, with only the parentheses its meaning needs.
    ///
    /// Parsing the result gives the same tree (`isSameTree(as:)`). `not (x in y)` prints as `x not in y`.
    public var sourceText: String { rendered.text }

    /// The text and the precedence of its outermost operator, so a parent knows whether to parenthesise.
    private var rendered: (text: String, precedence: ExpressionPrecedence) {
        switch self {
        case .literal(let literal, _):
            return (Self.literalText(literal), .primary)
        case .name(let name, _):
            return (name.description, .primary)
        case .list(let items, _):
            return ("[" + items.map(\.sourceText).joined(separator: ", ") + "]", .primary)
        case .call(let name, let args, _):
            return (name + "(" + args.map(\.sourceText).joined(separator: ", ") + ")", .primary)
        case .unary(.not, .binary(.in, let lhs, let rhs, _), _):
            return ("\(lhs.operand(above: .comparison)) not in \(rhs.operand(above: .comparison))", .comparison)
        case .unary(.not, let operand, _):
            return ("not " + operand.operand(atLeast: .not), .not)
        case .unary(.negate, let operand, _):
            let inner = operand.operand(atLeast: .negate)
            return ((inner.hasPrefix("-") ? "- " : "-") + inner, .negate)
        case .binary(let op, let lhs, let rhs, _):
            let level = op.precedence
            // Left-associative except comparisons, which do not associate at all.
            let left = op.isComparison ? lhs.operand(above: level) : lhs.operand(atLeast: level)
            return ("\(left) \(op.symbol) \(rhs.operand(above: level))", level)
        }
    }

    private func operand(atLeast level: ExpressionPrecedence) -> String {
        let (text, precedence) = rendered
        return precedence < level ? "(" + text + ")" : text
    }

    private func operand(above level: ExpressionPrecedence) -> String {
        let (text, precedence) = rendered
        return precedence <= level ? "(" + text + ")" : text
    }

    static func literalText(_ literal: Literal) -> String {
        switch literal {
        case .null: "null"
        case .bool(let b): b ? "true" : "false"
        case .number(let n): ExpressionNumber.text(n)
        case .text(let s): quoted(s)
        }
    }

    /// `s` in single quotes with `'` and `\\` escaped, scalar by scalar: a quote followed by a combining mark
    /// is one `Character` but still a quote to the lexer.
    private static func quoted(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        out.append("'")
        for scalar in s.unicodeScalars {
            if scalar == "\\" || scalar == "'" { out.append("\\") }
            out.append(scalar)
        }
        out.append("'")
        return String(out)
    }
}
