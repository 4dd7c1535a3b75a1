import TouchpointCore

/// `validate --format sarif`: one SARIF 2.1.0 log of every finding, for GitHub code scanning and other viewers.
///
/// One run; the tool's rules are every diagnostic code in a fixed order (so `ruleIndex` is stable), each with
/// its summary from docs/validation.md and its default level. Columns count Unicode code points, as touchpoint's
/// positions do, which SARIF calls `unicodeCodePoints`. File paths are given as relative URI references.
struct SARIFReport {
    static let schema = "https://json.schemastore.org/sarif-2.1.0.json"

    var version: String

    /// The whole log for the checked files.
    func log(_ results: [QuestionnaireCheck]) -> JSONValue {
        let codes = DiagnosticCode.allCases
        var index: [DiagnosticCode: Int] = [:]
        for (i, code) in codes.enumerated() { index[code] = i }
        let rules = codes.map { code in
            object([
                ("id", .string(code.rawValue)),
                ("name", .string(code.rawValue)),
                ("shortDescription", object([("text", .string(code.summary))])),
                ("help", object([("text", .string("See `\(code.rawValue)` in docs/validation.md."))])),
                ("defaultConfiguration", object([("level", .string(level(code.defaultSeverity)))])),
            ])
        }
        let found = results.flatMap { r in
            r.report.diagnostics.map { result($0, path: r.path, ruleIndex: index[$0.code] ?? 0) }
        }
        let artifacts = results.map { object([("location", object([("uri", .string(Self.uri(for: $0.path)))]))]) }
        let driver = object([
            ("name", .string("touchpoint")),
            ("version", .string(version)),
            ("rules", .array(rules)),
        ])
        let run = object([
            ("tool", object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("artifacts", .array(artifacts)),
            ("results", .array(found)),
        ])
        return object([
            ("$schema", .string(Self.schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
    }

    private func result(_ d: Diagnostic, path: String, ruleIndex: Int) -> JSONValue {
        let region = object([
            ("startLine", .number(Double(max(d.position.line, 1)))),
            ("startColumn", .number(Double(max(d.position.column, 1)))),
        ])
        let location = object([
            ("physicalLocation", object([
                ("artifactLocation", object([("uri", .string(Self.uri(for: path)))])),
                ("region", region),
            ])),
        ])
        return object([
            ("ruleId", .string(d.code.rawValue)),
            ("ruleIndex", .number(Double(ruleIndex))),
            ("level", .string(level(d.severity))),
            ("message", object([("text", .string(d.fullMessage))])),
            ("locations", .array([location])),
        ])
    }

    private func level(_ severity: Severity) -> String {
        severity == .error ? "error" : "warning"
    }

    private func object(_ pairs: [(key: String, value: JSONValue)]) -> JSONValue {
        .object(JSONObject(pairs))
    }

    /// A path as a URI reference: relative paths stay relative (code scanning resolves them against the
    /// checkout), absolute ones become `file://` URIs; characters outside RFC 3986's unreserved set and `/`
    /// are percent-encoded.
    static func uri(for path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.hasPrefix("./") { trimmed = trimmed.dropFirst(2) }
        var encoded = ""
        for byte in trimmed.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if byte < 0x80, c.isLetter || c.isNumber || "-._~/".contains(c) {
                encoded.append(c)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return path.hasPrefix("/") ? "file://" + encoded : encoded
    }
}
