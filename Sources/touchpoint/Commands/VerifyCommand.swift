import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint verify FILE RESPONSES...`: check collected response files against the questionnaire.
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check response files: every line parses and obeys the questionnaire, no duplicate ids, no torn tail.",
        discussion: """
        Each record is checked as `score` checks it, then its answers are replayed through the questionnaire: \
        answers to questions its path never asks, missing required answers, failed checks, and a stored status \
        or computed value that the answers do not give are reported, one line each, as FILE:LINE: message.

        Exit status: 0 every line is clean; 1 any problem; 2 usage or a file that cannot be read.

        Example:
          touchpoint verify survey.yaml responses/survey.jsonl
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Argument(help: "Response files (JSON lines); - reads standard input.", completion: .file())
    var responses: [String]

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, failureCode: 1, color: colorOptions.choice)
        let sha = SHA256.hex(loaded.bytes)
        var verifier = ResponseVerifier(loaded.checked, sha256: sha)
        let sources = try ScoreSources.resolve(responses)
        let printer = ScoreVerifyPrinter(color: colorOptions.enabled(fd: 1))
        var failed = false
        for source in sources {
            let before = verifier.counts
            do {
                try verifier.verify(source) { printer.problem($0) }
            } catch {
                Console.error("touchpoint: cannot read \(error.description)")
                failed = true
            }
            printer.summary(source, before: before, after: verifier.counts)
        }
        if verifier.otherVersions > 0 {
            printer.note("\(verifier.otherVersions) valid record\(verifier.otherVersions == 1 ? " was" : "s were") collected with another version of \(file) (questionnaire_sha256 differs)")
        }
        throw ExitCode(failed || verifier.counts.rejected > 0 ? 1 : 0)
    }
}
