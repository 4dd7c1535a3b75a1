import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// Expands command-line paths: files as given, folders to the questionnaire files below them.
enum FileArguments {
    /// The files named by `paths`; an unreadable path ends the command with status 2.
    static func expand(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            if FileReader.isDirectory(path) {
                do {
                    let found = try FileReader.questionnaireFiles(in: path)
                    if found.isEmpty { Console.error("\(path): no *.yaml, *.yml or *.json files in this folder") }
                    files += found
                } catch {
                    Console.error("touchpoint: cannot read \(error.description)")
                    throw ExitCode(2)
                }
            } else {
                files.append(path)
            }
        }
        return files
    }
}
