/// The syntax tree of a compiled `Pattern`.
indirect enum PatternNode: Sendable {
    /// Matches the empty string, as `()` or an empty alternative.
    case empty
    /// One given scalar.
    case scalar(Unicode.Scalar)
    /// One scalar of a class.
    case scalarClass(ScalarClass)
    /// `^`: the empty string, at the start of the text only.
    case startOfText
    /// `$`: the empty string, at the end of the text only.
    case endOfText
    /// Each part in turn.
    case concatenation([PatternNode])
    /// Any one of the branches.
    case alternation([PatternNode])
    /// The node repeated at least `min` and at most `max` times (`nil`: no upper bound).
    case repetition(PatternNode, min: Int, max: Int?)
}
