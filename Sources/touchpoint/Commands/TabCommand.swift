import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint tab FILE RESPONSES... QUESTION`: frequencies, or a crosstab with `--by`, with the
/// significance of column differences (SPEC section 1).
struct TabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tab",
        abstract: "Frequencies of a question, or a crosstab with --by, with significance letters.",
        discussion: """
        Frequencies: count, % (of all asked), valid % (of those who answered), the base, and don't know, \
        refused, skipped and not asked. Crosstab: column % (valid), bases, * on bases under 30, and in each \
        cell the letters of the columns it is significantly higher than (column proportions z test, p < 0.05). \
        For single, multi, scale, nps, yes_no and grid questions; only complete responses. See docs/analysis.md.

        Exit status: 0; 2 usage, an unknown question or an unreadable file.

        Examples:
          touchpoint tab survey.yaml responses/survey.jsonl recommend
          touchpoint tab survey.yaml responses/survey.jsonl need_met --by meta.segment --lang zh
          touchpoint tab survey.yaml responses/survey.jsonl channel --by language --weight meta.weight --format csv
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Argument(help: "Response files (JSON lines), then the question id.")
    var responsesAndQuestion: [String]

    @Option(name: .customLong("by"), help: "Columns by a meta key (meta.x), language, or a single / yes_no question; repeat to cross them.")
    var groupBy: [String] = []

    @Option(help: "Weight by a meta key (meta.x) or a numeric question.")
    var weight: String?

    @Option(help: "Output format: table, json or csv.")
    var format: ScoreFormat = .table

    @Option(help: "Language of labels (default: the questionnaire's first).")
    var lang: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        guard responsesAndQuestion.count >= 2, let question = responsesAndQuestion.last else {
            Console.error("touchpoint tab: give the response files and then the question id, e.g. touchpoint tab survey.yaml responses.jsonl recommend")
            throw ExitCode(2)
        }
        let input = try AnalysisInput.load(file, Array(responsesAndQuestion.dropLast()), language: lang, color: colorOptions, verb: "tabulated")
        let builder = TabBuilder(questionnaire: input.loaded.questionnaire, table: input.loaded.table, language: lang)
        let tab: Tabulation
        do {
            tab = try builder.build(question, records: input.records, by: groupBy, weight: weight)
        } catch {
            Console.error("touchpoint: \(error.description)")
            throw ExitCode(2)
        }
        switch format {
        case .table: Console.out(TabTableFormatter(color: colorOptions.enabled(fd: 1)).render(tab))
        case .json: Console.out(JSONWriter().string(tab.json))
        case .csv: Console.out(String(tab.csv.dropLast()))
        }
    }
}
