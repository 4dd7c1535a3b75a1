/// Writes one SQL query that computes a questionnaire's scores over response JSON lines, on DuckDB or Spark,
/// with the figures `touchpoint score --format json` gives (SPEC sections 6 and 8).
///
/// The query reads the lines with an explicit schema (`SQLRecordFields`) and keeps the lines `score` would
/// keep where SQL can tell (see docs/sql.md). Then, in the shape that scales on a cluster:
/// - `rec`: one row per scored response with what it brings to every score: its cases are the values and
///   loop answers `ScoreEngine` reads (loop keys are known from the questionnaire, so a loop is a sum over
///   its keys, not a join), summed within the response;
/// - `p1`: one aggregation of all of them, for all responses and each group (`GROUPING SETS`);
/// - `p2`: a second pass over the responses joined with their groups' means, for the sums of squared deviations, so
///   that means, standard deviations, alpha and correlations keep their digits for any number of rows;
/// - `scored`: one row per group and score (drivers: and item), and the t quantiles of the mean intervals
///   from `TQuantileTable`.
/// The source is read twice (and once more to count its lines), whatever the number of scores.
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
    public init(_ checked: CheckedQuestionnaire, options: ScoreOptions, dialect: SQLDialect, source: String) throws(ScoreSetupError) {
        self.questionnaire = checked.questionnaire
        self.options = options
        self.dialect = dialect
        self.source = source
        self.table = checked.table
        let schema = ResponseSchema(checked)
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
        let fields = SQLRecordFields(schema: schema, table: table, dialect: dialect)
        if options.period != nil { fields.completedAt = true }
        var writer = Writer(sql: self, fields: fields)
        return try writer.query()
    }
}
