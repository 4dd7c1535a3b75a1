import Foundation
import TouchpointCore
import TouchpointTerminal

/// Finds the saved interview `--resume` continues: the one named, or one chosen from a list.
struct ResumePicker {
    let setup: RunSetup
    let reader: LineReader
    let interactive: Bool

    /// The restored interview, or nil after explaining why there is none (the caller exits with 2).
    func pick(_ id: String) -> (Interview, InterviewContext)? {
        let store = setup.store
        if !id.isEmpty {
            guard ResponseStore.isValidCheckpointID(id) else {
                Console.error("touchpoint: --resume \(id): not an interview id (ids look like 3f2a…-…; run with --resume alone to list them)")
                return nil
            }
            do {
                let bytes = try store.loadCheckpoint(id: id)
                return restore(try parse(bytes), id: id)
            } catch let error as StorageError {
                Console.error("touchpoint: --resume \(id): \(error.message)")
            } catch {
                Console.error("touchpoint: --resume \(id): the checkpoint is damaged: \(error)")
            }
            return nil
        }
        let saved = SavedInterview.list(in: store, questionnaire: setup.questionnaire.id)
        guard !saved.isEmpty else {
            Console.error("touchpoint: no saved interviews of `\(setup.questionnaire.id)` in \(store.partialFolder)")
            return nil
        }
        if !interactive || saved.count == 1 {
            let chosen = saved[0]
            Console.error("touchpoint: resuming \(chosen.id) (\(describe(chosen)))\(saved.count > 1 ? "; \(saved.count - 1) other saved interview(s) remain" : "")")
            return restore(chosen.checkpoint, id: chosen.id)
        }
        Console.out("Saved interviews of `\(setup.questionnaire.id)`:")
        for (i, s) in saved.enumerated() { Console.out("  \(i + 1)) \(s.id)  \(describe(s))") }
        while true {
            switch reader.readLine(prompt: "Continue which? [1] ", defaultText: nil, completions: []) {
            case .endOfInput, .interrupted:
                return nil
            case .line(let line):
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return restore(saved[0].checkpoint, id: saved[0].id) }
                if let n = Int(t), n >= 1, n <= saved.count { return restore(saved[n - 1].checkpoint, id: saved[n - 1].id) }
                if let s = saved.first(where: { $0.id.hasPrefix(t) }) { return restore(s.checkpoint, id: s.id) }
                Console.out("Type a number from 1 to \(saved.count).")
            }
        }
    }

    private func describe(_ s: SavedInterview) -> String {
        var parts: [String] = []
        if let r = s.respondent { parts.append("respondent \(r)") }
        if let i = s.interviewer { parts.append("by \(i)") }
        parts.append("\(s.answered) answers")
        if let last = s.lastAnswered { parts.append("last at \(last)") }
        parts.append("saved \(Timestamp.rfc3339(s.modified))")
        return parts.joined(separator: ", ")
    }

    private func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try JSONParser().parse($0) }
    }

    private func restore(_ json: JSONValue, id: String) -> (Interview, InterviewContext)? {
        do {
            return try Checkpoint.restore(json, checked: setup.loaded.checked, sha256: setup.sha256)
        } catch {
            Console.error("touchpoint: cannot resume \(id): \(error.message)")
            return nil
        }
    }
}
