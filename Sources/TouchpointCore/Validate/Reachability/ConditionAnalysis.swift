/// Decides, where it can, whether a condition can never hold or always holds (SPEC section 7, reachability).
///
/// Conditions are put in disjunctive normal form over atoms `variable ∈ set`. Atoms the analysis does not
/// understand (arithmetic, two questions compared, text patterns) are left unconstrained, so they can only
/// make a condition look satisfiable: the analysis never claims "never reached" or "always true" unless it is
/// certain, and says nothing otherwise.
struct ConditionAnalysis {
    /// The domain of each variable at the point being analysed, by variable name.
    let domains: [String: ValueSet]
    /// The largest DNF kept before the analysis gives up (and says nothing).
    let maxTerms = 256

    typealias Term = [String: ValueSet]

    /// Whether `exprs` (all of which must hold) can never hold together; nil when the analysis cannot tell.
    func isUnsatisfiable(_ exprs: [Expr]) -> Bool? {
        var terms: [Term] = [[:]]
        for e in exprs {
            guard let d = dnf(e, negated: false), let product = conjoin(terms, d) else { return nil }
            terms = product
        }
        return terms.allSatisfy { !isSatisfiable($0) }
    }

    /// Whether `expr` holds whatever the answers (its negation can never hold), given `context` holds.
    func isAlwaysTrue(_ expr: Expr, given context: [Expr] = []) -> Bool? {
        guard let negation = dnf(expr, negated: true) else { return nil }
        var terms = negation
        for e in context {
            guard let d = dnf(e, negated: false), let product = conjoin(terms, d) else { return nil }
            terms = product
        }
        return terms.allSatisfy { !isSatisfiable($0) }
    }

    private func isSatisfiable(_ term: Term) -> Bool {
        !term.values.contains { $0.isEmpty }
    }

    private func conjoin(_ a: [Term], _ b: [Term]) -> [Term]? {
        var out: [Term] = []
        for x in a {
            for y in b {
                var t = x
                var dead = false
                for (v, s) in y {
                    let merged = t[v].map { $0.intersect(s) } ?? s
                    t[v] = merged
                    if merged.isEmpty { dead = true }
                }
                if !dead { out.append(t) }
                if out.count > maxTerms { return nil }
            }
        }
        // Keep one unsatisfiable term when all died, so "all terms unsatisfiable" stays true and cheap.
        if out.isEmpty { return [["": ValueSet(values: .finite([]), null: false)]] }
        return out
    }

    /// The DNF of `expr` (or of its negation); nil when it grows past the bound.
    func dnf(_ expr: Expr, negated: Bool) -> [Term]? {
        switch expr {
        case .unary(.not, let inner, _):
            return dnf(inner, negated: !negated)
        case .binary(.and, let l, let r, _), .binary(.or, let l, let r, _):
            let isAnd: Bool = { if case .binary(.and, _, _, _) = expr { return true }; return false }()
            guard let a = dnf(l, negated: negated), let b = dnf(r, negated: negated) else { return nil }
            if isAnd != negated { return conjoin(a, b) }
            let union = a + b
            return union.count > maxTerms ? nil : union
        default:
            guard let atom = atom(expr) else { return [[:]] }   // not understood: unconstrained either way
            let (variable, set) = atom
            guard let domain = domains[variable] else { return [[:]] }
            let constrained = set.intersect(domain)
            return [[variable: negated ? constrained.complement(in: domain) : constrained]]
        }
    }

