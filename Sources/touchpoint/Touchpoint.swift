import ArgumentParser
import CProcess
import TouchpointCore

#if canImport(Glibc)
import Glibc
#endif

/// The `touchpoint` command: subcommands only; each lives in its own file under Commands/.
@main
struct Touchpoint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "touchpoint",
        abstract: "Design, check, run and score customer-experience questionnaires.",
        discussion: """
        Examples:
          touchpoint validate questionnaires/
          touchpoint run questionnaires/customer_journey.yaml --lang zh
          touchpoint score questionnaires/relationship_nps.yaml responses/*.jsonl
        """,
        version: "0.1.0",
        subcommands: [ValidateCommand.self, RunCommand.self, TestCommand.self, SimulateCommand.self, ScoreCommand.self, VerifyCommand.self, ShowCommand.self, SavedCommand.self, ReportCommand.self, ExportCommand.self, TabCommand.self, VerbatimsCommand.self, SQLCommand.self]
    )

    /// Runs the command, mapping usage errors to exit status 2 as the spec requires (not ArgumentParser's 64).
    static func main() {
        // Every thread's malloc heap grows (and shrinks) 16 MB at a time instead of a few pages: checking the
        // 2,000-question file made 1,400 mprotect calls, now about 20, and `validate` takes 6% less time
        // (bench/README.md). Address space, not memory: a page counts once it is touched.
        _ = cprocess_malloc_top_pad(16 << 20)
        let arguments = ResumeArgument.normalize(Array(CommandLine.arguments.dropFirst()))
        // A large file named by `run` or `validate` is read and checked while the arguments are parsed.
        let early = EarlyCheck.start(arguments)
        do {
            var command = try parseAsRoot(arguments)
            do {
                if let run = command as? RunCommand {
                    try run.run(early: early)
                } else if let validate = command as? ValidateCommand {
                    try validate.run(early: early)
                } else {
                    try command.run()
                }
            } catch let error as ValidationError where !(command is Touchpoint) {
                early?.finish()
                // A usage problem found once the file is read (`--set`, `--lang`): the subcommand's usage, not the root's.
                let name = type(of: command).configuration.commandName ?? ""
                Console.error("Error: \(error.message)\nUsage: \(usageString(for: type(of: command)))\n"
                              + "  See 'touchpoint \(name) --help' for more information.")
                Glibc.exit(2)
            }
        } catch let code as ExitCode {
            early?.finish()
            Glibc.exit(code.rawValue)
        } catch {
            early?.finish()
            let status = exitCode(for: error)
            let message = fullMessage(for: error)
            if status == .success {
                if !message.isEmpty { print(message) }
                Glibc.exit(0)
            }
            if !message.isEmpty { Console.error(message) }
            Glibc.exit(status == .validationFailure || status.rawValue == 64 ? 2 : status.rawValue)
        }
    }
}

/// `--resume` takes an optional id (SPEC section 4); ArgumentParser options always take one, so a bare
/// `--resume` is rewritten to `--resume=` (an empty id: choose among the saved interviews).
enum ResumeArgument {
    static func normalize(_ args: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if a == "--resume" {
                let next = i + 1 < args.count ? args[i + 1] : nil
                if let next, !next.hasPrefix("-"), !looksLikeFile(next) {
                    out += [a, next]
                    i += 2
                    continue
                }
                out += ["--resume", ""]
                i += 1
                continue
            }
            out.append(a)
            i += 1
        }
        return out
    }

    private static func looksLikeFile(_ s: String) -> Bool {
        s.hasSuffix(".yaml") || s.hasSuffix(".yml") || s.hasSuffix(".json") || s.contains("/") || access(s, F_OK) == 0
    }
}
