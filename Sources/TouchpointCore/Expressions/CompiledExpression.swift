/// An expression compiled once, when the questionnaire is checked, into a tree of closures whose names are
/// already resolved: a top-level answer is read from the interview's slot array by index, a meta value by key,
/// `item` from the loop point, a loop answer or compute from its key built without looking the symbol up.
///
/// It gives exactly what `Evaluator.evaluate` gives with the engine's `Environment` (SPEC section 3, null
/// semantics included): the operators call the evaluator's own helpers, and a name with no fast path (a grid,
/// a loop question seen from outside its loop) is read through `Environment` itself. It does not copy the
/// interview to evaluate, which the tree-walking evaluator's environment must.
struct CompiledExpression: Sendable {
    /// The value at a point: the interview, the chosen options of the loops around the point (outermost first)
    /// and, for a check, the answer being checked.
    typealias Run = @Sendable (_ interview: Interview, _ loop: [OptionValue], _ current: Value?) -> Value

    let run: Run

    func evaluate(_ interview: Interview, loop: [OptionValue], current: Value? = nil) -> Value {
        run(interview, loop, current)
    }

    /// Where the names of an expression are resolved: the loops around it and the question whose check it is.
    struct Context: Sendable {
        var table: SymbolTable
        /// Slots of the answers kept in the interview's slot array, by question id.
        var slots: [String: Int]
        /// Ids of the `for_each` sections around the expression, outermost first.
        var loopSections: [String]
        /// The question whose check this is: it may name itself and then sees the answer being checked.
        var currentID: String?
    }

    /// Compiles `expr` for the point described by `context`.
    static func compile(_ expr: Expr, in context: Context) -> CompiledExpression {
        CompiledExpression(run: closure(expr, context))
    }

    private static func closure(_ expr: Expr, _ c: Context) -> Run {
        switch expr {
        case .literal(let literal, _):
            let value: Value
            switch literal {
            case .null: value = .null
            case .bool(let b): value = .bool(b)
            case .number(let n): value = .number(n)
            case .text(let s): value = .text(s)
            }
            return { _, _, _ in value }
        case .name(let name, _):
            return nameClosure(name, c)
        case .list(let items, _):
            let parts = items.map { closure($0, c) }
            return { i, l, v in .list(parts.map { $0(i, l, v) }) }
        case .unary(.not, let operand, _):
            let a = closure(operand, c)
            return { i, l, v in .bool(!a(i, l, v).isTruthy) }
        case .unary(.negate, let operand, _):
            let a = closure(operand, c)
            return { i, l, v in
                guard case .number(let n) = a(i, l, v) else { return .null }
                return .number(-n)
            }
        case .binary(.and, let lhs, let rhs, _):
            let a = closure(lhs, c), b = closure(rhs, c)
            return { i, l, v in .bool(a(i, l, v).isTruthy && b(i, l, v).isTruthy) }
        case .binary(.or, let lhs, let rhs, _):
            let a = closure(lhs, c), b = closure(rhs, c)
            return { i, l, v in .bool(a(i, l, v).isTruthy || b(i, l, v).isTruthy) }
        case .binary(let op, let lhs, let rhs, _):
            return binary(op, lhs, rhs, c)
        case .call(let name, let args, _):
            return call(name, args, c)
        }
    }

