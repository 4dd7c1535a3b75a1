import TouchpointCore

extension LineProblem.Kind {
    /// The code printed after a rejected line, `[bad-meta]`: hyphenated like validate's codes.
    var code: String {
        String(rawValue.map { $0 == "_" ? "-" : $0 })
    }
}
