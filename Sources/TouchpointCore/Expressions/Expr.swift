/// A constant written in an expression.
public enum Literal: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
}

/// A prefix operator: `not` or unary `-`.
public enum UnaryOperator: String, Hashable, Sendable, CaseIterable {
    case not
    case negate

    /// The operator as written in source.
    public var symbol: String {
        switch self {
        case .not: "not"
        case .negate: "-"
        }
    }
}

/// An infix operator, listed loosest first.
public enum BinaryOperator: String, Hashable, Sendable, CaseIterable {
    case or, and
    case equal, notEqual, less, lessEqual, greater, greaterEqual, `in`
    case add, subtract, multiply, divide

    /// The operator as written in source.
    public var symbol: String {
        switch self {
        case .or: "or"
        case .and: "and"
        case .equal: "=="
        case .notEqual: "!="
        case .less: "<"
        case .lessEqual: "<="
        case .greater: ">"
        case .greaterEqual: ">="
        case .in: "in"
        case .add: "+"
        case .subtract: "-"
        case .multiply: "*"
        case .divide: "/"
        }
    }

    /// Whether this is one of the non-associative comparison operators (`==` ... `in`).
    public var isComparison: Bool { precedence == .comparison }

    /// How tightly the operator binds.
    var precedence: ExpressionPrecedence {
        switch self {
        case .or: .or
        case .and: .and
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual, .in: .comparison
        case .add, .subtract: .additive
        case .multiply, .divide: .multiplicative
        }
    }
}

/// Binding strength of the grammar's levels, loosest first (SPEC section 3).
enum ExpressionPrecedence: Int, Comparable {
    case or = 1, and, not, comparison, additive, multiplicative, negate, primary

    static func < (lhs: ExpressionPrecedence, rhs: ExpressionPrecedence) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A parsed expression (SPEC section 3), with the source position of each node.
///
/// A binary or unary node sits at its operator; a call at its function name; a list at its `[`.
public indirect enum Expr: Hashable, Sendable {
    case literal(Literal, SourcePosition)
    case name(QualifiedName, SourcePosition)
    case list([Expr], SourcePosition)
    case unary(UnaryOperator, Expr, SourcePosition)
    case binary(BinaryOperator, Expr, Expr, SourcePosition)
    case call(String, [Expr], SourcePosition)

    /// Where the node's own token is: a literal or name itself, an operator, a function name, a `[`.
    public var position: SourcePosition {
        switch self {
        case .literal(_, let p), .name(_, let p), .list(_, let p), .unary(_, _, let p),
             .binary(_, _, _, let p), .call(_, _, let p):
            p
        }
    }

    /// Where the expression's text begins: the leftmost token, which is what a reader looks at first.
    public var startPosition: SourcePosition {
        switch self {
        case .binary(_, let lhs, _, let p):
            min(lhs.startPosition, p)
        default:
            position
        }
    }

    /// Every name referenced, in source order (repeated names appear each time).
    public var names: [QualifiedName] {
        var out: [QualifiedName] = []
        collectNames(into: &out)
        return out
    }

    private func collectNames(into out: inout [QualifiedName]) {
        switch self {
        case .literal: break
        case .name(let n, _): out.append(n)
        case .list(let items, _), .call(_, let items, _): for item in items { item.collectNames(into: &out) }
        case .unary(_, let operand, _): operand.collectNames(into: &out)
        case .binary(_, let lhs, let rhs, _):
            lhs.collectNames(into: &out)
            rhs.collectNames(into: &out)
        }
    }

    /// Whether the two trees are the same apart from source positions (`a==1` and `a == 1`).
    public func isSameTree(as other: Expr) -> Bool {
        switch (self, other) {
        case let (.literal(a, _), .literal(b, _)): a == b
        case let (.name(a, _), .name(b, _)): a == b
        case let (.list(a, _), .list(b, _)): Self.sameTrees(a, b)
        case let (.unary(o1, a, _), .unary(o2, b, _)): o1 == o2 && a.isSameTree(as: b)
        case let (.binary(o1, l1, r1, _), .binary(o2, l2, r2, _)): o1 == o2 && l1.isSameTree(as: l2) && r1.isSameTree(as: r2)
        case let (.call(f1, a, _), .call(f2, b, _)): f1 == f2 && Self.sameTrees(a, b)
        default: false
        }
    }

    private static func sameTrees(_ a: [Expr], _ b: [Expr]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.isSameTree(as: $1) }
    }
}
