import ArgumentParser
import Foundation
import TouchpointCore
import TouchpointTerminal

/// `touchpoint simulate FILE`: random valid respondents; routing coverage, path lengths and effort.
struct SimulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Simulate random valid respondents: routing coverage, path lengths, effort.",
        discussion: """
        Exit status: 0; 1 with --require-coverage when a question, section or end is never reached, or --out cannot be
        written; 2 usage or a file that cannot be read.

        Example:
          touchpoint simulate survey.yaml -n 5000 --seed 7 --require-coverage
        """
    )

    @Argument(help: "The questionnaire file.", completion: .file(extensions: ["yaml", "yml", "json"]))
    var file: String

    @Option(name: .short, help: "Number of respondents.")
    var n: Int = 1000

    @Option(help: "Random seed (the same seed gives the same respondents).")
    var seed: UInt64 = 1

    @Option(help: "Also write the simulated responses as JSON lines to this file.", completion: .file())
    var out: String?

    @Flag(help: "Fail (exit 1) when something is never reached.")
    var requireCoverage = false

    @OptionGroup var colorOptions: ColorOptions

    func validate() throws {
        guard (1...10_000_000).contains(n) else { throw ValidationError("-n must be from 1 to 10,000,000") }
    }

    func run() throws {
        ResponseStore.ignoreFileSizeSignal()
        let loaded = try LoadedQuestionnaire.load(file, color: colorOptions.choice)
        let simulator = Simulator(loaded.checked)
        let sha = SHA256.hex(loaded.bytes)
        // Records are encoded on the simulating threads, appended here in respondent order and written to the
        // file on a background queue while the next respondents are simulated.
        var writer: StreamingFileWriter?
        if let out {
            do {
                writer = try StreamingFileWriter(out)
            } catch {
                Console.error("touchpoint: \(error.message)")
                throw ExitCode(1)
            }
        }
        let report: Simulator.Report
        if let writer {
            report = simulator.run(count: n, seed: seed, line: { interview, responseID, index in
                let context = InterviewContext(responseID: responseID, questionnaireSHA256: sha, respondent: "S\(index)",
                                               mode: .headless, startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:00:00Z")
                var line: [UInt8] = []
                interview.record(context).write(to: &line)
                line.append(0x0A)
                return line
            }, onLine: { writer.append($0) })
        } else {
            report = simulator.run(count: n, seed: seed)
        }
        if let writer {
            do {
                try writer.finish()
            } catch {
                Console.error("touchpoint: \(error.message)")
                throw ExitCode(1)
            }
        }
        Console.out(SimulationPrinter.render(report, questionnaire: loaded.questionnaire))
        throw ExitCode(requireCoverage && !report.neverReached.isEmpty ? 1 : 0)
    }
}

/// The text report of `simulate`.
enum SimulationPrinter {
    static func render(_ r: Simulator.Report, questionnaire q: Questionnaire) -> String {
        var out: [String] = []
        out.append("\(r.respondents) simulated respondents of `\(q.id)`")
        let statuses = r.statuses.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
        out.append("ended: " + statuses.joined(separator: ", ") + (r.stuck > 0 ? ", stuck \(r.stuck) (no acceptable answer found)" : "")
            + (r.cutShort > 0 ? ", cut short \(r.cutShort) (more than \(Simulator.maxPromptsPerRespondent) questions)" : ""))
        if r.cutShort >= Simulator.maxCutShort {
            out.append("stopped after \(r.respondents) respondents: \(r.cutShort) were asked more than \(Simulator.maxPromptsPerRespondent) questions; nested loops over big selections make paths this long")
        }
        out.append("path length (questions): " + summary(r.pathLengths.map(Double.init), unit: ""))
        out.append("estimated duration: " + summary(r.seconds, unit: " s"))
        out.append("")
        out.append("reached by")
        let width = max(r.items.map(\.count).max() ?? 0, 4)
        for item in r.items {
            let count = r.reached[item] ?? 0
            let share = r.respondents == 0 ? 0 : Double(count) / Double(r.respondents) * 100
            let bar = String(repeating: "█", count: Int((share / 5).rounded()))
            out.append("  " + item.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(format: "%6.1f%%", share) + "  " + bar)
        }
        let never = r.neverReached
        out.append("")
        out.append(never.isEmpty ? "every question, section and end was reached" : "never reached: " + never.joined(separator: ", "))
        return out.joined(separator: "\n")
    }

    static func summary(_ values: [Double], unit: String) -> String {
        guard !values.isEmpty else { return "—" }
        let sorted = values.sorted()
        let median = sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        func f(_ v: Double) -> String { v == v.rounded() ? String(Int(v)) : String(format: "%.1f", v) }
        return "min \(f(sorted[0]))\(unit), median \(f(median))\(unit), max \(f(sorted[sorted.count - 1]))\(unit)"
    }
}
