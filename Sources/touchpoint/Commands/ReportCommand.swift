import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointReport

/// `touchpoint report FILE RESPONSES...`: one self-contained HTML page with the scores and their charts (SPEC section 8).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one self-contained HTML page with the scores and their charts.",
        discussion: """
        The page needs no network and no script: inline style, charts as inline SVG, every text from files and \
        answers escaped; it prints to PDF from any browser. It holds the headline scores, each score by --by \
        group with significance marks, the trend per period, the journey matrix of each loop over stages, the \
        key-drivers quadrant, detractors' open answers and the counts by status (see docs/report.md).

        Lines that are not scored are reported on stderr as by `score`. Without --period the trend uses the \
        finest of day, week and month that gives at most 24 periods.

        Exit status: 0; 2 usage, unreadable input or unwritable output.

        Examples:
          touchpoint report survey.yaml responses/survey.jsonl --by meta.segment --out report.html
          touchpoint simulate survey.yaml -n 2000 --out sim.jsonl && touchpoint report survey.yaml sim.jsonl --lang zh --out -
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Argument(help: "Response files (JSON lines); - reads standard input.")
    var responses: [String]

    @Option(name: .customLong("by"), help: "Compare groups of a meta key (meta.x) or a single / yes_no question.")
    var groupBy: String?

    @Option(help: "Trend period: day, week or month of completed_at, in UTC (default: chosen from the data's span).")
    var period: ScorePeriod?

    @Option(help: "The page's language (default: the questionnaire's first).")
    var lang: String?

    @Option(help: "Where to write the page; - writes it to standard output (default: <questionnaire id>-report.html).")
    var out: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, failureCode: 2)
        var builder: ReportBuilder
        do {
            builder = try ReportBuilder(loaded.checked,
                                        options: ReportOptions(groupBy: groupBy, period: period, language: lang))
        } catch {
            Console.error("touchpoint: \(error)")
            throw ExitCode(2)
        }
        let sources = try ScoreSources.resolve(responses)
        let rejections = ScoreRejectionPrinter(color: colorOptions.enabled(fd: 2))
        for source in sources {
            do {
                try builder.read(source) { rejections.print($0) }
            } catch {
                Console.error("touchpoint: cannot read \(error)")
                throw ExitCode(2)
            }
        }
        let data = builder.data()
        rejections.summary(data.scores.responses)
        let html = ReportPage.html(data)
        let path = out ?? "\(loaded.questionnaire.id)-report.html"
        if path == "-" {
            FileHandle.standardOutput.write(Data(html.utf8))
            return
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            Console.error("touchpoint: cannot write \(path): the folder \(folder) does not exist; create it or choose another --out")
            throw ExitCode(2)
        }
        do {
            try Data(html.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Console.error("touchpoint: cannot write \(path): \(error.localizedDescription); choose a writable --out path")
            throw ExitCode(2)
        }
        Console.error("touchpoint: wrote \(path)")
    }
}