    private static func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ c: Context) -> Run {
        if op == .equal || op == .notEqual, let tested = Evaluator.nullTest(lhs, rhs) {
            let t = closure(tested, c)
            let equal = op == .equal
            return { i, l, v in
                let isNull = t(i, l, v) == .null
                return .bool(equal ? isNull : !isNull)
            }
        }
        let a = closure(lhs, c), b = closure(rhs, c)
        // `and` and `or` are compiled by `closure`, which short-circuits.
        return { i, l, v in Evaluator.apply(op, a(i, l, v), b(i, l, v)) }
    }

    private static func call(_ name: String, _ args: [Expr], _ c: Context) -> Run {
        guard let f = BuiltinFunction(rawValue: name), f.arity.contains(args.count) else { return { _, _, _ in .null } }
        let parts = args.map { closure($0, c) }
        switch f {
        case .answered:
            let a = parts[0]
            return { i, l, v in
                switch a(i, l, v) {
                case .null: return .bool(false)
                case .list(let items): return .bool(!items.isEmpty)
                case .keyed(let map): return .bool(!map.isEmpty)
                default: return .bool(true)
                }
            }
        case .count:
            let a = parts[0]
            return { i, l, v in
                switch a(i, l, v) {
                case .null: return .number(0)
                case .list(let items): return .number(Double(items.count))
                case .keyed(let map): return .number(Double(map.count))
                default: return .number(1)
                }
            }
        case .len:
            let a = parts[0]
            return { i, l, v in
                switch a(i, l, v) {
                case .null: return .number(0)
                case .text(let s): return .number(Double(s.count))
                case .list(let items): return .number(Double(items.count))
                case .keyed(let map): return .number(Double(map.count))
                default: return .null
                }
            }
        case .if:
            let (test, then, otherwise) = (parts[0], parts[1], parts[2])
            return { i, l, v in test(i, l, v).isTruthy ? then(i, l, v) : otherwise(i, l, v) }
        case .min, .max, .sum, .mean:
            // An answer one loop deeper (`mean(stage_effort)`) is gathered straight into pairs, not into a keyed
            // value that `Evaluator.members` then sorts apart again; the numbers and their order are the same.
            let deeper = args.map { deeperAnswers($0, c) }
            return { i, l, v in
                var numbers: [Double] = []
                for (index, part) in parts.enumerated() {
                    if let gather = deeper[index] {
                        for value in membersInOrder(gather(i, l)) { if case .number(let n) = value { numbers.append(n) } }
                        continue
                    }
                    let value = part(i, l, v)
                    switch value {
                    case .list, .keyed:
                        for member in Evaluator.members(of: value) { if case .number(let n) = member { numbers.append(n) } }
                    case .number(let n):
                        numbers.append(n)
                    default:
                        break
                    }
                }
                return Evaluator.aggregate(f, numbers)
            }
        }
    }

    // MARK: - Names

    /// A name resolved as `Environment.value(of:)` resolves it, with the lookups that do not depend on the
    /// answers done now.
    private static func nameClosure(_ name: QualifiedName, _ c: Context) -> Run {
        let parts = name.parts
        guard let head = parts.first else { return { _, _, _ in .null } }
        if head == "meta" {
            guard parts.count == 2 else { return { _, _, _ in .null } }
            let key = parts[1]
            return { i, _, _ in i.meta[key] ?? .null }
        }
        if head == "item" && parts.count == 1 {
            return { _, l, _ in l.last.map(Value.of) ?? .null }
        }
        let stored = storedValue(name, head: head, c)
        guard c.currentID == head else { return stored }
        // A check's own question: the answer being checked (a grid's rows keyed), else what is stored.
        if parts.count == 1 { return { i, l, v in v ?? stored(i, l, v) } }
        let row = parts[1]
        return { i, l, v in
            if case .keyed(let rows)? = v { return rows[row] ?? .null }
            return stored(i, l, v)
        }
    }

    /// The answer or compute `head` names, as recorded in the interview.
    private static func storedValue(_ name: QualifiedName, head: String, _ c: Context) -> Run {
        guard let symbol = c.table.symbols[head] else { return { _, _, _ in .null } }
        var shared = 0
        while shared < symbol.loops.count, shared < c.loopSections.count, c.loopSections[shared] == symbol.loops[shared] {
            shared += 1
        }
        let depth = symbol.loops.count
        let bound = shared
        if symbol.kind == .compute, bound >= depth {
            let id = symbol.id
            if depth == 0 { return { i, _, _ in i.computed[AnswerPath(question: id)] ?? .null } }
            return { i, l, _ in i.computed[AnswerPath(question: id, loop: Array(l.prefix(bound)))] ?? .null }
        }
        if let q = symbol.question, symbol.kind != .compute, q.type != .grid, bound >= depth {
            if depth == 0, let slot = c.slots[q.id] { return { i, _, _ in i.answerSlots[slot] } }
            let id = q.id
            return { i, l, _ in i.outcome(AnswerPath(question: id, loop: Array(l.prefix(bound))))?.value ?? .null }
        }
        // An answer one loop deeper than the point (`mean(stage_effort)` after its loop): the answers of the
        // steps at this point's loop options, keyed by the inner loop's option, as `Environment.gather` keys them.
        if let q = symbol.question, symbol.kind != .compute, q.type != .grid, name.parts.count == 1, depth == bound + 1 {
            let gather = deeperSteps(id: q.id, depth: depth, bound: bound)
            return { i, l, _ in
                var map: [String: Value] = [:]
                for (key, value) in gather(i, l) { map[key] = value }
                return map.isEmpty ? .null : .keyed(map)
            }
        }
        // Grids and answers seen from outside their loops are gathered as the environment gathers them.
        let sections = c.loopSections
        return { i, l, _ in
            Environment(interview: i, loop: l, loopSections: sections, current: nil).value(of: name)
        }
    }

    /// The answers of one loop deeper than the point, as (inner loop key, answer) pairs in step order.
    typealias Gather = @Sendable (_ interview: Interview, _ loop: [OptionValue]) -> [(key: String, value: Value)]

    /// The steps of question `id` (inside `depth` loops) at the point's `bound` loop options, as pairs keyed by
    /// the next loop's option; read in place through the steps, without copying each one out.
    private static func deeperSteps(id: String, depth: Int, bound: Int) -> Gather {
        { i, l in
            var pairs: [(key: String, value: Value)] = []
            let steps = i.steps
            for k in steps.indices {
                guard steps[k].key.loop.count == depth, !steps[k].key.isOtherText, steps[k].key.question == id else { continue }
                var matches = true
                for level in 0..<bound where steps[k].key.loop[level] != l[level] {
                    matches = false
                    break
                }
                guard matches, case .answer(let value) = steps[k].outcome, value != .null else { continue }
                pairs.append((steps[k].key.loop[bound].description, value))
            }
            return pairs
        }
    }

    /// `deeperSteps` for `expr` when it is a plain name that `storedValue` reads one loop deeper, else nil.
    private static func deeperAnswers(_ expr: Expr, _ c: Context) -> Gather? {
        guard case .name(let name, _) = expr, name.parts.count == 1, let head = name.parts.first,
              head != "meta", head != "item", c.currentID != head,
              let symbol = c.table.symbols[head], let q = symbol.question, symbol.kind != .compute, q.type != .grid
        else { return nil }
        var shared = 0
        while shared < symbol.loops.count, shared < c.loopSections.count, c.loopSections[shared] == symbol.loops[shared] {
            shared += 1
        }
        guard symbol.loops.count == shared + 1 else { return nil }
        return deeperSteps(id: q.id, depth: symbol.loops.count, bound: shared)
    }

    /// The values of `pairs` as `Evaluator.members` reads the keyed value they make: the last value of each key,
    /// in key order.
    private static func membersInOrder(_ pairs: [(key: String, value: Value)]) -> [Value] {
        guard pairs.count > 1 else { return pairs.map(\.value) }
        let sorted = pairs.indices.sorted { (pairs[$0].key, $0) < (pairs[$1].key, $1) }
        var values: [Value] = []
        values.reserveCapacity(pairs.count)
        for (n, index) in sorted.enumerated() where n + 1 == sorted.count || pairs[sorted[n + 1]].key != pairs[index].key {
            values.append(pairs[index].value)
        }
        return values
    }
}
