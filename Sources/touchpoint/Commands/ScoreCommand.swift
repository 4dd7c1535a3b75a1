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
          touchpoint score survey.yaml r.jsonl --by language --compare pairwise
          touchpoint score survey.yaml r.jsonl --weights w.csv --weight-key respondent
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

    @Option(help: "Weights from a CSV file with the columns KEY,weight (KEY as --weight-key).")
    var weights: String?

    @Option(name: .customLong("weight-key"), help: "What the weights file's keys are: respondent or response_id.")
    var weightKey: WeightTable.Key = .respondent

    @Option(help: "With --by, compare each group with the rest of the responses (rest) or with every other group (pairwise).")
    var compare: ComparisonMode = .rest

    @Option(help: "Language of group labels in the table (json and csv keep the codes).")
    var lang: String?

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
        var options = ScoreOptions(groupBy: groupBy, period: period, weight: weight, interval: ci)
        options.weightTable = try ScoreWeightsFile.load(weights, key: weightKey, alongside: weight)
        if options.weightTable != nil { options.weight = weights }
        var engine: ScoreEngine
        do {
            engine = try ScoreEngine(loaded.checked, options: options)
        } catch {
            Console.error("touchpoint: \(error)")
            throw ExitCode(2)
        }
        let sources = try ScoreSources.resolve(responses)
        let rejections = RejectionDigest(color: colorOptions.enabled(fd: 2))
        for source in sources {
            do {
                try engine.read(source) { rejections.print($0) }
            } catch {
                Console.error("touchpoint: cannot read \(error.description)")
                throw ExitCode(2)
            }
        }
        let (report, comparisons) = engine.report(comparing: compare)
        rejections.summary(read: report.responses.read, rejected: report.responses.rejected)
        let statuses = engine.statusCounts
        let color = colorOptions.enabled(fd: 1)
        switch format {
        case .table:
            var formatter = ScoreTableFormatter(color: color, definitions: loaded.questionnaire.scores)
            formatter.groupLabel = GroupLabeler(questionnaire: loaded.questionnaire, table: loaded.table, language: lang).label
            // The status line goes under the heading line.
            var rendered = formatter.render(report).split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            rendered.insert(ScoreStatusLine.render(report.responses, statuses, color: color), at: min(1, rendered.count))
            if let quotas = ScoreStatusLine.quotas(engine.quotaFills, color: color) { rendered.insert(quotas, at: min(2, rendered.count)) }
            Console.out(rendered.joined(separator: "\n"))
            let differences = ScoreComparisonTable(color: color).render(report, comparisons, mode: compare)
            if !differences.isEmpty { Console.out(differences) }
        case .json where decimals != ScoreNumber.decimals:
            // Unrounded figures for exact comparisons (the interop checks of `touchpoint sql`): the scores only.
            Console.out(JSONWriter().string(report.json(places: min(max(decimals, 0), 17))))
        case .json: Console.out(JSONWriter().string(ScoreStatusLine.withQuotas(report.json(statuses: statuses, comparisons: comparisons),
                                                                               engine.quotaFills)))
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
extension ComparisonMode: ExpressibleByArgument {}
extension WeightTable.Key: ExpressibleByArgument {}
extension NPSInterval: ExpressibleByArgument {}
