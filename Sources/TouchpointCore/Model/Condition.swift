/// An expression written in the questionnaire (`when`, `rule`, `value`), with its parsed tree.
public struct Condition: Sendable, Hashable {
    /// The expression as written.
    public var source: String
    /// The parsed tree; nil when it does not parse (the parse error is among the diagnostics).
    public var expr: Expr?
    /// Where the expression's first character is in the file.
    public var position: SourcePosition

    public init(source: String, expr: Expr?, at position: SourcePosition) {
        self.source = source
        self.expr = expr
        self.position = position
    }
}

/// A rule an answer must satisfy, with the message shown when it does not.
public struct Check: Sendable, Hashable {
    public var rule: Condition
    public var message: LocalizedText?
    /// A soft check asks the respondent to confirm instead of refusing the answer.
    public var soft: Bool
    public var position: SourcePosition

    public init(rule: Condition, message: LocalizedText?, soft: Bool, at position: SourcePosition) {
        self.rule = rule
        self.message = message
        self.soft = soft
        self.position = position
    }
}
