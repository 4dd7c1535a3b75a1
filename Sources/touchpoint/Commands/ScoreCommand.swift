import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint score FILE RESPONSES...`: CX metrics from collected responses (SPEC section 6).
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Compute the questionnaire's scores (NPS, top box, means, drivers, SUS, task completion...) from JSON-lines response files.",
        discussion: """
        Lines that are not scored (bad JSON, another questionnaire, answers that break the questionnaire's \
        rules, duplicate response_id, a torn last line) are reported on stderr as FILE:LINE: message and counted.

        Exit status: 0; 1 with --strict when a line was not scored; 2 usage or unreadable file.

        Examples:
          touchpoint score survey.yaml responses/survey.jsonl
          touchpoint score survey.yaml a.jsonl b.jsonl --by meta.segment --period month
          cat *.jsonl | touchpoint score survey.yaml - --format json
          touchpoint score usability_test.yaml responses/usability_test.jsonl
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Argument(help: "Response files (JSON lines); - reads standard input.", completion: .file())
    var responses: [String]

    @Option(name: .customLong("by"), help: "Group by a meta key (meta.x) or a single / yes_no question; repeat to cross groups.")
    var groupBy: [String] = []

    @Option(help: "Also group by the day, ISO week or month of completed_at, in UTC.")
    var period: ScorePeriod?

    @Option(help: "Weight each response by a meta key (meta.x) or a numeric question; a response without a usable weight is not scored.")
    var weight: String?

    @Option(help: "Interval around NPS values: wald or adjusted-wald.")
    var ci: NPSInterval = .wald

    @Option(help: "Output format: table, json or csv.")
    var format: ScoreFormat = .table

    @Option(help: ArgumentHelp("Decimal places of estimates in JSON (default 6); 17 for exact comparisons.", visibility: .hidden))
    var decimals: Int = ScoreNumber.decimals

    @Flag(help: "Exit with status 1 when any line was not scored.")
    var strict = false

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, failureCode: 2, color: colorOptions.choice)
        let options = ScoreOptions(groupBy: groupBy, period: period, weight: weight, interval: ci)
        var engine: ScoreEngine
        do {
            engine = try ScoreEngine(loaded.checked, options: options)
        } catch {
            Console.error("touchpoint: \(error)")
            throw ExitCode(2)
        }
        let sources = try ScoreSources.resolve(responses)
        let rejections = ScoreRejectionPrinter(color: colorOptions.enabled(fd: 2))
        for source in sources {
            do {
                try engine.read(source) { rejections.print($0) }
            } catch {
                Console.error("touchpoint: cannot read \(error.description)")
                throw ExitCode(2)
            }
        }
        let report = engine.report()
        rejections.summary(report.responses)
        let color = colorOptions.enabled(fd: 1)
        switch format {
        case .table: Console.out(ScoreTableFormatter(color: color, definitions: loaded.questionnaire.scores).render(report))
        case .json: Console.out(JSONWriter().string(report.json(places: min(max(decimals, 0), 17))))
        case .csv: Console.out(String(ScoreCSVFormatter().render(report).dropLast()))
        }
        throw ExitCode(strict && report.responses.rejected > 0 ? 1 : 0)
    }
}

/// The output formats of `score`.
enum ScoreFormat: String, CaseIterable, ExpressibleByArgument {
    case table, json, csv
}

extension ScorePeriod: ExpressibleByArgument {}
extension NPSInterval: ExpressibleByArgument {}
