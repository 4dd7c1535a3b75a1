/// Writes one SQL query that computes a questionnaire's scores over response JSON lines, on DuckDB or Spark,
/// with the figures `touchpoint score --format json` gives (SPEC sections 6 and 8).
///
/// The query reads the lines with an explicit schema (`SQLRecordFields`), keeps the lines `score` would keep
/// where SQL can tell (see docs/sql.md), and for each score builds its cases, one per value or loop answer as
/// `ScoreEngine` does, then aggregates them for all responses and for each group. Means and correlations take
/// two passes (the means first, then the sums of squared deviations from them), so they keep their digits
/// for any number of rows. The result has one row per group and score (and per driver item), plus rows for
/// the response counts and the statuses; see `columns`.
public struct ScoreSQL {
    public let questionnaire: Questionnaire
    public let options: ScoreOptions
    public let dialect: SQLDialect
    /// The file, folder glob or object-store path the query reads.
    public let source: String

    let schema: ResponseSchema
    let table: SymbolTable
    let dimensions: [GroupDimension]
    let weightSource: WeightSource?

    /// The result's columns, in order, with their SQL types.
    public static let columns: [(name: String, type: String)] = [
        ("score", "text"), ("method", "text"), ("item", "text"), ("position", "bigint"),
        ("n", "bigint"), ("n_eff", "double"), ("value", "double"), ("ci_low", "double"), ("ci_high", "double"),
        ("sd", "double"), ("alpha", "double"), ("count", "bigint"),
        ("promoters", "bigint"), ("passives", "bigint"), ("detractors", "bigint"),
    ]

    /// A writer for `questionnaire`; throws, as `ScoreEngine` does, when a `--by` or `--weight` name is unusable.
    public init(questionnaire: Questionnaire, table: SymbolTable, options: ScoreOptions, dialect: SQLDialect,
                source: String) throws(ScoreSetupError) {
        self.questionnaire = questionnaire
        self.options = options
        self.dialect = dialect
        self.source = source
        self.table = table
        let schema = ResponseSchema(questionnaire: questionnaire, table: table)
        self.schema = schema
        var dimensions: [GroupDimension] = []
        for name in options.groupBy {
            if dimensions.contains(where: { $0.name == name }) {
                throw ScoreSetupError(option: "--by \(name)", message: "is given twice; name each grouping once")
            }
            dimensions.append(try GroupDimension(name: name, schema: schema, reservingPeriod: options.period != nil))
        }
        if let period = options.period { dimensions.append(GroupDimension(period: period)) }
        self.dimensions = dimensions
        weightSource = try options.weight.map { name throws(ScoreSetupError) in try WeightSource(name: name, schema: schema) }
    }

    /// The query; throws for the first score that cannot be compiled.
    public func query() throws(SQLCompileError) -> String {
        var writer = Writer(sql: self, fields: SQLRecordFields(schema: schema, table: table, dialect: dialect))
        return try writer.query()
    }
}

extension ScoreSQL {
    /// Builds the query text; holds the CTEs written so far.
    struct Writer {
        let sql: ScoreSQL
        let fields: SQLRecordFields
        var ctes: [(String, String)] = []
        var rows: [String] = []
        var dialect: SQLDialect { sql.dialect }
        var groupColumns: [String] { sql.dimensions.indices.map { "g\($0)" } }
        var isWeighted: Bool { sql.weightSource != nil }
        let z = "1.959963984540054E0"

        init(sql: ScoreSQL, fields: SQLRecordFields) {
            self.sql = sql
            self.fields = fields
        }

        func id(_ name: String) -> String { dialect.identifier(name) }

        // MARK: The query

