import Foundation
import TouchpointCore
import TouchpointTerminal

/// Turns diagnostics into the three `validate` output formats (SPEC section 1).
struct DiagnosticFormatter {
    enum Format: String, CaseIterable {
        case text, json, github, sarif
    }

    var color: Bool

    /// `PATH:LINE:COLUMN: error|warning: MESSAGE [CODE]`.
    func text(_ d: Diagnostic, path: String) -> String {
        let style = Style(colorEnabled: color)
        let severity = d.severity.rawValue
        let shown = d.severity == .error ? style.error(severity) : style.apply(.bold, .yellow, to: severity)
        return "\(path):\(d.position.line):\(d.position.column): \(shown): \(oneLine(d.fullMessage)) [\(d.code.rawValue)]"
    }

    /// `::error file=PATH,line=L,col=C,title=CODE::MESSAGE`, escaped as GitHub Actions requires.
    func github(_ d: Diagnostic, path: String) -> String {
        let kind = d.severity == .error ? "error" : "warning"
        return "::\(kind) file=\(property(path)),line=\(d.position.line),col=\(d.position.column),title=\(property(d.code.rawValue))::\(data(d.fullMessage))"
    }

    /// One JSON object of the `--format json` array.
    func json(_ d: Diagnostic, path: String) -> JSONValue {
        .object(JSONObject([
            ("file", .string(path)),
            ("line", .number(Double(d.position.line))),
            ("column", .number(Double(d.position.column))),
            ("severity", .string(d.severity.rawValue)),
            ("code", .string(d.code.rawValue)),
            ("message", .string(d.fullMessage)),
        ]))
    }

    private func oneLine(_ s: String) -> String {
        s.replacingOccurrences(of: "\n", with: " ")
    }

    private func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
