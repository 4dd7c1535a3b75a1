/// How serious a finding is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One finding about a questionnaire: what is wrong, where, and how to fix it.
///
/// Diagnostics are values; the core library never prints them. `code` is stable across releases and
/// names the rule (see `DiagnosticCode`); `message` is written for the survey author and names the
/// thing by its id; `hint` is an optional fix ("did you mean `relevant`?").
public struct Diagnostic: Hashable, Sendable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var position: SourcePosition
    public var message: String
    public var hint: String?

    public init(_ code: DiagnosticCode, _ severity: Severity? = nil, at position: SourcePosition,
                _ message: String, hint: String? = nil) {
        self.code = code
        self.severity = severity ?? code.defaultSeverity
        self.position = position
        self.message = message
        self.hint = hint
    }

    /// The message followed by the hint, as one sentence group for people.
    public var fullMessage: String {
        guard let hint, !hint.isEmpty else { return message }
        return "\(message); \(hint)"
    }
}

/// A sink that collects diagnostics in the order they are found.
public struct DiagnosticBag: Sendable {
    public private(set) var items: [Diagnostic] = []

    public init() {}

    public mutating func add(_ diagnostic: Diagnostic) { items.append(diagnostic) }

    public mutating func add(_ code: DiagnosticCode, _ severity: Severity? = nil, at position: SourcePosition,
                             _ message: String, hint: String? = nil) {
        items.append(Diagnostic(code, severity, at: position, message, hint: hint))
    }

    public mutating func append(contentsOf other: [Diagnostic]) { items.append(contentsOf: other) }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }

    /// The diagnostics sorted by position, errors before warnings at the same place, duplicates removed.
    public var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return items.filter { seen.insert($0).inserted }
            .sorted { ($0.position, $1.severity, $0.code.rawValue) < ($1.position, $0.severity, $1.code.rawValue) }
    }
}
