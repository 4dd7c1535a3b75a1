import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// Finds the saved interview `--resume` continues: the one named, or one chosen from a list that shows each
/// saved interview as `touchpoint saved` does.
struct ResumePicker {
    let setup: RunSetup
    let reader: LineReader
    let interactive: Bool

    private var printer: SavedInterviewPrinter {
        SavedInterviewPrinter(checked: setup.loaded.checked, sha256: setup.sha256,
                              style: Style(colorEnabled: Console.colorEnabled(fd: STDOUT_FILENO, choice: setup.color)))
    }

    /// The restored interview, or nil after explaining why there is none (the caller exits with 2).
    func pick(_ id: String) -> (Interview, InterviewContext)? {
        let store = setup.store
        if !id.isEmpty {
            guard ResponseStore.isValidCheckpointID(id) else {
                Console.error("touchpoint: --resume \(id): not an interview id (ids look like 3f2a…-…; run with --resume alone to choose, or list them with `\(savedCommand)`)")
                return nil
            }
            do {
                let bytes = try store.loadCheckpoint(id: id)
                return restore(try parse(bytes), id: id)
            } catch let error as StorageError {
                Console.error("touchpoint: --resume \(id): \(error.message); list the saved interviews with `\(savedCommand)`")
            } catch {
                Console.error("touchpoint: --resume \(id): the checkpoint is damaged: \(error); remove it with `\(savedCommand) --discard \(id)`")
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
            Console.error("touchpoint: resuming \(chosen.id) (\(printer.summary(chosen)))\(saved.count > 1 ? "; \(saved.count - 1) other saved interview(s) remain" : "")")
            return restore(chosen.checkpoint, id: chosen.id)
        }
        let printer = self.printer
        Console.out("Saved interviews of `\(setup.questionnaire.id)`, the most recent first:")
        for (i, s) in saved.enumerated() {
            Console.out("")
            for line in printer.block(s, number: i + 1) { Console.out(line) }
        }
        Console.out("")
        while true {
            switch reader.readLine(prompt: "Continue which? [1] ", defaultText: nil, completions: []) {
            case .endOfInput, .interrupted:
                return nil
            case .line(let line):
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty { return restore(saved[0].checkpoint, id: saved[0].id) }
                if let n = Int(t), n >= 1, n <= saved.count { return restore(saved[n - 1].checkpoint, id: saved[n - 1].id) }
                if let s = saved.first(where: { $0.id.hasPrefix(t) }) { return restore(s.checkpoint, id: s.id) }
                Console.out("Type a number from 1 to \(saved.count), or the start of an id.")
            }
        }
    }

    /// `touchpoint saved FILE`, with `--out` when the run has one: the command that lists and discards.
    private var savedCommand: String {
        let q = setup.questionnaire
        let out = setup.store.outputPath == ResponseStore.defaultOutputPath(questionnaireID: q.id) ? "" : " --out \(ShellWord.quoted(setup.store.outputPath))"
        return "touchpoint saved \(ShellWord.quoted(setup.loaded.path))\(out)"
    }

    private func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try bytes.withUnsafeBytes { try JSONParser().parse($0) }
    }

    /// The interview continued from `json`; an interview taken up at a terminal is recorded as interactive from
    /// then on, and only answers typed at a terminal add to its durations.
    private func restore(_ json: JSONValue, id: String) -> (Interview, InterviewContext)? {
        let resumed: Checkpoint.Resumed
        do {
            resumed = try Checkpoint.resume(json, checked: setup.loaded.checked, sha256: setup.sha256)
        } catch {
            let changed = json["questionnaire_sha256"]?.stringValue != setup.sha256
            if changed {
                let startedWith = json["file"]?.stringValue.map(TerminalSanitizer.neutralize)
                let other = startedWith.flatMap { $0 == setup.loaded.path ? nil : " (\($0))" } ?? ""
                var problem = TerminalSanitizer.neutralize(error.message)
                if !problem.hasSuffix(".") { problem += "." }
                Console.error("touchpoint: cannot resume \(id): \(setup.loaded.path) has changed since this interview was saved, and its answers no longer fit it:\n"
                              + "  \(problem)\n"
                              + "  The saved interview is kept as it was. To go on, finish it with the version of the file it was started with\(other), "
                              + "or discard it with `\(savedCommand) --discard \(id)`.")
            } else {
                Console.error("touchpoint: cannot resume \(id): \(TerminalSanitizer.neutralize(error.message)); discard it with `\(savedCommand) --discard \(id)`")
            }
            return nil
        }
        var interview = resumed.interview
        var context = resumed.context
        if interactive { context.mode = .interactive }
        interview.recordsDurations = interactive
        if resumed.fileChanged {
            let count = interview.steps.count
            Console.error("touchpoint: \(setup.loaded.path) has changed since this interview was saved; its \(count == 1 ? "answer was checked again against the file as it is now and still fits" : "\(count) answers were checked again against the file as it is now and still fit").")
        }
        return (interview, context)
    }
}
