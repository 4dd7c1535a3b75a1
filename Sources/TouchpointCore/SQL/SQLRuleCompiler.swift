/// Compiles a `percent` rule's expression to a SQL condition with the null semantics of SPEC section 3.
///
/// Every sub-expression becomes one of: a condition (never NULL: comparisons with null are false, `not`,
/// `and` and `or` are two-valued on truthiness), a nullable scalar (NULL is the expression's `null`), or a
/// nullable list (a multi answer or a list literal). Loop answers and whole grids (answers keyed by option
/// or row) have no SQL form here; a rule that uses one cannot be compiled, and the error names it.
struct SQLRuleCompiler {
    enum Scalar { case bool, number, text }

    enum Compiled {
        case condition(String)
        case value(String, Scalar)
        case list(String, Scalar)
        case null
    }

    let fields: SQLRecordFields
    let score: String
    var dialect: SQLDialect { fields.dialect }

    func fail(_ reason: String) -> SQLCompileError { SQLCompileError(score: score, reason) }

    /// The rule as a SQL condition that is TRUE or FALSE, never NULL.
    func condition(_ expr: Expr) throws(SQLCompileError) -> String {
        truthy(try compile(expr))
    }

    func truthy(_ compiled: Compiled) -> String {
        switch compiled {
        case .condition(let sql): return sql
        case .value(let sql, .bool): return "COALESCE(\(sql), FALSE)"
        case .value, .list, .null: return "FALSE"
        }
    }

    func compile(_ expr: Expr) throws(SQLCompileError) -> Compiled {
        switch expr {
        case .literal(let literal, _):
            switch literal {
            case .null: return .null
            case .bool(let b): return .condition(b ? "TRUE" : "FALSE")
            case .number(let n): return .value(dialect.number(n), .number)
            case .text(let s): return .value(dialect.string(s), .text)
            }
        case .name(let name, _):
            return try self.name(name)
        case .list(let items, _):
            var compiled: [Compiled] = []
            for item in items { compiled.append(try compile(item)) }
            let scalars = compiled.compactMap { c -> (String, Scalar)? in
                if case .value(let sql, let type) = c { return (sql, type) }
                return nil
            }
            guard scalars.count == compiled.count, let first = scalars.first?.1, scalars.allSatisfy({ $0.1 == first }) else {
                throw fail("the list `\(expr.sourceText)` must hold literals of one type to be written in SQL")
            }
            return .list(dialect.array(scalars.map(\.0)), first)
        case .unary(.not, let operand, _):
            return .condition("(NOT \(try condition(operand)))")
        case .unary(.negate, let operand, _):
            guard case .value(let sql, .number) = try compile(operand) else { return .null }
            return .value("(-\(sql))", .number)
        case .binary(.and, let lhs, let rhs, _):
            return .condition("(\(try condition(lhs)) AND \(try condition(rhs)))")
        case .binary(.or, let lhs, let rhs, _):
            return .condition("(\(try condition(lhs)) OR \(try condition(rhs)))")
        case .binary(let op, let lhs, let rhs, _):
            return try binary(op, lhs, rhs, expr)
        case .call(let function, let args, _):
            return try call(function, args, expr)
        }
    }

    private func name(_ name: QualifiedName) throws(SQLCompileError) -> Compiled {
        let parts = name.parts
        guard let head = parts.first else { return .null }
        let schema = fields.schema
        if head == "meta" {
            guard parts.count == 2, let entry = schema.meta[parts[1]] else { return .null }
            return typed(fields.metaValue(parts[1], entry: entry), SQLRecordFields.leafType(entry.question), name)
        }
        if let entry = schema.questions[head] {
            guard entry.loops.isEmpty else {
                throw fail("its rule names `\(name.description)`, which is asked in a loop (answers keyed by option); rules over loop answers have no SQL form yet")
            }
            let root = fields.answer(entry)
            if parts.count == 2, entry.question.type == .grid {
                guard case .structure(let rows) = SQLRecordFields.leafType(entry.question),
                      let row = rows.first(where: { $0.name == parts[1] }) else { return .null }
                return typed(root + "." + dialect.identifier(parts[1]), row.type, name)
            }
            guard parts.count == 1 else { return .null }
            return typed(root, SQLRecordFields.leafType(entry.question), name)
        }
        if schema.computes[head] != nil, parts.count == 1 {
            guard (schema.computes[head] ?? []).isEmpty else {
                throw fail("its rule names `\(head)`, a compute inside a loop; rules over loop values have no SQL form yet")
            }
            let type = SQLRecordFields.type(of: fields.table.computeTypes[head] ?? .number)
            return typed(fields.computedValue(head), type, name)
        }
        return .null
    }

