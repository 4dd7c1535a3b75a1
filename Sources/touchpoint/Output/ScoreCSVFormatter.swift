import Foundation
import TouchpointCore
import TouchpointTerminal

/// `score --format csv`: one row per group and score (per group, score and item for drivers), RFC 4180 quoting, newline line ends.
///
/// The columns are the same for every run with the same `--by` / `--period`: `score`, `method`, one column
/// per grouping (`all` in the rows of all responses), `item`, then the figures, empty where a method has
/// none. A drivers score has a row of its own (its `n` counts target values) followed by a row per item.
struct ScoreCSVFormatter {
    static let figureColumns = ["item", "n", "n_eff", "value", "ci95_low", "ci95_high", "count", "promoters", "passives",
                                "detractors", "sd", "alpha", "adjusted", "grade"]

    func render(_ report: ScoreReport) -> String {
        var lines = [(["score", "method"] + report.groupNames + Self.figureColumns).map(Self.field).joined(separator: ",")]
        for group in [report.overall] + report.groups {
            let by = group.by.isEmpty ? report.groupNames.map { _ in "all" } : group.by.map(\.value.description)
            for score in group.scores {
                for figures in rows(score).map({ $0 + ScoreReport.taskCells(score) }) {
                    lines.append(([score.id, score.method.rawValue] + by + figures).map(Self.field).joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The figure cells of a score, in `figureColumns` order.
    private func rows(_ score: ScoreResult) -> [[String]] {
        func number(_ value: Double?) -> String { value.map { ScoreNumber.compact($0) } ?? "" }
        func whole(_ value: Int) -> String { String(value) }
        func estimateCells(_ estimate: Estimate?) -> [String] {
            [number(estimate?.nEff), number(estimate?.value), number(estimate?.ci95?.low), number(estimate?.ci95?.high)]
        }
        switch score.outcome {
        case .nps(let n, let result):
            return [[""] + [whole(n)] + estimateCells(result?.estimate) + [""]
                + [whole(result?.promoters ?? 0), whole(result?.passives ?? 0), whole(result?.detractors ?? 0), "", ""]]
        case .share(let n, let count, let estimate):
            return [[""] + [whole(n)] + estimateCells(estimate) + [whole(count), "", "", "", "", ""]]
        case .mean(let n, let result, let alpha):
            return [[""] + [whole(n)] + estimateCells(result?.estimate) + ["", "", "", "", number(result?.sd), number(alpha?.alpha)]]
        case .drivers(let n, let drivers):
            let head = ["", whole(n)] + Array(repeating: "", count: Self.figureColumns.count - 4)
            return [head] + drivers.map { driver in
                [driver.item, whole(driver.n)] + estimateCells(driver.estimate) + Array(repeating: "", count: 6)
            }
        case .unavailable:
            return [["", "0"] + Array(repeating: "", count: Self.figureColumns.count - 4)]
        }
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
