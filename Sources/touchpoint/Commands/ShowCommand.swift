import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint show FILE`: the questionnaire as a readable Markdown script and codebook.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the questionnaire as a Markdown interview script and codebook.",
        discussion: """
        Exit status: 0; 1 when the file is not a valid questionnaire.

        Example:
          touchpoint show questionnaires/customer_journey.yaml --lang zh > script.md
        """
    )

    @Argument(help: "The questionnaire file.")
    var file: String

    @Option(help: "Language of the texts (default: the questionnaire's first).")
    var lang: String?

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, language: lang)
        let renderer = ScriptRenderer(loaded.checked, language: lang)
        Console.out(renderer.render())
    }
}