    private func typed(_ sql: String, _ type: SQLType, _ name: QualifiedName) -> Compiled {
        switch type {
        case .boolean: return .value(sql, .bool)
        case .double, .bigint: return .value(sql, .number)
        case .text: return .value(sql, .text)
        case .array(let element): return .list(sql, element == .text ? .text : .number)
        case .structure: return .null
        }
    }

    private func binary(_ op: BinaryOperator, _ lhs: Expr, _ rhs: Expr, _ whole: Expr) throws(SQLCompileError) -> Compiled {
        let a = try compile(lhs), b = try compile(rhs)
        if op == .equal || op == .notEqual {
            if case .null = b { return .condition(nullTest(a, isNull: op == .equal)) }
            if case .null = a { return .condition(nullTest(b, isNull: op == .equal)) }
        }
        switch op {
        case .equal, .notEqual:
            guard let (x, y) = comparable(a, b) else {
                // Values of different kinds are never equal, and `!=` with null is false.
                return .condition(op == .equal ? "FALSE" : "(\(notNull(a)) AND \(notNull(b)))")
            }
            return .condition("COALESCE(\(x) \(op == .equal ? "=" : "<>") \(y), FALSE)")
        case .less, .lessEqual, .greater, .greaterEqual:
            guard let (x, y) = comparable(a, b, ordering: true) else { return .condition("FALSE") }
            return .condition("COALESCE(\(x) \(op.symbol) \(y), FALSE)")
        case .in:
            guard case .list(let list, let element) = b else {
                throw fail("`\(whole.sourceText)` tests membership in something that is not a list or a multi answer")
            }
            guard case .value(let x, let type) = a else { return .condition("FALSE") }
            let value: String
            switch (type, element) {
            case (.text, .text), (.number, .number), (.bool, .bool): value = x
            case (.number, .text): value = "CAST(\(x) AS \(dialect.text))"
            case (.text, .number): value = dialect.tryDouble(x)
            default: return .condition("FALSE")
            }
            return .condition("COALESCE(\(dialect.contains(list, value)), FALSE)")
        case .add, .subtract, .multiply, .divide:
            guard case .value(let x, .number) = a, case .value(let y, .number) = b else { return .null }
            if op == .divide { return .value("(CASE WHEN \(y) = 0 THEN NULL ELSE \(x) / \(y) END)", .number) }
            return .value("(\(x) \(op.symbol) \(y))", .number)
        case .and, .or:
            return .null
        }
    }

    private func nullTest(_ value: Compiled, isNull: Bool) -> String {
        switch value {
        case .null: return isNull ? "TRUE" : "FALSE"
        case .condition: return isNull ? "FALSE" : "TRUE"
        case .value(let sql, _), .list(let sql, _): return "(\(sql) IS \(isNull ? "" : "NOT ")NULL)"
        }
    }

    private func notNull(_ value: Compiled) -> String {
        switch value {
        case .null: return "FALSE"
        case .condition: return "TRUE"
        case .value(let sql, _), .list(let sql, _): return "(\(sql) IS NOT NULL)"
        }
    }

    /// Both sides as SQL of one type, or nil when the values can never compare (they are then unequal).
    private func comparable(_ a: Compiled, _ b: Compiled, ordering: Bool = false) -> (String, String)? {
        func scalar(_ c: Compiled) -> (String, Scalar)? {
            switch c {
            case .value(let sql, let type): return (sql, type)
            case .condition(let sql): return ordering ? nil : (sql, .bool)
            default: return nil
            }
        }
        guard let (x, tx) = scalar(a), let (y, ty) = scalar(b) else { return nil }
        switch (tx, ty) {
        case (.bool, .bool): return ordering ? nil : (x, y)
        case (.number, .number), (.text, .text): return (x, y)
        case (.number, .text) where !ordering: return (Self.numberText(x, dialect), y)
        case (.text, .number) where !ordering: return (x, Self.numberText(y, dialect))
        default: return nil
        }
    }

