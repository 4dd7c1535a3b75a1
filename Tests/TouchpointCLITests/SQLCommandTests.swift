import Foundation
import Testing

/// `touchpoint sql`: the queries it prints for both dialects (golden files), and its exit codes.
///
/// The figures the queries compute are checked against `score` on real engines by the interop checks
/// (Tests/interop/checks/sql_duckdb.sh and sql_spark.sh); these tests pin the text and the errors.
@Suite("sql command")
struct SQLCommandTests {
    private func workspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.copyBundled("customer_journey")
        try workspace.write("sql_scores.yaml", bytes: try Workspace.readBytes(Workspace.repositoryRoot + "/Tests/interop/sql/sql_scores.yaml"))
        return workspace
    }

    static let cases: [(name: String, arguments: [String])] = [
        ("sql-customer_journey-duckdb.sql", ["questionnaires/customer_journey.yaml", "--dialect", "duckdb"]),
        ("sql-customer_journey-spark.sql", ["questionnaires/customer_journey.yaml", "--dialect", "spark", "--by", "meta.segment",
                                            "--period", "month", "--source", "hdfs:///cx/responses/*.jsonl"]),
        ("sql-sql_scores-duckdb.sql", ["sql_scores.yaml", "--dialect", "duckdb", "--by", "meta.region", "--by", "consent",
                                       "--period", "week", "--source", "responses/*.jsonl"]),
        ("sql-sql_scores-spark.sql", ["sql_scores.yaml", "--dialect", "spark", "--weight", "meta.weight", "--ci", "adjusted-wald",
                                      "--source", "s3a://cx/responses/*.jsonl"]),
    ]

    @Test(arguments: cases.indices)
    func theQueryIsTheOneTheGoldenFileShows(index: Int) throws {
        let (name, arguments) = Self.cases[index]
        let result = try workspace().run(["sql"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        try Golden.check(result.stdout, name)
    }

    @Test func aScoreThatCannotBeCompiledExitsOneAndNamesIt() throws {
        let workspace = try workspace()
        try workspace.write("loops.yaml", """
            touchpoint: 1
            id: loops
            title: Two loops
            questions:
              - {id: used, type: multi, options: [app, web], text: Used?}
              - section: per_use
                for_each: used
                questions:
                  - {id: use_sat, type: scale, min: 1, max: 5, text: "Satisfied with {item}?"}
              - {id: bought, type: multi, options: [tv, radio], text: Bought?}
              - section: per_buy
                for_each: bought
                questions:
                  - {id: buy_sat, type: scale, min: 1, max: 5, text: "Satisfied with {item}?"}
            scores:
              overall: {method: mean, items: [use_sat, buy_sat]}
            """)
        let result = try workspace.run(["sql", "loops.yaml", "--dialect", "duckdb"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("score `overall` cannot be compiled to SQL"), "\(result.stderr)")
        #expect(result.stderr.contains("buy_sat"), "\(result.stderr)")
    }

    @Test func anUnknownGroupingIsAUsageError() throws {
        let result = try workspace().run(["sql", "questionnaires/customer_journey.yaml", "--dialect", "spark", "--by", "meta.segmnet"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("did you mean `meta.segment`?"), "\(result.stderr)")
    }

    @Test func aMissingDialectOrFileIsAUsageError() throws {
        let workspace = try workspace()
        #expect(try workspace.run(["sql", "questionnaires/customer_journey.yaml"]).status == 2)
        #expect(try workspace.run(["sql", "nowhere.yaml", "--dialect", "duckdb"]).status == 2)
        #expect(try workspace.run(["sql", "questionnaires/customer_journey.yaml", "--dialect", "oracle"]).status == 2)
    }

    @Test func helpShowsAnExample() throws {
        let result = try workspace().run(["sql", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("touchpoint sql survey.yaml --dialect duckdb"))
    }
}
