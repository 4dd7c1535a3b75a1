import ArgumentParser
import TouchpointCore

/// `touchpoint sql FILE --dialect duckdb|spark`: one query computing every declared score (SPEC sections 1 and 8).
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Print one SQL query (DuckDB or Spark) that computes the questionnaire's scores over response JSON lines.",
        discussion: """
        The query reads the lines with an explicit schema, keeps the lines `score` would keep where SQL can \
        tell (this questionnaire's records, one per response_id, with a usable weight), and returns the \
        figures of `touchpoint score --format json`: one row per group and score, drivers one per item, plus \
        rows for line, response and status counts. See docs/sql.md.

        Exit status: 0; 1 a score that cannot be compiled (the message names it); 2 usage or unreadable file.

        Examples:
          touchpoint sql survey.yaml --dialect duckdb --source 'responses/*.jsonl' | duckdb
          touchpoint sql survey.yaml --dialect spark --by meta.segment --period month \\
            --source 's3a://cx-bucket/responses/2026/*.jsonl' > scores.sql
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Option(help: "The SQL dialect: duckdb or spark.")
    var dialect: SQLDialect

    @Option(name: .customLong("by"), help: "Group by a meta key (meta.x) or a single / yes_no question; repeat to cross groups.")
    var groupBy: [String] = []

    @Option(help: "Also group by the day, ISO week or month of completed_at, in UTC.")
    var period: ScorePeriod?

    @Option(help: "Weight each response by a meta key (meta.x) or a numeric question.")
    var weight: String?

    @Option(help: "Interval around NPS values: wald or adjusted-wald.")
    var ci: NPSInterval = .wald

    @Option(help: "The JSON-lines file, glob or object-store path the query reads (default: responses/<id>.jsonl).")
    var source: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output (the query is never coloured).")
    var noColor = false

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, failureCode: 2)
        let options = ScoreOptions(groupBy: groupBy, period: period, weight: weight, interval: ci)
        let writer: ScoreSQL
        do {
            writer = try ScoreSQL(loaded.checked, options: options, dialect: dialect,
                                  source: source ?? "responses/\(loaded.questionnaire.id).jsonl")
        } catch {
            Console.error("touchpoint: \(error)")
            throw ExitCode(2)
        }
        do {
            Console.out(try writer.query())
        } catch {
            Console.error("touchpoint: \(error)")
            throw ExitCode(1)
        }
    }
}

extension SQLDialect: ExpressibleByArgument {}
