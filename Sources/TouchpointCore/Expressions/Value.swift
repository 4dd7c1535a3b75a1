/// The value of an expression during an interview (SPEC section 3).
///
/// `null` is a question not asked, skipped, answered "don't know" or refused. Choice answers are their
/// option values: `.text` for text options, `.number` for integer options.
public enum Value: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case text(String)
    /// A multi answer or a list literal.
    case list([Value])
    /// Loop answers keyed by option value, grid answers keyed by row id.
    case keyed([String: Value])

    /// Whether the value lets a condition hold: only `true` does; `null`, `false` and anything else do not.
    public var isTruthy: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}

/// The answers, computes and meta values an expression reads.
public protocol ValueEnvironment {
    /// The value of `name` now; `.null` when it has none.
    func value(of name: QualifiedName) -> Value
}
