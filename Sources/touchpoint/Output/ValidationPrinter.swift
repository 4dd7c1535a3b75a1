import TouchpointCore
import TouchpointTerminal

/// Prints `validate` results in the chosen format: findings, then a summary line per valid file.
struct ValidationPrinter {
    var formatter: DiagnosticFormatter
    var format: DiagnosticFormatter.Format

    func print(_ results: [QuestionnaireCheck]) {
        switch format {
        case .text:
            for r in results {
                for d in r.report.diagnostics { Console.out(formatter.text(d, path: r.path)) }
                if !r.hasErrors, let effort = r.report.effort {
                    let warnings = r.warningCount == 0 ? "" : " (\(r.warningCount) warning\(r.warningCount == 1 ? "" : "s"))"
                    Console.out("\(r.path): ok, \(effort.summary)\(warnings)")
                }
            }
        case .github:
            for r in results {
                for d in r.report.diagnostics { Console.out(formatter.github(d, path: r.path)) }
            }
        case .sarif:
            Console.out(JSONWriter().string(SARIFReport(version: Touchpoint.configuration.version).log(results)))
        case .json:
            let all = results.flatMap { r in r.report.diagnostics.map { formatter.json($0, path: r.path) } }
            Console.out(JSONWriter().string(.array(all)))
        }
    }
}
