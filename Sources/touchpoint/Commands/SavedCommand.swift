import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// `touchpoint saved FILE`: the saved (unfinished) interviews of a questionnaire, and `--discard ID` to remove one.
struct SavedCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "saved",
        abstract: "List the saved (unfinished) interviews of a questionnaire; --discard ID removes one.",
        discussion: """
        Lists each interview saved under the output folder's .partial/ (the folder of --out, as given to run): \
        its id, respondent, interviewer, meta, answers so far, the question it would continue at with the file \
        as it is now, and when it was saved. Continue one with `touchpoint run FILE --resume ID`.

        --discard removes one saved interview for good (an id, or the start of one). At a terminal it asks \
        first unless --yes is given; otherwise it does not ask.

        Exit status: 0 done; 1 the file is not a valid questionnaire, or --discard names no saved interview \
        of it; 2 usage or a file that cannot be read.

        Examples:
          touchpoint saved questionnaires/service.yaml
          touchpoint saved survey.yaml --out field/day1.jsonl --discard 3f2a6c1e
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(help: "Response file whose folder holds the saved interviews (default: responses/<questionnaire id>.jsonl).",
            completion: .file())
    var out: String?

    @Option(help: ArgumentHelp("Remove the saved interview with this id (or the start of its id).", valueName: "ID"))
    var discard: String?

    @Flag(name: [.customShort("y"), .long], help: "With --discard: do not ask, even at a terminal.")
    var yes = false

    @Option(help: "Output format: text or json.")
    var format: SavedFormat = .text

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, color: colorOptions.choice)
        let q = loaded.questionnaire
        let store = ResponseStore(outputPath: out ?? ResponseStore.defaultOutputPath(questionnaireID: q.id))
        let printer = SavedInterviewPrinter(checked: loaded.checked, sha256: SHA256.hex(loaded.bytes),
                                            style: Style(colorEnabled: format == .text && Console.colorEnabled(fd: STDOUT_FILENO, choice: colorOptions.choice)))
        if let discard {
            try remove(discard, store: store, questionnaire: q.id, printer: printer)
            return
        }
        let listing: SavedInterview.Listing
        do {
            listing = try SavedInterview.scan(store, questionnaire: q.id)
        } catch {
            Console.error("touchpoint: \(error.message)")
            throw ExitCode(1)
        }
        switch format {
        case .json:
            Console.out(JSONWriter().string(printer.json(listing, folder: store.partialFolder)))
        case .text:
            for line in text(listing, store: store, printer: printer) { Console.out(line) }
        }
    }

    /// The listing for people: a block per saved interview, then the damaged checkpoints, then what to do next.
    private func text(_ listing: SavedInterview.Listing, store: ResponseStore, printer: SavedInterviewPrinter) -> [String] {
        let id = printer.checked.questionnaire.id
        var lines: [String] = []
        if listing.saved.isEmpty {
            lines.append("No saved interviews of `\(id)` in \(store.partialFolder).")
        } else {
            let count = listing.saved.count
            lines.append("\(count) saved interview\(count == 1 ? "" : "s") of `\(id)` in \(store.partialFolder), the most recent first:")
            for saved in listing.saved {
                lines.append("")
                lines += printer.block(saved)
            }
        }
        if !listing.damaged.isEmpty {
            lines.append("")
            lines.append("Damaged checkpoints in \(store.partialFolder) (they cannot be resumed; remove one with --discard ID):")
            for damaged in listing.damaged {
                lines.append("  \(damaged.id)  \(TerminalSanitizer.neutralize(damaged.reason))")
            }
        }
        if !listing.saved.isEmpty {
            lines.append("")
            lines.append("Continue one with `\(runCommand) --resume ID`; remove one with `\(savedCommand) --discard ID`.")
        }
        return lines
    }

    /// Removes one saved interview, asking first at a terminal (unless `--yes`).
    private func remove(_ id: String, store: ResponseStore, questionnaire: String, printer: SavedInterviewPrinter) throws {
        let found: SavedInterview.Discarded
        do {
            found = try SavedInterview.find(id, in: store, questionnaire: questionnaire)
        } catch {
            Console.error("touchpoint: --discard \(id): \(error.message)")
            throw ExitCode(1)
        }
        let about: String
        switch found {
        case .saved(let saved): about = "\(saved.id) (\(printer.summary(saved)))"
        case .damaged(let id): about = "\(id) (a damaged checkpoint)"
        }
        if !yes && isatty(STDIN_FILENO) == 1 {
            print("Discard the saved interview \(about)? Its answers cannot be recovered. [y/N] ", terminator: "")
            Console.flush()
            let answer = (Swift.readLine() ?? "").trimmingCharacters(in: .whitespaces).lowercased()
            guard answer == "y" || answer == "yes" else {
                Console.out("Kept \(found.id).")
                return
            }
        }
        do {
            try SavedInterview.discard(found.id, in: store, questionnaire: questionnaire)
        } catch {
            Console.error("touchpoint: --discard \(id): \(error.message)")
            throw ExitCode(1)
        }
        switch format {
        case .json:
            Console.out(JSONWriter().string(.object(JSONObject([(key: "discarded", value: .string(found.id))]))))
        case .text:
            Console.out("Discarded \(about).")
        }
    }

    private var outFlag: String { out.map { " --out \(ShellWord.quoted($0))" } ?? "" }
    private var runCommand: String { "touchpoint run \(ShellWord.quoted(file))\(outFlag)" }
    private var savedCommand: String { "touchpoint saved \(ShellWord.quoted(file))\(outFlag)" }
}

/// The output formats of `saved`.
enum SavedFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
