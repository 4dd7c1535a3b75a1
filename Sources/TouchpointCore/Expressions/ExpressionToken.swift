/// One lexical unit of an expression, with where it starts in the questionnaire file.
struct ExpressionToken: Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        case text(String)
        case name([String])
        case keywordTrue, keywordFalse, keywordNull
        case not
        case binary(BinaryOperator)
        case minus
        case leftParen, rightParen, leftBracket, rightBracket, comma
        case end
    }

    var kind: Kind
    /// The token as it appears in the source, for messages.
    var text: String
    var position: SourcePosition

    /// Whether a value can start with this token (so a missing operator or comma can be reported and skipped).
    var startsValue: Bool {
        switch kind {
        case .number, .text, .name, .keywordTrue, .keywordFalse, .keywordNull, .not, .minus, .leftParen, .leftBracket:
            true
        default:
            false
        }
    }

    /// The binary operator this token spells, counting `-` as subtraction.
    var binaryOperator: BinaryOperator? {
        switch kind {
        case .binary(let op): op
        case .minus: .subtract
        default: nil
        }
    }
}