        mutating func query() throws(SQLCompileError) -> String {
            // Score blocks first: they declare the fields the source must read.
            var blocks: [(String, String)] = []
            var scoreRows: [String] = []
            for (position, definition) in sql.questionnaire.scores.enumerated() {
                let kind = ScorePlan.kind(of: definition, schema: sql.schema)
                let before = ctes.count
                let row = try score(definition, kind: kind, position: position)
                blocks += ctes[before...]
                ctes.removeSubrange(before...)
                scoreRows += row
            }
            let head = sourceCTEs()
            ctes = head + blocks
            let all = countRows() + scoreRows
            ctes.append(("scored", all.joined(separator: "\nUNION ALL\n")))
            ctes.append(("tq", tTable()))
            ctes.append(("tcrit", """
                SELECT d.df, MAX(q.transform) AS transform,
                  SUM(q.c * COS(q.k * ACOS(GREATEST(-1E0, LEAST(1E0, (2E0 * (CASE q.transform WHEN 0 THEN d.df WHEN 1 THEN LN(d.df) ELSE 1E0 / d.df END) - q.a - q.b) / (q.b - q.a)))))) AS f
                FROM (SELECT DISTINCT t_df AS df FROM scored WHERE t_df IS NOT NULL) d
                JOIN tq q ON d.df >= q.low AND d.df < q.high
                GROUP BY d.df
                """))
            let groups = sql.dimensions.enumerated().map { index, dimension in "s.g\(index) AS \(id(dimension.name))" }
            let t = "(CASE t.transform WHEN 0 THEN EXP(t.f / s.t_df) WHEN 1 THEN EXP(t.f) ELSE t.f END)"
            let select = (["s.level"] + groups + ["s.responses", "s.score", "s.method", "s.item", "s.n", "s.n_eff", "s.value",
                "CASE WHEN s.t_df IS NULL THEN s.ci_low ELSE s.value - \(t) * s.t_se END AS ci_low",
                "CASE WHEN s.t_df IS NULL THEN s.ci_high ELSE s.value + \(t) * s.t_se END AS ci_high",
                "s.sd", "s.alpha", "s.count", "s.promoters", "s.passives", "s.detractors"]).joined(separator: ",\n  ")
            var order = ["CASE s.level WHEN 'all' THEN 0 ELSE 1 END"]
            for (index, dimension) in sql.dimensions.enumerated() { order += groupOrder("s.g\(index)", dimension) }
            order += ["s.position", "CASE WHEN s.item IS NULL THEN 0 ELSE 1 END", "s.value DESC NULLS LAST", "s.item_position"]
            let with = ctes.map { "\(id($0.0)) AS (\n\($0.1)\n)" }.joined(separator: ",\n")
            return """
            -- touchpoint sql: the scores of `\(sql.questionnaire.id)` (\(dialect.rawValue)), as `touchpoint score --format json` computes them.
            -- One row per group and score (drivers: also one per item); see docs/sql.md for the columns.
            WITH
            \(with)
            SELECT
              \(select)
            FROM scored s
            LEFT JOIN tcrit t ON s.t_df = t.df
            ORDER BY \(order.joined(separator: ", "))

            """
        }

        /// Sort keys for one dimension's column: known values in their order, other values, missing last.
        func groupOrder(_ column: String, _ dimension: GroupDimension) -> [String] {
            let known = dimension.knownValues.enumerated().map { "WHEN \(dialect.string($0.element)) THEN \($0.offset)" }
            let rank = known.isEmpty ? "1" : "CASE \(column) \(known.joined(separator: " ")) ELSE 1000 END"
            return ["CASE WHEN s.level = 'all' THEN 0 WHEN \(column) IS NULL THEN 2 ELSE 1 END", rank, column]
        }

        // MARK: Reading

        /// `src` (every non-blank line, parsed with the explicit schema), `lines` (which are kept) and `resp`
        /// (the responses scored, one per response_id), and `groups`.
        mutating func sourceCTEs() -> [(String, String)] {
            var out: [(String, String)] = []
            if sql.options.period != nil { fields.completedAt = true }
            var extra: [String] = []
            var checks = ["questionnaire IS NOT NULL", "questionnaire = \(dialect.string(sql.questionnaire.id))",
                          "response_id IS NOT NULL", "response_id <> ''",
                          "status IN (\(EndStatus.allCases.map { dialect.string($0.rawValue) }.joined(separator: ", ")))"]
            if let weight = sql.weightSource {
                extra.append("\(weightExpression(weight)) AS w")
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
            if isWeighted { checks.append("w IS NOT NULL AND w >= 0E0 AND w <= 1.7976931348623157E308") }
            out.append(("lines", """
                SELECT *, \((["CASE WHEN \(checks.joined(separator: "\n    AND ")) THEN 1 ELSE 0 END AS ok"]).joined())
                FROM (SELECT *, \(extra.joined(separator: ", ")) FROM src) x
                """))
            out.append(("resp", """
                SELECT * FROM (
                  SELECT *, ROW_NUMBER() OVER (PARTITION BY response_id ORDER BY filename) AS copy FROM lines WHERE ok = 1
                ) d WHERE copy = 1
                """))
            let g = groupColumns
            var groups = "SELECT 'all' AS level, \(nullGroups()) COUNT(*) AS responses FROM resp"
            if !g.isEmpty {
                groups += "\nUNION ALL\nSELECT 'group' AS level, \(g.joined(separator: ", ")), COUNT(*) AS responses FROM resp GROUP BY \(g.joined(separator: ", "))"
            }
            out.append(("groups", groups))
            return out
        }

        func nullGroups(_ alias: String = "") -> String {
            groupColumns.map { "CAST(NULL AS \(dialect.text)) AS \($0), " }.joined()
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
            }
        }

