import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// `touchpoint run FILE`: administer an interview at a terminal, from piped lines, or from scripted answers.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Administer an interview (interactive on a terminal, headless otherwise).",
        discussion: """
        At every prompt: :back (or <) previous question, :skip leave an optional question, :dk don't know, \
        :rf refused, ? help, :quit save and stop. Ctrl-C and Ctrl-D save the interview for --resume; \
        `touchpoint saved FILE` lists the saved interviews.

        Exit status: 0 all interviews ended; 1 rejected input (headless); 2 usage; 3 interview left unfinished.

        Examples:
          touchpoint run survey.yaml --lang zh --interviewer li
          touchpoint run survey.yaml --answers answers.jsonl
          touchpoint run survey.yaml --resume
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(help: "Response file (default: responses/<questionnaire id>.jsonl).", completion: .file())
    var out: String?

    @Option(help: "Respondent id recorded in the response.")
    var respondent: String?

    @Option(help: "Interviewer name recorded in the response.")
    var interviewer: String?

    @Option(help: "Interview language (one of the questionnaire's languages).")
    var lang: String?

    @Option(name: .customLong("set"), help: ArgumentHelp("A meta value, KEY=VALUE (repeatable).", valueName: "KEY=VALUE"))
    var meta: [String] = []

    @Option(help: ArgumentHelp("Scripted answers: a JSON object or JSON lines, one respondent each ('-' for stdin).", valueName: "FILE"),
            completion: .file())
    var answers: String?

    @Option(help: ArgumentHelp("Continue a saved interview; without an id, choose among the saved ones.", valueName: "ID"))
    var resume: String?

    @Option(help: "Seed for shuffled option orders (default: random).")
    var seed: UInt64?

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
        if answers != nil && resume != nil { throw ValidationError("--answers and --resume cannot be used together") }
    }

    func run() throws {
        try run(early: nil)
    }

    /// `run`, taking the check of the file started before the arguments were parsed (`EarlyCheck`), if any.
    func run(early: EarlyCheck?) throws {
        ResponseStore.ignoreFileSizeSignal()
        let interactive = isatty(STDIN_FILENO) == 1
        let seed = self.seed ?? UInt64.random(in: 1...UInt64.max)
        // A large file checked on another thread: its first screen is drawn from its head meanwhile (a person at a
        // terminal, starting a new interview), and kept only if the whole file gives the same one.
        var preview: FirstScreenPreview?
        if early != nil, interactive, isatty(STDOUT_FILENO) == 1, answers == nil, resume == nil {
            preview = FirstScreenPreview.show(path: file, metaPairs: meta) { makeSetup(for: $0, seed: seed) }
        }
        let setup: RunSetup
        do {
            let loaded = try LoadedQuestionnaire.load(file, failureCode: 2, analyseFlow: false, digest: true,
                                                      color: colorOptions.choice, early: early,
                                                      beforeErrors: { preview?.withdraw() })
            let q = loaded.questionnaire
            if let lang, !q.languages.isEmpty, !q.languages.contains(lang) {
                throw ValidationError("--lang \(lang): this questionnaire is in \(q.languages.joined(separator: ", "))")
            }
            var made = makeSetup(for: loaded, seed: seed)
            made.meta = try MetaArguments.parse(meta, checked: loaded.checked)
            setup = made
        } catch {
            preview?.withdraw()
            throw error
        }
        if let answers {
            throw ExitCode(HeadlessRun(setup: setup).run(answersPath: answers))
        }
        let reader: LineReader = interactive ? ReadlineLineReader() : PlainLineReader()
        let session = InterviewSession(setup: setup, reader: reader, interactive: interactive)
        throw ExitCode(session.run(resume: resume, preview: preview))
    }

    /// What the session needs of the command line, for `loaded` (its meta values parsed by the caller).
    private func makeSetup(for loaded: LoadedQuestionnaire, seed: UInt64) -> RunSetup {
        let store = ResponseStore(outputPath: out ?? ResponseStore.defaultOutputPath(questionnaireID: loaded.questionnaire.id))
        return RunSetup(loaded: loaded, sha256: loaded.sha256 ?? SHA256.hex(loaded.bytes), store: store, meta: [:], respondent: respondent,
                        interviewer: interviewer, language: lang, seed: seed, color: colorOptions.choice)
    }
}

/// Everything a run needs besides how lines are read.
struct RunSetup {
    var loaded: LoadedQuestionnaire
    var sha256: String
    var store: ResponseStore
    var meta: [String: Value]
    var respondent: String?
    var interviewer: String?
    var language: String?
    var seed: UInt64
    var color: ColorChoice

    var questionnaire: Questionnaire { loaded.questionnaire }
}