    /// An atom `variable ∈ set` for the expression, when it is one the analysis understands.
    func atom(_ expr: Expr) -> (String, ValueSet)? {
        switch expr {
        case .name(let name, _):
            guard let domain = domains[name.description], case .finite(let values) = domain.values,
                  values.isSubset(of: [.bool(true), .bool(false)]) else { return nil }
            return (name.description, ValueSet(values: .finite([.bool(true)]), null: false))
        case .call("answered", let args, _):
            guard args.count == 1, case .name(let name, _) = args[0], let domain = domains[name.description] else { return nil }
            return (name.description, ValueSet(values: domain.values, null: false))
        case .binary(.in, .literal(let lit, _), .name(let name, _), _):
            guard let value = finite(lit) else { return nil }
            let variable = "\(name.description)∋\(describe(value))"
            guard domains[variable] != nil else { return nil }
            return (variable, ValueSet(values: .finite([.bool(true)]), null: false))
        case .binary(.in, .name(let name, _), .list(let items, _), _):
            guard let domain = domains[name.description] else { return nil }
            let values = items.compactMap { e -> FiniteValue? in if case .literal(let l, _) = e { return finite(l) } else { return nil } }
            guard values.count == items.count else { return nil }
            switch domain.values {
            case .finite:
                return (name.description, ValueSet(values: .finite(Set(values)), null: false))
            case .intervals(_, let integer):
                let points = values.compactMap { v -> Interval? in
                    if case .number(let n) = v { return Interval(low: n, lowClosed: true, high: n, highClosed: true) }
                    return nil
                }
                return (name.description, ValueSet(values: .intervals(points, integer: integer), null: false))
            }
        case .binary(let op, .name(let name, _), .literal(let lit, _), _):
            return comparison(op, name.description, lit)
        case .binary(let op, .literal(let lit, _), .name(let name, _), _):
            guard let flipped = op.flipped else { return nil }
            return comparison(flipped, name.description, lit)
        default:
            return nil
        }
    }

    private func comparison(_ op: BinaryOperator, _ variable: String, _ lit: Literal) -> (String, ValueSet)? {
        guard let domain = domains[variable] else { return nil }
        if case .null = lit {
            switch op {
            case .equal: return (variable, ValueSet(values: emptyValues(domain), null: true))
            case .notEqual: return (variable, ValueSet(values: domain.values, null: false))
            default: return (variable, ValueSet(values: emptyValues(domain), null: false))
            }
        }
        guard let value = finite(lit) else { return nil }
        switch domain.values {
        case .finite(let all):
            let kept = all.filter { candidate in
                switch op {
                case .equal: return candidate == value
                case .notEqual: return candidate != value
                case .less, .lessEqual, .greater, .greaterEqual:
                    guard case .number(let c) = candidate, case .number(let v) = value else { return false }
                    switch op {
                    case .less: return c < v
                    case .lessEqual: return c <= v
                    case .greater: return c > v
                    default: return c >= v
                    }
                default: return false
                }
            }
            guard [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) else { return nil }
            return (variable, ValueSet(values: .finite(kept), null: false))
        case .intervals(_, let integer):
            guard case .number(let v) = value else { return nil }
            let list: [Interval]
            switch op {
            case .equal: list = [Interval(low: v, lowClosed: true, high: v, highClosed: true)]
            case .notEqual: list = [Interval(low: -.infinity, lowClosed: false, high: v, highClosed: false),
                                    Interval(low: v, lowClosed: false, high: .infinity, highClosed: false)]
            case .less: list = [Interval(low: -.infinity, lowClosed: false, high: v, highClosed: false)]
            case .lessEqual: list = [Interval(low: -.infinity, lowClosed: false, high: v, highClosed: true)]
            case .greater: list = [Interval(low: v, lowClosed: false, high: .infinity, highClosed: false)]
            case .greaterEqual: list = [Interval(low: v, lowClosed: true, high: .infinity, highClosed: false)]
            default: return nil
            }
            return (variable, ValueSet(values: .intervals(list, integer: integer), null: false))
        }
    }

    private func emptyValues(_ domain: ValueSet) -> ValueSet.Values {
        switch domain.values {
        case .finite: .finite([])
        case .intervals(_, let integer): .intervals([], integer: integer)
        }
    }

    private func finite(_ lit: Literal) -> FiniteValue? {
        switch lit {
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .text(let s): .text(s)
        default: nil
        }
    }

    func describe(_ v: FiniteValue) -> String {
        switch v {
        case .bool(let b): String(b)
        case .number(let n): NumberText.format(n)
        case .text(let s): s
        }
    }
}

extension BinaryOperator {
    /// The operator with its operands swapped (`3 < x` is `x > 3`).
    var flipped: BinaryOperator? {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .greater
        case .lessEqual: .greaterEqual
        case .greater: .less
        case .greaterEqual: .lessEqual
        default: nil
        }
    }
}