        // MARK: Counts

        func countRows() -> [String] {
            var rows = [output(from: "groups g", [
                "score": "NULL", "method": dialect.string("responses"), "position": "-2", "n": "g.responses"])]
            rows.append(output(from: "(SELECT COUNT(*) AS n, SUM(ok) AS scored_lines FROM lines) c CROSS JOIN groups g", [
                "score": "NULL", "method": dialect.string("lines"), "position": "-1", "n": "c.n", "count": "c.n - (SELECT COUNT(*) FROM resp)"],
                where: "g.level = 'all'"))
            let g = groupColumns
            var statuses = "SELECT 'all' AS level, \(nullGroups()) status, COUNT(*) AS n FROM resp GROUP BY status"
            if !g.isEmpty {
                statuses += "\nUNION ALL\nSELECT 'group' AS level, \(g.joined(separator: ", ")), status, COUNT(*) AS n FROM resp GROUP BY \(g.joined(separator: ", ")), status"
            }
            rows.append(output(from: "groups g JOIN (\(statuses)) a ON \(joinCondition("a", "g"))", [
                "score": "NULL", "method": dialect.string("status"), "item": "a.status", "position": "-1", "n": "a.n"]))
            return rows
        }

        func joinCondition(_ a: String, _ g: String) -> String {
            let equal = dialect == .duckdb ? "IS NOT DISTINCT FROM" : "<=>"
            return (["\(a).level = \(g).level"] + groupColumns.map { "\(a).\($0) \(equal) \(g).\($0)" }).joined(separator: " AND ")
        }

        /// One SELECT of the `scored` union: every column, from `from` (which must give `g.level`, `g.responses`
        /// and the group columns as `g.gN`).
        func output(from: String, _ values: [String: String], where condition: String? = nil) -> String {
            let types: [String: String] = ["text": dialect.text, "bigint": "BIGINT", "double": "DOUBLE"]
            var columns = ["g.level AS level"] + groupColumns.map { "g.\($0) AS \($0)" } + ["g.responses AS responses"]
            for column in ScoreSQL.columns {
                let type = types[column.type] ?? "DOUBLE"
                columns.append("CAST(\(values[column.name] ?? "NULL") AS \(type)) AS \(column.name)")
            }
            columns.append("CAST(\(values["item_position"] ?? "NULL") AS BIGINT) AS item_position")
            columns.append("CAST(\(values["t_df"] ?? "NULL") AS DOUBLE) AS t_df")
            columns.append("CAST(\(values["t_se"] ?? "NULL") AS DOUBLE) AS t_se")
            var text = "SELECT " + columns.joined(separator: ", ") + "\nFROM " + from
            if let condition { text += "\nWHERE " + condition }
            return text
        }

        /// `SELECT` aggregates of `cases` for all responses and for each group, as one union.
        func aggregate(_ cases: String, _ selects: [String], where condition: String? = nil) -> String {
            let filter = condition.map { " WHERE \($0)" } ?? ""
            let list = selects.joined(separator: ", ")
            var text = "SELECT 'all' AS level, \(nullGroups())\(list) FROM \(cases)\(filter)"
            let g = groupColumns
            if !g.isEmpty {
                text += "\nUNION ALL\nSELECT 'group' AS level, \(g.joined(separator: ", ")), \(list) FROM \(cases)\(filter) GROUP BY \(g.joined(separator: ", "))"
            }
            return text
        }

        /// The second pass: sums over `cases` (alias c) with the first pass's figures of the same group (alias m).
        func deviations(_ cases: String, _ moments: String, _ selects: [String], extraKeys: [String] = []) -> String {
            let list = selects.joined(separator: ", ")
            let keys = extraKeys.map { "m.\($0) = c.\($0)" }
            let extraSelect = extraKeys.map { "c.\($0) AS \($0), " }.joined()
            let extraGroup = extraKeys.map { "c.\($0)" }
            var allJoin = (["m.level = 'all'"] + keys).joined(separator: " AND ")
            var text = "SELECT 'all' AS level, \(nullGroups())\(extraSelect)\(list) FROM \(cases) c JOIN \(moments) m ON \(allJoin)"
            if !extraGroup.isEmpty { text += " GROUP BY \(extraGroup.joined(separator: ", "))" }
            let g = groupColumns
            if !g.isEmpty {
                let equal = dialect == .duckdb ? "IS NOT DISTINCT FROM" : "<=>"
                allJoin = (["m.level = 'group'"] + g.map { "m.\($0) \(equal) c.\($0)" } + keys).joined(separator: " AND ")
                let cols = g.map { "c.\($0)" }
                text += "\nUNION ALL\nSELECT 'group' AS level, \(cols.map { "\($0) AS \($0.dropFirst(2))" }.joined(separator: ", ")), \(extraSelect)\(list) FROM \(cases) c JOIN \(moments) m ON \(allJoin) GROUP BY \((cols + extraGroup).joined(separator: ", "))"
            }
            return text
        }

