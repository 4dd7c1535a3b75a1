import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint verbatims FILE RESPONSES... QUESTION`: the open-text answers to a question with who gave them.
struct VerbatimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verbatims",
        abstract: "List the open-text answers to a question, with respondent, segment and scores, for reading and coding.",
        discussion: """
        QUESTION is a text question, or ID_other for the text typed with an `other` choice. --by adds the \
        respondent's groups, --with the values of scores (an nps score shows the rating and promoter / passive \
        / detractor), questions, computes or meta.x; --when keeps only responses where an expression holds. \
        csv and json are for coding by theme in a spreadsheet or a script.

        Exit status: 0; 2 usage, an unknown question, a bad --when or an unreadable file.

        Examples:
          touchpoint verbatims survey.yaml responses/survey.jsonl reason --when "recommend <= 6" --with nps --by meta.segment
          touchpoint verbatims survey.yaml responses/survey.jsonl channel_other --format csv > other.csv
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Argument(help: "Response files (JSON lines), then the question id.")
    var responsesAndQuestion: [String]

    @Option(name: .customLong("by"), help: "Show the respondent's value of a meta key (meta.x), language or a question; repeatable.")
    var groupBy: [String] = []

    @Option(help: "Keep only responses where this expression holds, e.g. \"recommend <= 6\".")
    var when: String?

    @Option(name: .customLong("with"), help: "Show a score's (or question's, compute's, meta.x's) value for the respondent; repeatable.")
    var with: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: ScoreFormat = .table

    @Option(help: "Language of labels (default: the questionnaire's first).")
    var lang: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        guard responsesAndQuestion.count >= 2, let question = responsesAndQuestion.last else {
            Console.error("touchpoint verbatims: give the response files and then the question id, e.g. touchpoint verbatims survey.yaml responses.jsonl reason")
            throw ExitCode(2)
        }
        let input = try AnalysisInput.load(file, Array(responsesAndQuestion.dropLast()), language: lang, color: colorOptions, verb: "read")
        let collector = VerbatimCollector(questionnaire: input.loaded.questionnaire, table: input.loaded.table, language: lang)
        let verbatims: [Verbatim]
        do {
            let filter = try when.map { source throws(TabError) in try AnalysisFilter(source, table: input.loaded.table) }
            verbatims = try collector.collect(question, records: input.records, by: groupBy, when: filter, with: with)
        } catch {
            Console.error("touchpoint: \(error.description)")
            throw ExitCode(2)
        }
        let style = Style(colorEnabled: colorOptions.enabled(fd: 1))
        switch format {
        case .table:
            var lines: [String] = []
            for verbatim in verbatims {
                var head = [verbatim.respondent ?? "-", verbatim.responseID]
                if let item = verbatim.item { head.append("item \(item)") }
                head += zip(groupBy, verbatim.groups).map { "\($0): \($1)" }
                head += zip(with, verbatim.with).map { "\($0): \($1)" }
                lines.append(style.dim(TerminalSanitizer.neutralize(head.joined(separator: " · "))))
                for line in verbatim.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append("  " + TerminalSanitizer.neutralize(String(line)))
                }
            }
            lines.append(style.dim("\(verbatims.count) answer\(verbatims.count == 1 ? "" : "s") to \(question)"))
            Console.out(lines.joined(separator: "\n"))
        case .csv:
            let header = ["response_id", "respondent", "item"] + groupBy + with + ["text"]
            var lines = [header.map(CSVExportWriter.field).joined(separator: ",")]
            for v in verbatims {
                let fields = [v.responseID, v.respondent ?? "", v.item ?? ""] + v.groups + v.with + [v.text]
                lines.append(fields.map { CSVExportWriter.field(CSVExportWriter.neutralized($0)) }.joined(separator: ","))
            }
            Console.out(lines.joined(separator: "\n"))
        case .json:
            let items: [JSONValue] = verbatims.map { v in
                var object = JSONObject()
                object["response_id"] = .string(v.responseID)
                object["respondent"] = v.respondent.map(JSONValue.string) ?? .null
                object["item"] = v.item.map(JSONValue.string) ?? .null
                object["by"] = .object(JSONObject(zip(groupBy, v.groups).map { ($0, JSONValue.string($1)) }))
                object["with"] = .object(JSONObject(zip(with, v.with).map { ($0, JSONValue.string($1)) }))
                object["text"] = .string(v.text)
                return .object(object)
            }
            Console.out(JSONWriter().string(.array(items)))
        }
    }
}
