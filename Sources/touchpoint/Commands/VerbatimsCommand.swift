import ArgumentParser

struct VerbatimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verbatims")
}
