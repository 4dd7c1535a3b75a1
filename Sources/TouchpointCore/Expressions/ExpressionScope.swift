/// What a name in an expression refers to at the place the expression is written.
public enum NameResolution: Sendable {
    /// A question, compute, grid cell, meta key or loop item visible here, with its type.
    case value(ValueType)
    /// A question defined later in the flow than the expression that uses it.
    case notYetAsked(id: String, definedAt: SourcePosition)
    /// Nothing by that name; `suggestion` is a close name that is visible here.
    case undefined(suggestion: String?)
}

/// The names visible to one expression, as the type checker needs them.
public protocol ExpressionScope {
    /// What `name` means here.
    func resolve(_ name: QualifiedName) -> NameResolution
}
