import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointTerminal

/// Reads `score --weights FILE`; a bad file ends the command with status 2 and a message naming the line.
enum ScoreWeightsFile {
    static func load(_ path: String?, key: WeightTable.Key, alongside weight: String?) throws -> WeightTable? {
        guard let path else { return nil }
        if weight != nil {
            Console.error("touchpoint: --weights and --weight both give weights; use one of them")
            throw ExitCode(2)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Console.error("touchpoint: cannot read the weights file \(path)")
            throw ExitCode(2)
        }
        do {
            return try WeightTable(bytes: Array(data), key: key, name: path)
        } catch {
            Console.error("touchpoint: \(path): \(error.description)")
            throw ExitCode(2)
        }
    }
}
