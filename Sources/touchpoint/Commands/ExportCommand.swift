import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointTerminal

/// `touchpoint export FILE RESPONSES...`: one row per response, as CSV or an SPSS system file (SPEC section 8).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write one row per response (every status) as CSV or SPSS .sav, with a codebook.",
        discussion: """
        Columns: response_id, status, respondent, interviewer, mode, language, started_at, completed_at, \
        meta_KEY for each meta key, then the questions in interview order (ID, ID_ITEM for a loop, ID_ROW for a \
        grid row, ID_VALUE 0/1 for each multi option, ID_other_text), then the computes. Choices are coded \
        (integer values are their own code, text values 1..n in option order); don't know -97, refused -98, \
        skipped -99; not asked is empty (system-missing in .sav). See docs/analysis.md.

        Exit status: 0; 1 with --strict when a line was not exported; 2 usage or unreadable file.

        Examples:
          touchpoint export survey.yaml responses/survey.jsonl --format csv --out survey.csv --bom
          touchpoint export survey.yaml responses/*.jsonl --format sav --lang zh --out survey.sav --codebook codebook.json
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Argument(help: "Response files (JSON lines); - reads standard input.")
    var responses: [String]

    @Option(help: "Output format: csv or sav.")
    var format: ExportFormat = .csv

    @Option(help: "Language of labels (default: the questionnaire's first).")
    var lang: String?

    @Option(help: "Write to this file instead of standard output.")
    var out: String?

    @Option(help: "Also write a codebook: CSV or JSON by the file's extension.")
    var codebook: String?

    @Flag(help: "Start the CSV with a UTF-8 byte order mark, for spreadsheet programs.")
    var bom = false

    @Flag(help: "Exit with status 1 when any line was not exported.")
    var strict = false

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        if let codebook, !(codebook.hasSuffix(".csv") || codebook.hasSuffix(".json")) {
            Console.error("touchpoint: --codebook \(codebook): name a .csv or .json file")
            throw ExitCode(2)
        }
        if format == .sav, out == nil, isatty(1) != 0 {
            Console.error("touchpoint: a .sav file is binary; give --out PATH or redirect standard output")
            throw ExitCode(2)
        }
        let input = try AnalysisInput.load(file, responses, language: lang, color: colorOptions, verb: "exported")
        let questionnaire = input.loaded.questionnaire
        let layout = ExportLayout(questionnaire: questionnaire, table: input.loaded.table, language: lang)
        let table = ExportTable(layout: layout, records: input.records, questionnaire: questionnaire)
        let bytes: [UInt8]
        switch format {
        case .csv:
            bytes = CSVExportWriter(byteOrderMark: bom).bytes(table)
        case .sav:
            let now = Date()
            let date = DateFormatter()
            date.locale = Locale(identifier: "en_US_POSIX")
            date.timeZone = TimeZone(identifier: "UTC")
            date.dateFormat = "dd MMM yy"
            let time = DateFormatter()
            time.locale = date.locale
            time.timeZone = date.timeZone
            time.dateFormat = "HH:mm:ss"
            let title = questionnaire.title?.text(layout.language) ?? questionnaire.id
            bytes = SAVWriter(creationDate: date.string(from: now), creationTime: time.string(from: now), fileLabel: title).bytes(table)
        }
        try Self.write(bytes, to: out)
        if let codebook {
            let book = ExportCodebook(table: table)
            try Self.write(codebook.hasSuffix(".json") ? JSONWriter().bytes(book.json()) + [10] : book.csv(), to: codebook)
        }
        throw ExitCode(strict && input.counts.rejected > 0 ? 1 : 0)
    }

    /// Writes `bytes` to `path`, or to standard output when there is none.
    static func write(_ bytes: [UInt8], to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
        } catch {
            Console.error("touchpoint: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(2)
        }
    }
}

/// The formats of `export`.
enum ExportFormat: String, CaseIterable, ExpressibleByArgument {
    case csv, sav
}
