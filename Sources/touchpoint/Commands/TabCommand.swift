import ArgumentParser

struct TabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tab")
}