    /// A number as the text an integer option value is written with (`3`), for comparing with text.
    private static func numberText(_ sql: String, _ dialect: SQLDialect) -> String {
        "(CASE WHEN \(sql) = FLOOR(\(sql)) AND ABS(\(sql)) < 1E15 THEN CAST(CAST(\(sql) AS BIGINT) AS \(dialect.text)) END)"
    }

    private func call(_ function: String, _ args: [Expr], _ whole: Expr) throws(SQLCompileError) -> Compiled {
        guard let f = BuiltinFunction(rawValue: function), f.arity.contains(args.count) else { return .null }
        switch f {
        case .answered:
            switch try compile(args[0]) {
            case .null: return .condition("FALSE")
            case .condition: return .condition("TRUE")
            case .value(let sql, _): return .condition("(\(sql) IS NOT NULL)")
            case .list(let sql, _): return .condition("COALESCE(\(dialect.count(sql)) > 0, FALSE)")
            }
        case .count:
            switch try compile(args[0]) {
            case .null: return .value("0E0", .number)
            case .condition: return .value("1E0", .number)
            case .value(let sql, _): return .value("(CASE WHEN \(sql) IS NULL THEN 0E0 ELSE 1E0 END)", .number)
            case .list(let sql, _): return .value("CAST(COALESCE(\(dialect.count(sql)), 0) AS DOUBLE)", .number)
            }
        case .len:
            switch try compile(args[0]) {
            case .null: return .value("0E0", .number)
            case .value(let sql, .text): return .value("CAST(COALESCE(\(dialect.length(sql)), 0) AS DOUBLE)", .number)
            case .list(let sql, _): return .value("CAST(COALESCE(\(dialect.count(sql)), 0) AS DOUBLE)", .number)
            case .value(let sql, _): return .value("(CASE WHEN \(sql) IS NULL THEN 0E0 END)", .number)
            case .condition: return .null
            }
        case .if:
            let test = try condition(args[0])
            let yes = try compile(args[1]), no = try compile(args[2])
            switch (yes, no) {
            case (.value(let x, let tx), .value(let y, let ty)) where tx == ty:
                return .value("(CASE WHEN \(test) THEN \(x) ELSE \(y) END)", tx)
            case (.value(let x, let tx), .null): return .value("(CASE WHEN \(test) THEN \(x) END)", tx)
            case (.null, .value(let y, let ty)): return .value("(CASE WHEN \(test) THEN NULL ELSE \(y) END)", ty)
            case (.condition, _), (_, .condition):
                return .condition("(CASE WHEN \(test) THEN \(truthy(yes)) ELSE \(truthy(no)) END)")
            default:
                throw fail("`\(whole.sourceText)` gives values of different kinds in its two branches")
            }
        case .min, .max, .sum, .mean:
            var numbers: [String] = []
            for arg in args {
                switch try compile(arg) {
                case .value(let sql, .number): numbers.append(sql)
                case .null, .value, .condition: continue
                case .list(let sql, .number) where args.count == 1:
                    throw fail("`\(whole.sourceText)` aggregates the list `\(sql)`; only separate numbers can be written in SQL")
                case .list: continue
                }
            }
            guard !numbers.isEmpty else { return f == .sum ? .value("0E0", .number) : .null }
            switch f {
            case .min: return .value("LEAST(\(numbers.joined(separator: ", ")))", .number)
            case .max: return .value("GREATEST(\(numbers.joined(separator: ", ")))", .number)
            case .sum: return .value("(" + numbers.map { "COALESCE(\($0), 0E0)" }.joined(separator: " + ") + ")", .number)
            default:
                let total = numbers.map { "COALESCE(\($0), 0E0)" }.joined(separator: " + ")
                let count = numbers.map { "(CASE WHEN \($0) IS NULL THEN 0 ELSE 1 END)" }.joined(separator: " + ")
                return .value("(CASE WHEN \(count) = 0 THEN NULL ELSE (\(total)) / (\(count)) END)", .number)
            }
        }
    }
}
