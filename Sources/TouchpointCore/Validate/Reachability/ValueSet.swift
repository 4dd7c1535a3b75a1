/// A value a finite-domain variable can take in the reachability analysis.
enum FiniteValue: Hashable, Sendable {
    case bool(Bool)
    case number(Double)
    case text(String)

    init(_ option: OptionValue) {
        switch option {
        case .integer(let i): self = .number(Double(i))
        case .text(let s): self = .text(s)
        }
    }
}

/// One interval of real numbers with open or closed ends.
struct Interval: Hashable, Sendable {
    var low: Double
    var lowClosed: Bool
    var high: Double
    var highClosed: Bool

    var isEmpty: Bool { low > high || (low == high && !(lowClosed && highClosed)) }

    func intersect(_ o: Interval) -> Interval {
        var r = self
        if o.low > r.low || (o.low == r.low && !o.lowClosed) { r.low = o.low; r.lowClosed = o.lowClosed }
        if o.high < r.high || (o.high == r.high && !o.highClosed) { r.high = o.high; r.highClosed = o.highClosed }
        return r
    }

    /// Tightens open or fractional ends to whole numbers, for integer questions.
    func integral() -> Interval {
        var lo = low.isFinite ? (lowClosed ? low.rounded(.up) : (low.rounded(.down) + 1)) : low
        var hi = high.isFinite ? (highClosed ? high.rounded(.down) : (high.rounded(.up) - 1)) : high
        if !lo.isFinite && lo > 0 { lo = .infinity }
        if !hi.isFinite && hi < 0 { hi = -.infinity }
        return Interval(low: lo, lowClosed: lo.isFinite, high: hi, highClosed: hi.isFinite)
    }

    static let all = Interval(low: -.infinity, lowClosed: false, high: .infinity, highClosed: false)
}

/// The set of values a variable may take: a finite set or a union of intervals, plus whether it may be null.
///
/// Complements are exact within the variable's domain, which is what makes "always true" (the negation is
/// impossible) as sound as "never reached" (the condition is impossible).
struct ValueSet: Hashable, Sendable {
    enum Values: Hashable, Sendable {
        case finite(Set<FiniteValue>)
        case intervals([Interval], integer: Bool)
    }

    var values: Values
    var null: Bool

    var isEmpty: Bool {
        if null { return false }
        switch values {
        case .finite(let s): return s.isEmpty
        case .intervals(let list, _): return list.allSatisfy(\.isEmpty)
        }
    }

    func intersect(_ o: ValueSet) -> ValueSet {
        let n = null && o.null
        switch (values, o.values) {
        case let (.finite(a), .finite(b)):
            return ValueSet(values: .finite(a.intersection(b)), null: n)
        case let (.intervals(a, ia), .intervals(b, ib)):
            let integer = ia || ib
            var out: [Interval] = []
            for x in a { for y in b {
                var i = x.intersect(y)
                if integer { i = i.integral() }
                if !i.isEmpty { out.append(i) }
            } }
            return ValueSet(values: .intervals(out, integer: integer), null: n)
        default:
            return o
        }
    }

    /// The values of `domain` not in this set (null included when the domain has it and this set has not).
    func complement(in domain: ValueSet) -> ValueSet {
        let n = domain.null && !null
        switch (values, domain.values) {
        case let (.finite(a), .finite(d)):
            return ValueSet(values: .finite(d.subtracting(a)), null: n)
        case let (.intervals(a, integer), .intervals(d, _)):
            var rest = d
            for cut in a {
                var next: [Interval] = []
                for piece in rest {
                    let left = piece.intersect(Interval(low: -.infinity, lowClosed: false, high: cut.low, highClosed: !cut.lowClosed))
                    let right = piece.intersect(Interval(low: cut.high, lowClosed: !cut.highClosed, high: .infinity, highClosed: false))
                    for p in [left, right] {
                        let q = integer ? p.integral() : p
                        if !q.isEmpty { next.append(q) }
                    }
                }
                rest = next
            }
            return ValueSet(values: .intervals(rest, integer: integer), null: n)
        default:
            return domain
        }
    }
}
