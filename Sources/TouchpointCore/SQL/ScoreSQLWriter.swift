extension ScoreSQL {
    /// The cases of a set of items in one response, as SQL over `resp` columns: one entry per loop path
    /// (a single entry for items outside loops), each with the items' values and whether the case exists.
    struct CaseSet {
        /// `values[path][item]`: a DOUBLE expression, NULL where the item has no value.
        var values: [[String]]
        /// Whether the case at each path exists (a deepest item has a value there); "TRUE" outside loops.
        var exists: [String]
    }

    /// Builds the query text.
    struct Writer {
        let sql: ScoreSQL
        let fields: SQLRecordFields
        var dialect: SQLDialect { sql.dialect }
        var groupColumns: [String] { sql.dimensions.indices.map { "g\($0)" } }
        var isWeighted: Bool { sql.weightSource != nil }
        let z = "1.959963984540054E0"
        /// Columns of `rec` (per response), `p1` (aggregates) and `p2` (second-pass sums over `rec` joined
        /// with `p1` as `m`).
        var rec: [(String, String)] = []
        /// Case values that `rec` and `p2` both read, computed once per response in `cv`.
        var cv: [(String, String)] = []
        var p1: [(String, String)] = []
        var p2: [(String, String)] = []
        /// Figures derived from `p2` once per group (`p3`), which the result rows read as `a.NAME`.
        var p3: [(String, String)] = []
        /// The result rows of each group, as column values over `p3` (alias `a`).
        var rows: [[String: String]] = []

        init(sql: ScoreSQL, fields: SQLRecordFields) {
            self.sql = sql
            self.fields = fields
        }

        /// A column of `p3` holding `expression` (over `p2` as `a`), as the result rows refer to it.
        mutating func derived(_ name: String, _ expression: String) -> String {
            p3.append((name, expression))
            return "a.\(name)"
        }

        /// A column of `cv` holding `expression`, by name.
        mutating func column(_ name: String, _ expression: String) -> String {
            cv.append((name, expression))
            return name
        }

        func id(_ name: String) -> String { dialect.identifier(name) }

        // MARK: The query

        mutating func query() throws(SQLCompileError) -> String {
            if let weight = sql.weightSource, case .table = weight.source {
                throw SQLCompileError(score: "--weight \(weight.name)", "weights from a table file have no SQL form yet; join the table to the responses in the engine, or weight by a meta key")
            }
            for (position, definition) in sql.questionnaire.scores.enumerated() {
                try score(definition, kind: ScorePlan.kind(of: definition, schema: sql.schema), position: position)
            }
            countColumns()
            var ctes = sourceCTEs()
            let g = groupColumns
            let keep = (["w", "status"] + g).joined(separator: ", ")
            let cvColumns = cv.isEmpty ? "" : ",\n  " + cv.map { "\($0.1) AS \($0.0)" }.joined(separator: ",\n  ")
            ctes.append(("cv", "SELECT *\(cvColumns)\nFROM resp"))
            // SPEC section 6: responses that are not complete are counted by status, not scored.
            ctes.append(("rec", "SELECT \(keep),\n  " + rec.map { "CASE WHEN status = 'complete' THEN \($0.1) END AS \($0.0)" }.joined(separator: ",\n  ") + "\nFROM cv"))
            let sums = p1.map { "\($0.1.hasPrefix("SUM(") ? "COALESCE(\($0.1), 0)" : $0.1) AS \($0.0)" }.joined(separator: ",\n  ")
            if g.isEmpty {
                ctes.append(("p1", "SELECT 'all' AS level,\n  \(sums)\nFROM rec"))
            } else {
                ctes.append(("p1", """
                    SELECT CASE WHEN GROUPING(g0) = 1 THEN 'all' ELSE 'group' END AS level, \(g.joined(separator: ", ")),
                      \(sums)
                    FROM rec GROUP BY GROUPING SETS ((), (\(g.joined(separator: ", "))))
                    """))
            }
            let carried = p1.map { "MAX(m.\($0.0)) AS \($0.0)" }
            let deviations = p2.map { "\($0.1) AS \($0.0)" }
            let list = (carried + deviations).joined(separator: ",\n  ")
            if g.isEmpty {
                ctes.append(("p2", "SELECT m.level,\n  \(list)\nFROM cv r CROSS JOIN p1 m\nWHERE r.status = 'complete'\nGROUP BY m.level"))
            } else {
                let equal = dialect == .duckdb ? "IS NOT DISTINCT FROM" : "<=>"
                let on = (["m.level = r.level"] + g.map { "m.\($0) \(equal) (CASE WHEN r.level = 'all' THEN NULL ELSE r.\($0) END)" })
                    .joined(separator: " AND ")
                let mg = g.map { "m.\($0)" }
                ctes.append(("p2", """
                    SELECT m.level, \(mg.joined(separator: ", ")),
                      \(list)
                    FROM (SELECT cv.*, l.level FROM cv CROSS JOIN (SELECT 'all' AS level UNION ALL SELECT 'group' AS level) l) r
                    JOIN p1 m ON \(on)
                    WHERE r.status = 'complete'
                    GROUP BY m.level, \(mg.joined(separator: ", "))
                    """))
            }
            ctes.append(("p3", "SELECT a.*" + p3.map { ",\n  \($0.1) AS \($0.0)" }.joined() + "\nFROM p2 a"))
            ctes.append(("scored", scored()))
            ctes.append(("tq", tTable()))
            let groups = sql.dimensions.enumerated().map { index, dimension in "s.g\(index) AS \(id(dimension.name))" }
            let t = "(CASE MAX(q.transform) WHEN 0 THEN EXP(SUM(\(term)) / s.t_df) WHEN 1 THEN EXP(SUM(\(term))) ELSE SUM(\(term)) END)"
            let select = (["s.level"] + groups + ["s.responses", "s.score", "s.method", "s.item", "s.n", "s.n_eff", "s.value",
                "CASE WHEN s.t_df IS NULL THEN s.ci_low ELSE s.value - \(t) * s.t_se END AS ci_low",
                "CASE WHEN s.t_df IS NULL THEN s.ci_high ELSE s.value + \(t) * s.t_se END AS ci_high",
                "s.sd", "s.alpha", "s.count", "s.promoters", "s.passives", "s.detractors"]).joined(separator: ",\n  ")
            let columns = ["level"] + groupColumns + ["responses"] + ScoreSQL.columns.map(\.name) + ["item_position", "t_df", "t_se"]
            var order = ["CASE s.level WHEN 'all' THEN 0 ELSE 1 END"]
            for (index, dimension) in sql.dimensions.enumerated() { order += groupOrder("s.g\(index)", dimension) }
            order += ["s.position", "CASE WHEN s.item IS NULL THEN 0 ELSE 1 END", "s.value DESC NULLS LAST", "s.item_position", "s.item"]
            let with = ctes.map { "\(id($0.0)) AS (\n\($0.1)\n)" }.joined(separator: ",\n")
            return """
            -- touchpoint sql: the scores of `\(sql.questionnaire.id)` (\(dialect.rawValue)), as `touchpoint score --format json` computes them.
            -- One row per group and score (drivers: also one per item); see docs/sql.md for the columns.
            WITH
            \(with)
            SELECT
              \(select)
            FROM scored s
            LEFT JOIN tq q ON s.t_df >= q.low AND s.t_df < q.high
            GROUP BY \(columns.map { "s.\($0)" }.joined(separator: ", "))
            ORDER BY \(order.joined(separator: ", "))

            """
        }

        /// One term of the Chebyshev sum of the t quantile at `s.t_df` (see `TQuantileTable`).
        var term: String {
            "q.c * COS(q.k * ACOS(GREATEST(-1E0, LEAST(1E0, (2E0 * (CASE q.transform WHEN 0 THEN s.t_df WHEN 1 THEN LN(s.t_df) ELSE 1E0 / s.t_df END) - q.a - q.b) / (q.b - q.a)))))"
        }

        /// Sort keys for one dimension's column: known values in their order, other values, missing last.
        func groupOrder(_ column: String, _ dimension: GroupDimension) -> [String] {
            let known = dimension.knownValues.enumerated().map { "WHEN \(dialect.string($0.element)) THEN \($0.offset)" }
            let rank = known.isEmpty ? "1" : "CASE \(column) \(known.joined(separator: " ")) ELSE 1000 END"
            return ["CASE WHEN s.level = 'all' THEN 0 WHEN \(column) IS NULL THEN 2 ELSE 1 END", rank, column]
        }

        /// The result rows: every group's rows, from one pass over `p2`.
        func scored() -> String {
            let types: [String: String] = ["text": dialect.text, "bigint": "BIGINT", "double": "DOUBLE"]
            let structs = rows.map { values -> String in
                var members: [(String, String)] = []
                for column in ScoreSQL.columns {
                    members.append((column.name, "CAST(\(values[column.name] ?? "NULL") AS \(types[column.type] ?? "DOUBLE"))"))
                }
                for name in ["item_position"] { members.append((name, "CAST(\(values[name] ?? "NULL") AS BIGINT)")) }
                for name in ["t_df", "t_se"] { members.append((name, "CAST(\(values[name] ?? "NULL") AS DOUBLE)")) }
                return dialect.structValue(members)
            }
            let g = groupColumns.map { "a.\($0) AS \($0)" }.joined(separator: ", ")
            let names = (ScoreSQL.columns.map(\.name) + ["item_position", "t_df", "t_se"]).map { "e.r.\($0) AS \($0)" }.joined(separator: ", ")
            return """
                SELECT e.level, \(groupColumns.map { "e.\($0)" }.joined(separator: ", "))\(groupColumns.isEmpty ? "" : ", ")e.responses, \(names)
                FROM (
                  SELECT a.level, \(g)\(g.isEmpty ? "" : ", ")a.responses, \(dialect.explode(dialect.array(structs))) AS r
                  FROM p3 a
                ) e
                WHERE NOT (e.r.method = 'status' AND e.r.n = 0) AND NOT (e.r.method = 'lines' AND e.level <> 'all')
                """
        }

        // MARK: Reading

        /// `src` (every non-blank line, parsed with the explicit schema), `lines` (which are kept) and `resp`
        /// (the responses scored, one per response_id).
        func sourceCTEs() -> [(String, String)] {
            var out: [(String, String)] = []
            var extra: [String] = []
            var checks = ["questionnaire IS NOT NULL", "questionnaire = \(dialect.string(sql.questionnaire.id))",
                          "response_id IS NOT NULL", "response_id <> ''",
                          "status IN (\(sql.questionnaire.statuses.map { dialect.string($0.rawValue) }.joined(separator: ", ")))"]
            if let weight = sql.weightSource {
                extra.append("\(weightExpression(weight)) AS w")
                checks.append("w IS NOT NULL AND w >= 0E0 AND w <= 1.7976931348623157E308")
            } else {
                extra.append("1E0 AS w")
            }
            if let period = sql.options.period {
                extra.append("\(periodExpression(period)) AS period_key")
                checks.append("(completed_at IS NULL OR \(timestamp("completed_at")) IS NOT NULL)")
            }
            for (index, dimension) in sql.dimensions.enumerated() {
                extra.append("\(groupExpression(dimension)) AS g\(index)")
            }
            let top = fields.topLevel
            switch dialect {
            case .duckdb:
                let columns = top.map { "\(dialect.string($0.name)): \(dialect.string($0.type.render(dialect)))" }.joined(separator: ",\n    ")
                out.append(("src", """
                    SELECT * FROM read_json(\(dialect.string(sql.source)), format = 'newline_delimited', ignore_errors = true,
                      filename = true, columns = {
                        \(columns)
                      })
                    """))
            case .spark:
                let ddl = top.map { "\(dialect.identifier($0.name)) \($0.type.render(dialect))" }.joined(separator: ", ")
                out.append(("src", """
                    SELECT p.j.*, p.filename FROM (
                      SELECT from_json(value, \(dialect.string(ddl))) AS j, input_file_name() AS filename
                      FROM text.\(dialect.identifier(sql.source))
                      WHERE TRIM(value) <> ''
                    ) p
                    """))
            }
            out.append(("lines", """
                SELECT *, CASE WHEN \(checks.joined(separator: "\n    AND ")) THEN 1 ELSE 0 END AS ok
                FROM (SELECT *, \(extra.joined(separator: ", ")) FROM src) x
                """))
            out.append(("resp", """
                SELECT * FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY response_id ORDER BY filename) AS copy FROM lines WHERE ok = 1
                ) d WHERE copy = 1
                """))
            return out
        }

        func timestamp(_ column: String) -> String {
            switch dialect {
            case .duckdb: "TRY_CAST(\(column) AS TIMESTAMPTZ)"
            case .spark: "to_utc_timestamp(TRY_CAST(\(column) AS TIMESTAMP), current_timezone())"
            }
        }

        func periodExpression(_ period: ScorePeriod) -> String {
            let ts = timestamp("completed_at")
            switch (dialect, period) {
            case (.duckdb, .day): return "strftime(timezone('UTC', \(ts)), '%Y-%m-%d')"
            case (.duckdb, .month): return "strftime(timezone('UTC', \(ts)), '%Y-%m')"
            case (.duckdb, .week): return "strftime(timezone('UTC', \(ts)), '%G-W%V')"
            case (.spark, .day): return "date_format(\(ts), 'yyyy-MM-dd')"
            case (.spark, .month): return "date_format(\(ts), 'yyyy-MM')"
            case (.spark, .week):
                return "concat(lpad(CAST(extract(YEAROFWEEK FROM \(ts)) AS STRING), 4, '0'), '-W', lpad(CAST(weekofyear(\(ts)) AS STRING), 2, '0'))"
            }
        }

        func groupExpression(_ dimension: GroupDimension) -> String {
            switch dimension.source {
            case .meta(let key, _):
                guard let entry = sql.schema.meta[key] else { return "CAST(NULL AS \(dialect.text))" }
                return groupText(fields.metaValue(key, entry: entry), SQLRecordFields.leafType(entry.question))
            case .question(let name, _):
                guard let entry = sql.schema.questions[name] else { return "CAST(NULL AS \(dialect.text))" }
                return groupText(fields.answer(entry), SQLRecordFields.leafType(entry.question))
            case .period:
                return "period_key"
            case .language:
                fields.language = true
                return "language"
            }
        }

        /// A group value as text: whole numbers without a decimal point (`3`, as in JSON), others as cast.
        func groupText(_ value: String, _ type: SQLType) -> String {
            guard type == .double else { return "CAST(\(value) AS \(dialect.text))" }
            return "(CASE WHEN \(value) = FLOOR(\(value)) AND ABS(\(value)) < 1E15 THEN CAST(CAST(\(value) AS BIGINT) AS \(dialect.text)) ELSE CAST(\(value) AS \(dialect.text)) END)"
        }

        func weightExpression(_ weight: WeightSource) -> String {
            switch weight.source {
            case .meta(let key, _):
                guard let entry = sql.schema.meta[key] else { return "CAST(NULL AS DOUBLE)" }
                let value = fields.metaValue(key, entry: entry)
                return SQLRecordFields.leafType(entry.question) == .text ? dialect.tryDouble(value) : "CAST(\(value) AS DOUBLE)"
            case .question(let name, _):
                guard let entry = sql.schema.questions[name] else { return "CAST(NULL AS DOUBLE)" }
                return "CAST(\(fields.answer(entry)) AS DOUBLE)"
            case .table:
                // Refused by `query()` before the source is written.
                return "CAST(NULL AS DOUBLE)"
            }
        }

        // MARK: Counts

        mutating func countColumns() {
            p1.append(("responses", "COUNT(*)"))
            rows.append(["method": dialect.string("responses"), "position": "-2", "n": "a.responses"])
            rows.append(["method": dialect.string("lines"), "position": "-1", "n": "(SELECT COUNT(*) FROM lines)",
                         "count": "(SELECT COUNT(*) FROM lines) - a.responses"])
            for (index, status) in sql.questionnaire.statuses.enumerated() {
                p1.append(("st\(index)", "SUM(CASE WHEN status = \(dialect.string(status.rawValue)) THEN 1 ELSE 0 END)"))
                rows.append(["method": dialect.string("status"), "item": dialect.string(status.rawValue), "position": "-1",
                             "item_position": "\(index)", "n": "a.st\(index)"])
            }
        }

        // MARK: Cases

        /// The cases of `readers` in a response (see `CaseLayout`): flat items give one case; items in loops
        /// one per loop answer where a deepest item has a value.
        mutating func cases(_ readers: [ItemReader], score: String) throws(SQLCompileError) -> CaseSet {
            let signatures = readers.map(\.signature)
            let deepest = signatures.map(\.count).max() ?? 0
            if deepest == 0 {
                var values: [String] = []
                for reader in readers { values.append(try value(reader, path: [])) }
                return CaseSet(values: [values], exists: ["TRUE"])
            }
            guard let longest = zip(readers, signatures).first(where: { $0.1.count == deepest })?.0 else {
                return CaseSet(values: [], exists: [])
            }
            var paths: [[String]] = [[]]
            for level in keyLevels(longest) { paths = paths.flatMap { path in level.map { path + [$0] } } }
            guard paths.count <= 1_000 else {
                throw SQLCompileError(score: score, "its items are keyed by \(paths.count) combinations of loop options and grid rows; at most 1,000 can be written out")
            }
            var set = CaseSet(values: [], exists: [])
            for path in paths {
                var values: [String] = []
                for (index, reader) in readers.enumerated() {
                    values.append(try value(reader, path: Array(path.prefix(signatures[index].count))))
                }
                set.values.append(values)
                let deepestValues = readers.indices.filter { signatures[$0].count == deepest }.map { "\(values[$0]) IS NOT NULL" }
                set.exists.append("(" + deepestValues.joined(separator: " OR ") + ")")
            }
            return set
        }

        /// The keys of each level of a reader's signature: its loops' option values, then a whole grid's rows.
        func keyLevels(_ reader: ItemReader) -> [[String]] {
            let loops: [ResponseSchema.LoopLevel] = reader.isComputed ? (sql.schema.computes[reader.id] ?? []) : (sql.schema.questions[reader.id]?.loops ?? [])
            var levels = loops.map(\.orderedKeys)
            if reader.wholeGrid, let question = sql.schema.questions[reader.id]?.question { levels.append(question.rows.map(\.id)) }
            return levels
        }

        /// The reader's value at a loop path as a DOUBLE (yes/no as 1 and 0, reversed items as min + max - x).
        func value(_ reader: ItemReader, path: [String]) throws(SQLCompileError) -> String {
            var access: String
            var leaf: SQLType
            if reader.isComputed {
                access = fields.computedValue(reader.id)
                leaf = SQLRecordFields.type(of: sql.table.computeTypes[reader.id] ?? .number)
            } else {
                guard let entry = sql.schema.questions[reader.id] else { return "CAST(NULL AS DOUBLE)" }
                access = fields.answer(entry)
                leaf = SQLRecordFields.leafType(entry.question)
            }
            let loopCount = reader.loops.count
            for key in path.prefix(loopCount) { access += "." + id(key) }
            let rowName = reader.row ?? (reader.wholeGrid ? path.dropFirst(loopCount).first : nil)
            if let rowName {
                access += "." + id(rowName)
                if case .structure(let rows) = leaf { leaf = rows.first(where: { $0.name == rowName })?.type ?? .text }
            }
            let number: String
            switch leaf {
            case .double: number = access
            case .bigint: number = "CAST(\(access) AS DOUBLE)"
            case .boolean: number = "(CASE WHEN \(access) THEN 1E0 WHEN NOT \(access) THEN 0E0 END)"
            default: return "CAST(NULL AS DOUBLE)"
            }
            guard let reversal = reader.reversal else { return number }
            return "(\(dialect.number(reversal)) - \(number))"
        }

        // MARK: Sums over a response's cases

        /// `Σ` over the cases of `expression` (NULL counts 0).
        func total(_ terms: [String]) -> String {
            terms.count == 1 ? "COALESCE(\(terms[0]), 0E0)" : "(" + terms.map { "COALESCE(\($0), 0E0)" }.joined(separator: " + ") + ")"
        }

        /// How many cases satisfy each condition.
        func tally(_ conditions: [String]) -> String {
            "(" + conditions.map { "(CASE WHEN \($0) THEN 1 ELSE 0 END)" }.joined(separator: " + ") + ")"
        }

        /// The smallest (or largest) of the values, NULL when there are none.
        func extreme(_ terms: [String], largest: Bool) -> String {
            terms.count == 1 ? terms[0] : "\(largest ? "GREATEST" : "LEAST")(\(terms.joined(separator: ", ")))"
        }

        // MARK: Scores

        mutating func score(_ definition: ScoreDefinition, kind: ScorePlan.Kind, position: Int) throws(SQLCompileError) {
            let tag = "s\(position)"
            let common: [String: String] = ["score": dialect.string(definition.id), "method": dialect.string(definition.method.rawValue),
                                            "position": "\(position)"]
            switch kind {
            case .nps(let item):
                try nps(tag, item, common: common, score: definition.id)
            case .box(let item, let box):
                let set = try cases([item], score: definition.id)
                let x = set.values.map { $0[0] }
                let threshold = dialect.number(box.threshold)
                rec.append(("\(tag)_n", tally(x.map { "\($0) IS NOT NULL" })))
                rec.append(("\(tag)_h", tally(x.map { box.isTop ? "\($0) >= \(threshold)" : "\($0) <= \(threshold)" })))
                share(tag, common: common)
            case .percent(let expr, let questions, let computes):
                guard definition.dontKnowInBase else {
                    throw SQLCompileError(score: definition.id, "`dont_know: excluded` has no SQL form yet")
                }
                let compiler = SQLRuleCompiler(fields: fields, score: definition.id)
                let hit = try compiler.condition(expr)
                var asked: [String] = []
                for question in questions {
                    guard let entry = sql.schema.questions[question.id] else { continue }
                    asked.append("\(fields.answer(entry)) IS NOT NULL")
                    asked.append("\(fields.missingReason(question.id)) IS NOT NULL")
                }
                for compute in computes { asked.append("\(fields.computedValue(compute.id)) IS NOT NULL") }
                let base = asked.isEmpty ? "TRUE" : "(" + asked.joined(separator: " OR ") + ")"
                rec.append(("\(tag)_n", "CASE WHEN \(base) THEN 1 ELSE 0 END"))
                rec.append(("\(tag)_h", "CASE WHEN \(base) AND \(hit) THEN 1 ELSE 0 END"))
                share(tag, common: common)
            case .scale(let layout, let isSum, let minAnswered, let alpha):
                try scale(tag, layout.readers, isSum: isSum, minAnswered: minAnswered, alpha: alpha, common: common, score: definition.id)
            case .drivers(let target, let items):
                try drivers(tag, target: target, items: items, common: common, score: definition.id)
            case .usability:
                throw SQLCompileError(score: definition.id, "the usability method `\(definition.method.rawValue)` has no SQL form yet; score it with `touchpoint score`")
            case .unavailable(let reason):
                throw SQLCompileError(score: definition.id, reason)
            }
        }

        /// `(Σw)² / Σw²` where it exists, from the score's columns `_sw`, `_sw2`.
        func kish(_ tag: String) -> String {
            "(CASE WHEN a.\(tag)_sw > 0E0 AND a.\(tag)_sw2 > 0E0 THEN a.\(tag)_sw * a.\(tag)_sw / a.\(tag)_sw2 END)"
        }

        /// The size intervals are computed with: `n`, or Kish's effective size when weighted.
        func size(_ tag: String, n: String) -> String {
            isWeighted ? kish(tag) : "CAST(\(n) AS DOUBLE)"
        }

        /// Weight totals of the score's cases: `_sw`, `_sw2` from the count column `count`.
        mutating func weightTotals(_ tag: String, count: String) {
            p1.append(("\(tag)_sw", "SUM(w * \(count))"))
            p1.append(("\(tag)_sw2", "SUM(w * w * \(count))"))
        }

        mutating func share(_ tag: String, common: [String: String]) {
            p1.append(("\(tag)_n", "SUM(\(tag)_n)"))
            p1.append(("\(tag)_h", "SUM(\(tag)_h)"))
            weightTotals(tag, count: "\(tag)_n")
            p1.append(("\(tag)_hw", "SUM(w * \(tag)_h)"))
            let n = "a.\(tag)_n", size = derived("\(tag)_size", self.size(tag, n: n))
            let exists = "\(n) > 0 AND \(size) IS NOT NULL"
            let p = derived("\(tag)_share", "CASE WHEN \(n) > 0 AND \(self.size(tag, n: n)) IS NOT NULL THEN \(isWeighted ? "a.\(tag)_hw / a.\(tag)_sw" : "CAST(a.\(tag)_h AS DOUBLE) / CAST(\(n) AS DOUBLE)") END")
            let z2 = "(\(z) * \(z))"
            let denominator = "(1E0 + \(z2) / \(size))"
            let centre = "((\(p) + \(z2) / (2E0 * \(size))) / \(denominator))"
            let half = "(\(z) * SQRT(\(p) * (1E0 - \(p)) / \(size) + \(z2) / (4E0 * \(size) * \(size))) / \(denominator))"
            var values = common
            values["n"] = n
            values["count"] = "a.\(tag)_h"
            values["value"] = "CASE WHEN \(exists) THEN 100E0 * \(p) END"
            if isWeighted { values["n_eff"] = "CASE WHEN \(exists) THEN \(size) END" }
            values["ci_low"] = "CASE WHEN \(exists) THEN 100E0 * LEAST(GREATEST(\(centre) - \(half), 0E0), 1E0) END"
            values["ci_high"] = "CASE WHEN \(exists) THEN 100E0 * LEAST(GREATEST(\(centre) + \(half), 0E0), 1E0) END"
            rows.append(values)
        }

        mutating func nps(_ tag: String, _ item: ItemReader, common: [String: String], score: String) throws(SQLCompileError) {
            let x = try cases([item], score: score).values.map { $0[0] }
            rec.append(("\(tag)_n", tally(x.map { "\($0) IS NOT NULL" })))
            rec.append(("\(tag)_p", tally(x.map { "ROUND(\($0)) >= 9E0" })))
            rec.append(("\(tag)_pa", tally(x.map { "ROUND(\($0)) >= 7E0 AND ROUND(\($0)) < 9E0" })))
            rec.append(("\(tag)_d", tally(x.map { "ROUND(\($0)) < 7E0" })))
            for column in ["n", "p", "pa", "d"] { p1.append(("\(tag)_\(column)", "SUM(\(tag)_\(column))")) }
            weightTotals(tag, count: "\(tag)_n")
            p1.append(("\(tag)_wp", "SUM(w * \(tag)_p)"))
            p1.append(("\(tag)_wd", "SUM(w * \(tag)_d)"))
            let n = "a.\(tag)_n", size = derived("\(tag)_size", self.size(tag, n: n))
            let exists = "\(n) > 0 AND \(size) IS NOT NULL"
            let guarded = "\(n) > 0 AND \(self.size(tag, n: n)) IS NOT NULL"
            let rawP = derived("\(tag)_pshare", "CASE WHEN \(guarded) THEN \(isWeighted ? "(a.\(tag)_wp / a.\(tag)_sw)" : "(CAST(a.\(tag)_p AS DOUBLE) / CAST(\(n) AS DOUBLE))") END")
            let rawD = derived("\(tag)_dshare", "CASE WHEN \(guarded) THEN \(isWeighted ? "(a.\(tag)_wd / a.\(tag)_sw)" : "(CAST(a.\(tag)_d AS DOUBLE) / CAST(\(n) AS DOUBLE))") END")
            let adjusted = sql.options.interval == .adjustedWald
            let m = adjusted ? "(\(size) + 3E0)" : size
            let p = adjusted ? "((\(rawP) * \(size) + 0.75E0) / \(m))" : rawP
            let d = adjusted ? "((\(rawD) * \(size) + 0.75E0) / \(m))" : rawD
            let difference = "(\(p) - \(d))"
            let half = "(\(z) * SQRT(GREATEST(\(p) + \(d) - \(difference) * \(difference), 0E0) / \(m)))"
            var values = common
            values["n"] = n
            values["value"] = "CASE WHEN \(exists) THEN 100E0 * (\(rawP) - \(rawD)) END"
            if isWeighted { values["n_eff"] = "CASE WHEN \(exists) THEN \(size) END" }
            values["ci_low"] = "CASE WHEN \(exists) THEN 100E0 * GREATEST(\(difference) - \(half), -1E0) END"
            values["ci_high"] = "CASE WHEN \(exists) THEN 100E0 * LEAST(\(difference) + \(half), 1E0) END"
            values["promoters"] = "CASE WHEN \(exists) THEN a.\(tag)_p ELSE 0 END"
            values["passives"] = "CASE WHEN \(exists) THEN a.\(tag)_pa ELSE 0 END"
            values["detractors"] = "CASE WHEN \(exists) THEN a.\(tag)_d ELSE 0 END"
            rows.append(values)
        }

        mutating func scale(_ tag: String, _ readers: [ItemReader], isSum: Bool, minAnswered: Int, alpha: Bool,
                            common: [String: String], score: String) throws(SQLCompileError) {
            let set = try cases(readers, score: score)
            var passes: [String] = [], values: [String] = [], completes: [String] = [], totals: [String] = []
            for (path, xs) in set.values.enumerated() {
                let answered = "(" + xs.map { "(CASE WHEN \($0) IS NULL THEN 0 ELSE 1 END)" }.joined(separator: " + ") + ")"
                let sum = "(" + xs.map { "COALESCE(\($0), 0E0)" }.joined(separator: " + ") + ")"
                let pass = "\(set.exists[path]) AND \(answered) >= \(minAnswered)"
                passes.append(pass)
                values.append(column("\(tag)_cv_v\(path)", "(CASE WHEN \(pass) THEN \(isSum ? sum : "\(sum) / \(answered)") END)"))
                if alpha {
                    completes.append(column("\(tag)_cv_k\(path)", "(" + xs.map { "\($0) IS NOT NULL" }.joined(separator: " AND ") + ")"))
                    totals.append(column("\(tag)_cv_t\(path)", "(CASE WHEN \(completes[path]) THEN \(sum) END)"))
                    for (item, x) in xs.enumerated() { _ = column("\(tag)_cv_c\(item)p\(path)", "(CASE WHEN \(completes[path]) THEN \(x) END)") }
                }
            }
            rec.append(("\(tag)_n", tally(passes)))
            rec.append(("\(tag)_x", total(values)))
            p1.append(("\(tag)_n", "SUM(\(tag)_n)"))
            p1.append(("\(tag)_x", "SUM(\(tag)_x)"))
            weightTotals(tag, count: "\(tag)_n")
            p1.append(("\(tag)_wx", "SUM(w * \(tag)_x)"))
            let mean = "(m.\(tag)_x / NULLIF(m.\(tag)_n, 0))", weightedMean = "(m.\(tag)_wx / NULLIF(m.\(tag)_sw, 0E0))"
            p2.append(("\(tag)_ss", "SUM(\(total(values.map { "(\($0) - \(mean)) * (\($0) - \(mean))" })))"))
            p2.append(("\(tag)_wss", "SUM(CASE WHEN w > 0E0 THEN w * \(total(values.map { "(\($0) - \(weightedMean)) * (\($0) - \(weightedMean))" })) ELSE 0E0 END)"))
            let n = "a.\(tag)_n", size = derived("\(tag)_size", self.size(tag, n: n))
            let exists = "\(n) > 0 AND \(size) IS NOT NULL"
            let spread = "\(exists) AND \(size) > 1E0"
            let value = isWeighted ? "(a.\(tag)_wx / a.\(tag)_sw)" : "(a.\(tag)_x / CAST(\(n) AS DOUBLE))"
            let sizeHere = self.size(tag, n: n)
            let variance = derived("\(tag)_var", "CASE WHEN \(n) > 0 AND \(sizeHere) > 1E0 THEN " + (isWeighted
                ? "(GREATEST(a.\(tag)_wss, 0E0) / a.\(tag)_sw * \(kish(tag)) / (\(kish(tag)) - 1E0))"
                : "(GREATEST(a.\(tag)_ss, 0E0) / (CAST(\(n) AS DOUBLE) - 1E0))") + " END")
            var row = common
            row["n"] = n
            row["value"] = "CASE WHEN \(exists) THEN \(value) END"
            if isWeighted { row["n_eff"] = "CASE WHEN \(exists) THEN \(size) END" }
            row["sd"] = "CASE WHEN \(spread) THEN SQRT(\(variance)) END"
            row["t_df"] = "CASE WHEN \(spread) AND \(size) - 1E0 >= \(dialect.number(TQuantileTable.minimumDegrees)) THEN \(size) - 1E0 END"
            row["t_se"] = "CASE WHEN \(spread) THEN SQRT(\(variance)) / SQRT(\(size)) END"
            if alpha {
                let k = readers.count
                rec.append(("\(tag)_c", tally(completes)))
                let itemColumns = (0..<k).map { item in set.values.indices.map { "\(tag)_cv_c\(item)p\($0)" } }
                for item in 0..<k {
                    rec.append(("\(tag)_c\(item)", total(itemColumns[item])))
                    p1.append(("\(tag)_c\(item)", "SUM(\(tag)_c\(item))"))
                }
                let completeTotals = totals
                rec.append(("\(tag)_ct", total(completeTotals)))
                rec.append(("\(tag)_ctmin", extreme(completeTotals, largest: false)))
                rec.append(("\(tag)_ctmax", extreme(completeTotals, largest: true)))
                p1.append(("\(tag)_c", "SUM(\(tag)_c)"))
                p1.append(("\(tag)_ct", "SUM(\(tag)_ct)"))
                p1.append(("\(tag)_ctmin", "MIN(\(tag)_ctmin)"))
                p1.append(("\(tag)_ctmax", "MAX(\(tag)_ctmax)"))
                for item in 0..<k {
                    let m = "(m.\(tag)_c\(item) / NULLIF(m.\(tag)_c, 0))"
                    let terms = itemColumns[item].map { "(\($0) - \(m)) * (\($0) - \(m))" }
                    p2.append(("\(tag)_cs\(item)", "SUM(\(total(terms)))"))
                }
                let mt = "(m.\(tag)_ct / NULLIF(m.\(tag)_c, 0))"
                p2.append(("\(tag)_cst", "SUM(\(total(completeTotals.map { "(\($0) - \(mt)) * (\($0) - \(mt))" })))"))
                let c = "CAST(a.\(tag)_c AS DOUBLE)"
                let itemVariance = (0..<k).map { "a.\(tag)_cs\($0) / (\(c) - 1E0)" }.joined(separator: " + ")
                let kk = dialect.number(Double(k))
                row["alpha"] = "CASE WHEN a.\(tag)_c >= 2 AND a.\(tag)_ctmin < a.\(tag)_ctmax THEN \(kk) / (\(kk) - 1E0) * (1E0 - (\(itemVariance)) / (a.\(tag)_cst / (\(c) - 1E0))) END"
            }
            rows.append(row)
        }

        mutating func drivers(_ tag: String, target: ItemReader, items: [CaseLayout], common: [String: String],
                              score: String) throws(SQLCompileError) {
            let targets = try cases([target], score: score).values.map { $0[0] }
            rec.append(("\(tag)_t", tally(targets.map { "\($0) IS NOT NULL" })))
            p1.append(("\(tag)_t", "SUM(\(tag)_t)"))
            var head = common
            head["n"] = "a.\(tag)_t"
            rows.append(head)
            for (index, layout) in items.enumerated() {
                let j = "\(tag)_\(index)"
                let set = try cases(layout.readers, score: score)
                let pairs = set.values.map { "\($0[0]) IS NOT NULL AND \($0[1]) IS NOT NULL" }
                var x: [String] = [], y: [String] = []
                for (path, (pair, values)) in zip(pairs, set.values).enumerated() {
                    x.append(column("\(j)_cv_x\(path)", "(CASE WHEN \(pair) THEN \(values[0]) END)"))
                    y.append(column("\(j)_cv_y\(path)", "(CASE WHEN \(pair) THEN \(values[1]) END)"))
                }
                rec.append(("\(j)_n", tally(pairs)))
                rec.append(("\(j)_x", total(x)))
                rec.append(("\(j)_y", total(y)))
                rec.append(("\(j)_xmin", extreme(x, largest: false)))
                rec.append(("\(j)_xmax", extreme(x, largest: true)))
                rec.append(("\(j)_ymin", extreme(y, largest: false)))
                rec.append(("\(j)_ymax", extreme(y, largest: true)))
                p1.append(("\(j)_n", "SUM(\(j)_n)"))
                weightTotals(j, count: "\(j)_n")
                p1.append(("\(j)_used", "SUM(CASE WHEN w > 0E0 THEN \(j)_n ELSE 0 END)"))
                p1.append(("\(j)_tw", "SUM(CASE WHEN w > 0E0 THEN w * \(j)_n ELSE 0E0 END)"))
                p1.append(("\(j)_wx", "SUM(CASE WHEN w > 0E0 THEN w * \(j)_x ELSE 0E0 END)"))
                p1.append(("\(j)_wy", "SUM(CASE WHEN w > 0E0 THEN w * \(j)_y ELSE 0E0 END)"))
                p1.append(("\(j)_xmin", "MIN(CASE WHEN w > 0E0 THEN \(j)_xmin END)"))
                p1.append(("\(j)_xmax", "MAX(CASE WHEN w > 0E0 THEN \(j)_xmax END)"))
                p1.append(("\(j)_ymin", "MIN(CASE WHEN w > 0E0 THEN \(j)_ymin END)"))
                p1.append(("\(j)_ymax", "MAX(CASE WHEN w > 0E0 THEN \(j)_ymax END)"))
                let mx = "(m.\(j)_wx / NULLIF(m.\(j)_tw, 0E0))", my = "(m.\(j)_wy / NULLIF(m.\(j)_tw, 0E0))"
                let dx = x.map { "(\($0) - \(mx))" }, dy = y.map { "(\($0) - \(my))" }
                p2.append(("\(j)_sxx", "SUM(CASE WHEN w > 0E0 THEN w * \(total(dx.map { "\($0) * \($0)" })) ELSE 0E0 END)"))
                p2.append(("\(j)_syy", "SUM(CASE WHEN w > 0E0 THEN w * \(total(dy.map { "\($0) * \($0)" })) ELSE 0E0 END)"))
                p2.append(("\(j)_sxy", "SUM(CASE WHEN w > 0E0 THEN w * \(total(zip(dx, dy).map { "\($0.0) * \($0.1)" })) ELSE 0E0 END)"))
                let sizeHere = self.size(j, n: "a.\(j)_n")
                let size = derived("\(j)_size", sizeHere)
                let definedHere = "a.\(j)_used >= 2 AND a.\(j)_xmin < a.\(j)_xmax AND a.\(j)_ymin < a.\(j)_ymax AND \(sizeHere) IS NOT NULL"
                let r = derived("\(j)_r", "CASE WHEN \(definedHere) THEN LEAST(GREATEST(a.\(j)_sxy / SQRT(a.\(j)_sxx * a.\(j)_syy), -1E0), 1E0) END")
                let defined = "\(r) IS NOT NULL"
                let fisher = "\(defined) AND \(size) > 3E0"
                let half = "(\(z) / SQRT(\(size) - 3E0))"
                var row = common
                row["item"] = dialect.string(layout.readers[0].name)
                row["item_position"] = "\(index)"
                row["n"] = "a.\(j)_n"
                row["value"] = "CASE WHEN \(defined) THEN \(r) END"
                if isWeighted { row["n_eff"] = "CASE WHEN \(defined) THEN \(size) END" }
                row["ci_low"] = "CASE WHEN \(fisher) THEN (CASE WHEN ABS(\(r)) = 1E0 THEN \(r) ELSE TANH(ATANH(\(r)) - \(half)) END) END"
                row["ci_high"] = "CASE WHEN \(fisher) THEN (CASE WHEN ABS(\(r)) = 1E0 THEN \(r) ELSE TANH(ATANH(\(r)) + \(half)) END) END"
                rows.append(row)
            }
        }

        // MARK: t quantiles

        func tTable() -> String {
            var rows: [String] = []
            for piece in TQuantileTable().pieces {
                for (k, c) in piece.coefficients.enumerated() {
                    rows.append("(\(piece.transform.rawValue), \(dialect.number(piece.low)), \(dialect.number(piece.high.isFinite ? piece.high : 1.7976931348623157e308)), \(dialect.number(piece.a)), \(dialect.number(piece.b)), \(k), \(dialect.number(c)))")
                }
            }
            return "SELECT * FROM (VALUES\n  " + rows.joined(separator: ",\n  ") + "\n) AS v(transform, low, high, a, b, k, c)"
        }
    }
}