        // MARK: Cases

        /// A CTE with one row per case of `readers` (see `CaseLayout`): the group columns, `w`, and `x0`,
        /// `x1`... (NULL where an item has no value). Flat items give one case per response; items in loops one
        /// per loop answer where a deepest item has a value.
        mutating func cases(_ name: String, _ readers: [ItemReader], score: String) throws(SQLCompileError) -> String {
            let signatures = readers.map(\.signature)
            let deepest = signatures.map(\.count).max() ?? 0
            let keep = (["w"] + groupColumns).joined(separator: ", ")
            if deepest == 0 {
                var values: [String] = []
                for (index, reader) in readers.enumerated() { values.append("\(try value(reader, path: [], score: score)) AS x\(index)") }
                ctes.append((name, "SELECT \(keep), \(values.joined(separator: ", ")) FROM resp"))
                return name
            }
            guard let longest = zip(readers, signatures).first(where: { $0.1.count == deepest })?.0 else { return name }
            let levels = keyLevels(longest)
            var paths: [[String]] = [[]]
            for level in levels { paths = paths.flatMap { path in level.map { path + [$0] } } }
            guard paths.count <= 10_000 else {
                throw SQLCompileError(score: score, "its items are keyed by \(paths.count) combinations of loop options and grid rows; at most 10,000 can be written out")
            }
            var structs: [String] = []
            for path in paths {
                var members: [(String, String)] = []
                for (index, reader) in readers.enumerated() {
                    let depth = signatures[index].count
                    members.append(("x\(index)", try value(reader, path: Array(path.prefix(depth)), score: score)))
                }
                structs.append(dialect.structValue(members))
            }
            let exists = readers.indices.filter { signatures[$0].count == deepest }.map { "c.x\($0) IS NOT NULL" }
            let xs = readers.indices.map { "c.x\($0) AS x\($0)" }.joined(separator: ", ")
            ctes.append((name, """
                SELECT \(keep), \(xs) FROM (
                  SELECT \(keep), \(dialect.explode(dialect.array(structs))) AS c FROM resp
                ) e WHERE \(exists.joined(separator: " OR "))
                """))
            return name
        }

        /// The keys of each level of a reader's signature: its loops' option values, then a whole grid's rows.
        func keyLevels(_ reader: ItemReader) -> [[String]] {
            let loops: [ResponseSchema.LoopLevel] = reader.isComputed ? (sql.schema.computes[reader.id] ?? []) : (sql.schema.questions[reader.id]?.loops ?? [])
            var levels = loops.map(\.orderedKeys)
            if reader.wholeGrid, let question = sql.schema.questions[reader.id]?.question { levels.append(question.rows.map(\.id)) }
            return levels
        }

