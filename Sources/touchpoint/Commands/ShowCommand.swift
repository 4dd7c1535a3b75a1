import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// `touchpoint show FILE`: the questionnaire as a readable Markdown script and codebook.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Print the questionnaire as a Markdown interview script and codebook.",
        discussion: """
        Exit status: 0; 1 when the file is not a valid questionnaire; 2 usage or a file that cannot be read.

        Example:
          touchpoint show survey.yaml --lang zh > script.md
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(help: "Language of the texts (default: the questionnaire's first).")
    var lang: String?

    @OptionGroup var colorOptions: ColorOptions

    func run() throws {
        let loaded = try LoadedQuestionnaire.load(file, language: lang, color: colorOptions.choice)
        let renderer = ScriptRenderer(loaded.checked, language: lang)
        Console.out(renderer.render())
    }
}