        /// The reader's value at a loop path as a DOUBLE (yes/no as 1 and 0, reversed items as min + max - x).
        mutating func value(_ reader: ItemReader, path: [String], score: String) throws(SQLCompileError) -> String {
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
            if let row = reader.row {
                access += "." + id(row)
            } else if reader.wholeGrid, let row = path.dropFirst(loopCount).first {
                access += "." + id(row)
            }
            if case .structure(let rows) = leaf {
                let rowName = reader.row ?? path.dropFirst(loopCount).first
                leaf = rows.first(where: { $0.name == rowName })?.type ?? .text
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

        // MARK: Scores

        mutating func score(_ definition: ScoreDefinition, kind: ScorePlan.Kind, position: Int) throws(SQLCompileError) -> [String] {
            let tag = "s\(position)"
            let common: [String: String] = ["score": dialect.string(definition.id), "method": dialect.string(definition.method.rawValue),
                                            "position": "\(position)"]
            switch kind {
            case .nps(let item):
                return [try nps(tag, item, common: common, score: definition.id)]
            case .box(let item, let box):
                let cases = try cases("\(tag)_cases", [item], score: definition.id)
                let hit = box.isTop ? "x0 >= \(dialect.number(box.threshold))" : "x0 <= \(dialect.number(box.threshold))"
                ctes.append(("\(tag)_agg", aggregate(cases, shareSums(hit), where: "x0 IS NOT NULL")))
                return [share(tag, common: common)]
            case .percent(let expr, let questions, let computes):
                let compiler = SQLRuleCompiler(fields: fields, score: definition.id)
                let hit = try compiler.condition(expr)
                var asked: [String] = []
                for question in questions {
                    guard let entry = sql.schema.questions[question.id] else { continue }
                    asked.append("\(fields.answer(entry)) IS NOT NULL")
                    asked.append("\(fields.missingReason(question.id)) IS NOT NULL")
                }
                for compute in computes { asked.append("\(fields.computedValue(compute.id)) IS NOT NULL") }
                let keep = (["w"] + groupColumns).joined(separator: ", ")
                let base = asked.isEmpty ? "" : " WHERE \(asked.joined(separator: " OR "))"
                ctes.append(("\(tag)_cases", "SELECT \(keep), CASE WHEN \(hit) THEN 1 ELSE 0 END AS hit FROM resp\(base)"))
                ctes.append(("\(tag)_agg", aggregate("\(tag)_cases", shareSums("hit = 1"))))
                return [share(tag, common: common)]
            case .scale(let layout, let isSum, let minAnswered, let alpha):
                return [try scale(tag, layout.readers, isSum: isSum, minAnswered: minAnswered, alpha: alpha, common: common, score: definition.id)]
            case .drivers(let target, let items):
                return try drivers(tag, target: target, items: items, common: common, score: definition.id)
            case .unavailable(let reason):
                throw SQLCompileError(score: definition.id, reason)
            }
        }

        func shareSums(_ hit: String) -> [String] {
            ["COUNT(*) AS n", "SUM(CASE WHEN \(hit) THEN 1 ELSE 0 END) AS hits", "SUM(w) AS sw", "SUM(w * w) AS sw2",
             "SUM(CASE WHEN \(hit) THEN w ELSE 0E0 END) AS hw"]
        }

        /// `(Σw)² / Σw²` where it exists, from columns `sw`, `sw2` of alias `a`.
        func kish(_ a: String = "a") -> String {
            "(CASE WHEN \(a).sw > 0E0 AND \(a).sw2 > 0E0 THEN \(a).sw * \(a).sw / \(a).sw2 END)"
        }

        /// The size intervals are computed with: `n`, or Kish's effective size when weighted.
        func size(_ a: String = "a") -> String {
            isWeighted ? kish(a) : "CAST(\(a).n AS DOUBLE)"
        }

        func share(_ tag: String, common: [String: String]) -> String {
            // Columns of the estimate; `share` is NULL when there is none.
            let inner = """
                SELECT g.level, \(groupColumns.map { "g.\($0)" }.joined(separator: ", "))\(groupColumns.isEmpty ? "" : ", ")g.responses,
                  COALESCE(a.n, 0) AS n, COALESCE(a.hits, 0) AS hits, \(kish()) AS neff, \(size()) AS size,
                  CASE WHEN COALESCE(a.n, 0) > 0 AND \(size()) IS NOT NULL THEN \(isWeighted ? "a.hw / a.sw" : "CAST(a.hits AS DOUBLE) / CAST(a.n AS DOUBLE)") END AS p
                FROM groups g LEFT JOIN \(tag)_agg a ON \(joinCondition("a", "g"))
                """
            let p = "g.p", n = "g.size"
            let z2 = "(\(z) * \(z))"
            let denominator = "(1E0 + \(z2) / \(n))"
            let centre = "((\(p) + \(z2) / (2E0 * \(n))) / \(denominator))"
            let half = "(\(z) * SQRT(\(p) * (1E0 - \(p)) / \(n) + \(z2) / (4E0 * \(n) * \(n))) / \(denominator))"
            var values = common
            values["n"] = "g.n"
            values["count"] = "g.hits"
            values["value"] = "100E0 * \(p)"
            if isWeighted { values["n_eff"] = "CASE WHEN g.p IS NOT NULL THEN g.neff END" }
            values["ci_low"] = "CASE WHEN g.p IS NOT NULL THEN 100E0 * LEAST(GREATEST(\(centre) - \(half), 0E0), 1E0) END"
            values["ci_high"] = "CASE WHEN g.p IS NOT NULL THEN 100E0 * LEAST(GREATEST(\(centre) + \(half), 0E0), 1E0) END"
            return output(from: "(\(inner)) g", values)
        }

        mutating func nps(_ tag: String, _ item: ItemReader, common: [String: String], score: String) throws(SQLCompileError) -> String {
            let cases = try cases("\(tag)_cases", [item], score: score)
            let rating = "ROUND(x0)"
            let promoter = "\(rating) >= 9E0", passive = "\(rating) >= 7E0 AND \(rating) < 9E0", detractor = "\(rating) < 7E0"
            ctes.append(("\(tag)_agg", aggregate(cases, [
                "COUNT(*) AS n", "SUM(CASE WHEN \(promoter) THEN 1 ELSE 0 END) AS np", "SUM(CASE WHEN \(passive) THEN 1 ELSE 0 END) AS npa",
                "SUM(CASE WHEN \(detractor) THEN 1 ELSE 0 END) AS nd", "SUM(w) AS sw", "SUM(w * w) AS sw2",
                "SUM(CASE WHEN \(promoter) THEN w ELSE 0E0 END) AS wp", "SUM(CASE WHEN \(detractor) THEN w ELSE 0E0 END) AS wd",
            ], where: "x0 IS NOT NULL")))
            let inner = """
                SELECT g.level, \(groupColumns.map { "g.\($0)" }.joined(separator: ", "))\(groupColumns.isEmpty ? "" : ", ")g.responses,
                  COALESCE(a.n, 0) AS n, a.np, a.npa, a.nd, \(kish()) AS neff, \(size()) AS size,
                  CASE WHEN COALESCE(a.n, 0) > 0 AND \(size()) IS NOT NULL THEN \(isWeighted ? "a.wp / a.sw" : "CAST(a.np AS DOUBLE) / CAST(a.n AS DOUBLE)") END AS p,
                  CASE WHEN COALESCE(a.n, 0) > 0 AND \(size()) IS NOT NULL THEN \(isWeighted ? "a.wd / a.sw" : "CAST(a.nd AS DOUBLE) / CAST(a.n AS DOUBLE)") END AS d
                FROM groups g LEFT JOIN \(tag)_agg a ON \(joinCondition("a", "g"))
                """
            let adjusted = sql.options.interval == .adjustedWald
            let n = adjusted ? "(g.size + 3E0)" : "g.size"
            let p = adjusted ? "((g.p * g.size + 0.75E0) / \(n))" : "g.p"
            let d = adjusted ? "((g.d * g.size + 0.75E0) / \(n))" : "g.d"
            let difference = "(\(p) - \(d))"
            let half = "(\(z) * SQRT(GREATEST(\(p) + \(d) - \(difference) * \(difference), 0E0) / \(n)))"
            var values = common
            values["n"] = "g.n"
            values["value"] = "100E0 * (g.p - g.d)"
            if isWeighted { values["n_eff"] = "CASE WHEN g.p IS NOT NULL THEN g.neff END" }
            values["ci_low"] = "CASE WHEN g.p IS NOT NULL THEN 100E0 * GREATEST(\(difference) - \(half), -1E0) END"
            values["ci_high"] = "CASE WHEN g.p IS NOT NULL THEN 100E0 * LEAST(\(difference) + \(half), 1E0) END"
            values["promoters"] = "CASE WHEN g.p IS NOT NULL THEN g.np ELSE 0 END"
            values["passives"] = "CASE WHEN g.p IS NOT NULL THEN g.npa ELSE 0 END"
            values["detractors"] = "CASE WHEN g.p IS NOT NULL THEN g.nd ELSE 0 END"
            return output(from: "(\(inner)) g", values)
        }

        mutating func scale(_ tag: String, _ readers: [ItemReader], isSum: Bool, minAnswered: Int, alpha: Bool,
                            common: [String: String], score: String) throws(SQLCompileError) -> String {
            let raw = try cases("\(tag)_items", readers, score: score)
            let xs = readers.indices.map { "x\($0)" }
            let answered = xs.map { "(CASE WHEN \($0) IS NULL THEN 0 ELSE 1 END)" }.joined(separator: " + ")
            let total = xs.map { "COALESCE(\($0), 0E0)" }.joined(separator: " + ")
            let value = isSum ? "(\(total))" : "(\(total)) / NULLIF(\(answered), 0)"
            let complete = xs.map { "\($0) IS NOT NULL" }.joined(separator: " AND ")
            let keep = (["w"] + groupColumns).joined(separator: ", ")
            ctes.append(("\(tag)_cases", """
                SELECT \(keep), \(value) AS v, \(xs.joined(separator: ", ")), CASE WHEN \(complete) THEN 1 ELSE 0 END AS complete, \(total) AS total
                FROM \(raw) WHERE \(answered) >= \(minAnswered)
                """))
            var sums = ["COUNT(*) AS n", "SUM(v) AS sx", "SUM(w) AS sw", "SUM(w * w) AS sw2", "SUM(w * v) AS swx"]
            if alpha {
                sums += ["SUM(complete) AS nc", "MIN(CASE WHEN complete = 1 THEN total END) AS tmin", "MAX(CASE WHEN complete = 1 THEN total END) AS tmax",
                         "VAR_SAMP(CASE WHEN complete = 1 THEN total END) AS tvar"]
                sums += xs.map { "VAR_SAMP(CASE WHEN complete = 1 THEN \($0) END) AS var_\($0)" }
            }
            ctes.append(("\(tag)_mom", aggregate("\(tag)_cases", sums)))
            ctes.append(("\(tag)_dev", deviations("\(tag)_cases", "\(tag)_mom", [
                "SUM((c.v - m.sx / m.n) * (c.v - m.sx / m.n)) AS ss",
                "SUM(CASE WHEN c.w > 0E0 THEN c.w * (c.v - m.swx / NULLIF(m.sw, 0E0)) * (c.v - m.swx / NULLIF(m.sw, 0E0)) ELSE 0E0 END) AS wss",
            ])))
            let alphaColumns = alpha
                ? ", a.nc, a.tmin, a.tmax, a.tvar, (\(xs.map { "a.var_\($0)" }.joined(separator: " + "))) AS itemvar"
                : ""
            let inner = """
                SELECT g.level, \(groupColumns.map { "g.\($0)" }.joined(separator: ", "))\(groupColumns.isEmpty ? "" : ", ")g.responses,
                  COALESCE(a.n, 0) AS n, \(kish()) AS neff, \(size()) AS size,
                  CASE WHEN COALESCE(a.n, 0) > 0 AND \(size()) IS NOT NULL THEN \(isWeighted ? "a.swx / a.sw" : "a.sx / CAST(a.n AS DOUBLE)") END AS mean,
                  CASE WHEN \(size()) > 1E0 THEN \(isWeighted ? "GREATEST(d.wss, 0E0) / a.sw * \(kish()) / (\(kish()) - 1E0)" : "GREATEST(d.ss, 0E0) / (CAST(a.n AS DOUBLE) - 1E0)") END AS var\(alphaColumns)
                FROM groups g LEFT JOIN \(tag)_mom a ON \(joinCondition("a", "g")) LEFT JOIN \(tag)_dev d ON \(joinCondition("d", "g"))
                """
            let hasSpread = "g.mean IS NOT NULL AND g.size > 1E0"
            var values = common
            values["n"] = "g.n"
            values["value"] = "g.mean"
            if isWeighted { values["n_eff"] = "CASE WHEN g.mean IS NOT NULL THEN g.neff END" }
            values["sd"] = "CASE WHEN \(hasSpread) THEN SQRT(g.var) END"
            values["t_df"] = "CASE WHEN \(hasSpread) AND g.size - 1E0 >= \(dialect.number(TQuantileTable.minimumDegrees)) THEN g.size - 1E0 END"
            values["t_se"] = "CASE WHEN \(hasSpread) THEN SQRT(g.var) / SQRT(g.size) END"
            if alpha {
                let k = dialect.number(Double(readers.count))
                values["alpha"] = "CASE WHEN g.nc >= 2 AND g.tmin < g.tmax THEN \(k) / (\(k) - 1E0) * (1E0 - g.itemvar / g.tvar) END"
            }
            return output(from: "(\(inner)) g", values)
        }

        mutating func drivers(_ tag: String, target: ItemReader, items: [CaseLayout], common: [String: String],
                              score: String) throws(SQLCompileError) -> [String] {
            let targets = try cases("\(tag)_targets", [target], score: score)
            ctes.append(("\(tag)_tn", aggregate(targets, ["COUNT(*) AS n"], where: "x0 IS NOT NULL")))
            var values = common
            values["n"] = "COALESCE(a.n, 0)"
            var rows = [output(from: "groups g LEFT JOIN \(tag)_tn a ON \(joinCondition("a", "g"))", values)]
            var parts: [String] = []
            let keep = (["w"] + groupColumns).joined(separator: ", ")
            for (index, layout) in items.enumerated() {
                let pairs = try cases("\(tag)_i\(index)", layout.readers, score: score)
                parts.append("SELECT \(keep), \(index) AS j, x0 AS x, x1 AS y FROM \(pairs) WHERE x0 IS NOT NULL AND x1 IS NOT NULL")
            }
            guard !parts.isEmpty else { return rows }
            ctes.append(("\(tag)_pairs", parts.joined(separator: "\nUNION ALL\n")))
            let positive = "w > 0E0"
            let sumsSelect = [
                "COUNT(*) AS n", "SUM(w) AS sw", "SUM(w * w) AS sw2",
                "SUM(CASE WHEN \(positive) THEN 1 ELSE 0 END) AS used", "SUM(CASE WHEN \(positive) THEN w ELSE 0E0 END) AS tw",
                "SUM(CASE WHEN \(positive) THEN w * x ELSE 0E0 END) AS swx", "SUM(CASE WHEN \(positive) THEN w * y ELSE 0E0 END) AS swy",
                "MIN(CASE WHEN \(positive) THEN x END) AS xmin", "MAX(CASE WHEN \(positive) THEN x END) AS xmax",
                "MIN(CASE WHEN \(positive) THEN y END) AS ymin", "MAX(CASE WHEN \(positive) THEN y END) AS ymax",
            ]
            // Aggregated per item: the item index is one more grouping key.
            let list = sumsSelect.joined(separator: ", ")
            var agg = "SELECT 'all' AS level, \(nullGroups())j, \(list) FROM \(tag)_pairs GROUP BY j"
            if !groupColumns.isEmpty {
                let g = groupColumns.joined(separator: ", ")
                agg += "\nUNION ALL\nSELECT 'group' AS level, \(g), j, \(list) FROM \(tag)_pairs GROUP BY \(g), j"
            }
            ctes.append(("\(tag)_mom", agg))
            let mx = "(m.swx / NULLIF(m.tw, 0E0))", my = "(m.swy / NULLIF(m.tw, 0E0))"
            ctes.append(("\(tag)_dev", deviations("\(tag)_pairs", "\(tag)_mom", [
                "SUM(CASE WHEN c.w > 0E0 THEN c.w * (c.x - \(mx)) * (c.x - \(mx)) ELSE 0E0 END) AS sxx",
                "SUM(CASE WHEN c.w > 0E0 THEN c.w * (c.y - \(my)) * (c.y - \(my)) ELSE 0E0 END) AS syy",
                "SUM(CASE WHEN c.w > 0E0 THEN c.w * (c.x - \(mx)) * (c.y - \(my)) ELSE 0E0 END) AS sxy",
            ], extraKeys: ["j"])))
            let names = items.enumerated().map { "WHEN \($0.offset) THEN \(dialect.string($0.element.readers[0].name))" }.joined(separator: " ")
            let items = (0..<items.count).map { "SELECT \($0) AS j" }.joined(separator: " UNION ALL ")
            let join = joinCondition("a", "g") + " AND a.j = i.j"
            let inner = """
                SELECT g.level, \(groupColumns.map { "g.\($0)" }.joined(separator: ", "))\(groupColumns.isEmpty ? "" : ", ")g.responses, i.j,
                  COALESCE(a.n, 0) AS n, \(kish()) AS neff, \(size()) AS size,
                  CASE WHEN a.used >= 2 AND a.xmin < a.xmax AND a.ymin < a.ymax AND \(size()) IS NOT NULL
                    THEN LEAST(GREATEST(d.sxy / SQRT(d.sxx * d.syy), -1E0), 1E0) END AS r
                FROM groups g CROSS JOIN (\(items)) i
                LEFT JOIN \(tag)_mom a ON \(join)
                LEFT JOIN \(tag)_dev d ON \(joinCondition("d", "g")) AND d.j = i.j
                """
            let half = "(\(z) / SQRT(g.size - 3E0))"
            var itemValues = common
            itemValues["item"] = "CASE g.j \(names) END"
            itemValues["item_position"] = "g.j"
            itemValues["n"] = "g.n"
            itemValues["value"] = "g.r"
            if isWeighted { itemValues["n_eff"] = "CASE WHEN g.r IS NOT NULL THEN g.neff END" }
            let fisher = "g.r IS NOT NULL AND g.size > 3E0"
            itemValues["ci_low"] = "CASE WHEN \(fisher) THEN (CASE WHEN ABS(g.r) = 1E0 THEN g.r ELSE TANH(ATANH(g.r) - \(half)) END) END"
            itemValues["ci_high"] = "CASE WHEN \(fisher) THEN (CASE WHEN ABS(g.r) = 1E0 THEN g.r ELSE TANH(ATANH(g.r) + \(half)) END) END"
            rows.append(output(from: "(\(inner)) g", itemValues))
            return rows
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
