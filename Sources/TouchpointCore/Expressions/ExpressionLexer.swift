/// Splits an expression's source into tokens, reporting characters that are not part of the language.
///
/// Common slips from other languages (`=`, `&&`, `||`, `!`, `<>`, `=>`, `≥`, curly quotes) are reported with
/// the right spelling and then read as the operator they meant, so that parsing can go on and find more.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    /// The file position of every scalar, plus one just past the end.
    private let positions: [SourcePosition]
    private var index = 0
    private(set) var tokens: [ExpressionToken] = []
    private(set) var diagnostics: [Diagnostic] = []
    private var reportedBacktick = false

    init(_ source: String, origin: SourcePosition) {
        scalars = Array(source.unicodeScalars)
        var positions: [SourcePosition] = []
        positions.reserveCapacity(scalars.count + 1)
        var current = origin
        for scalar in scalars {
            positions.append(current)
            if scalar == "\n" {
                current = SourcePosition(line: current.line + 1, column: origin.column)
            } else {
                current = current.advanced(by: 1)
            }
        }
        positions.append(current)
        self.positions = positions
    }

    /// The tokens of the source, ending with `.end`, and the problems found on the way.
    static func tokenize(_ source: String, origin: SourcePosition) -> ([ExpressionToken], [Diagnostic]) {
        var lexer = ExpressionLexer(source, origin: origin)
        lexer.run()
        return (lexer.tokens, lexer.diagnostics)
    }

    private mutating func run() {
        while index < scalars.count {
            let start = index
            let c = scalars[index]
            // Printable ASCII other than the space is never whitespace: only other scalars need the property.
            if c == " " || ((c.value < 0x21 || c.value > 0x7E) && c.properties.isWhitespace) {
                index += 1
            } else if isASCIILetter(c) {
                lexName()
            } else if isDigit(c) {
                lexNumber()
            } else if c == "'" || c == "\"" {
                lexText(closer: c)
            } else if c == "\u{2018}" || c == "\u{201C}" {
                report(at: start, "curly quotes are not quotes here; write straight quotes, e.g. 'new'")
                lexText(closer: c == "\u{2018}" ? "\u{2019}" : "\u{201D}")
            } else {
                lexSymbol()
            }
        }
        tokens.append(ExpressionToken(kind: .end, text: "", position: positions[scalars.count]))
    }

    // MARK: - Names and numbers

    private mutating func lexName() {
        let start = index
        var parts = [identifier()]
        while peek(0) == ".", let next = peek(1), isASCIILetter(next) {
            index += 1
            parts.append(identifier())
        }
        if peek(0) == "." {
            let dotted = text(from: start, to: index) + "."
            index += 1
            report(at: start, "`\(dotted)` ends with `.`; expected a name after it",
                   hint: "write a grid cell as `grid_id.row_id` and a meta key as `meta.key`")
        } else if parts.count > 3 {
            report(at: start, "`\(parts.joined(separator: "."))` has too many dots",
                   hint: "a name is an id, a grid cell `grid_id.row_id` or a meta key `meta.key`")
        }
        if let c = peek(0), !c.isASCII, c.properties.isAlphabetic {
            skipNonASCIIWord(from: start)
            return
        }
        let token = text(from: start, to: index)
        tokens.append(ExpressionToken(kind: keyword(token) ?? .name(parts), text: token, position: positions[start]))
    }

    private func keyword(_ word: String) -> ExpressionToken.Kind? {
        switch word {
        case "and": .binary(.and)
        case "or": .binary(.or)
        case "in": .binary(.in)
        case "not": .not
        case "true": .keywordTrue
        case "false": .keywordFalse
        case "null": .keywordNull
        default: nil
        }
    }

    private mutating func identifier() -> String {
        let start = index
        while let c = peek(0), isASCIILetter(c) || isDigit(c) || c == "_" { index += 1 }
        return text(from: start, to: index)
    }

    private mutating func lexNumber() {
        let start = index
        skipDigits()
        if peek(0) == ".", let d = peek(1), isDigit(d) {
            index += 1
            skipDigits()
        }
        if let e = peek(0), e == "e" || e == "E" {
            let signed = peek(1) == "+" || peek(1) == "-"
            if let d = peek(signed ? 2 : 1), isDigit(d) {
                index += signed ? 2 : 1
                skipDigits()
            }
        }
        if let c = peek(0), isASCIILetter(c) || isDigit(c) || c == "_" || c == "." {
            while let c = peek(0), isASCIILetter(c) || isDigit(c) || c == "_" || c == "." { index += 1 }
            let word = text(from: start, to: index)
            report(at: start, "`\(word)` is neither a number nor a name",
                   hint: "write numbers like 12 or 3.5, and names starting with a letter")
            // A stand-in keeps the parser from reporting a second, confusing "missing value".
            tokens.append(ExpressionToken(kind: .number(0), text: word, position: positions[start]))
            return
        }
        let word = text(from: start, to: index)
        guard let value = Double(word), value.isFinite else {
            report(at: start, "the number \(word) is too large", hint: "use a number below 1e308")
            tokens.append(ExpressionToken(kind: .number(0), text: word, position: positions[start]))
            return
        }
        tokens.append(ExpressionToken(kind: .number(value), text: word, position: positions[start]))
    }

    private mutating func skipDigits() {
        while let c = peek(0), isDigit(c) { index += 1 }
    }

    // MARK: - Text

    private mutating func lexText(closer: Unicode.Scalar) {
        let start = index
        let opener = scalars[index]
        index += 1
        var value = String.UnicodeScalarView()
        while index < scalars.count, scalars[index] != closer {
            let c = scalars[index]
            if c == "\\", let next = peek(1) {
                if next == "'" || next == "\"" || next == "\\" {
                    value.append(next)
                } else {
                    report(at: index, "`\\\(next)` is not an escape in text",
                           hint: "only \\' \\\" and \\\\ are escapes; write \\\\ for a backslash")
                    value.append(c)
                    value.append(next)
                }
                index += 2
            } else {
                value.append(c)
                index += 1
            }
        }
        if index < scalars.count {
            index += 1
        } else {
            report(at: start, "the text starting with \(opener) has no closing \(closer)",
                   hint: "add \(closer) at the end of the text")
        }
        tokens.append(ExpressionToken(kind: .text(String(value)), text: text(from: start, to: index), position: positions[start]))
    }

    // MARK: - Operators and punctuation

    private mutating func lexSymbol() {
        let start = index
        let c = scalars[index]
        let next = peek(1)
        switch (c, next) {
        case ("=", "="?):
            if peek(2) == "=" {
                index += 3
                report(at: start, "`===` is not an operator; write `==` to compare")
                emit(.binary(.equal), from: start)
            } else {
                index += 2
                emit(.binary(.equal), from: start)
            }
        case ("!", "="?): index += 2; emit(.binary(.notEqual), from: start)
        case ("<", "="?): index += 2; emit(.binary(.lessEqual), from: start)
        case (">", "="?): index += 2; emit(.binary(.greaterEqual), from: start)
        case ("<", ">"?): index += 2; misspelled(.binary(.notEqual), from: start, write: "!=")
        case ("=", ">"?): index += 2; misspelled(.binary(.greaterEqual), from: start, write: ">=")
        case ("=", "<"?): index += 2; misspelled(.binary(.lessEqual), from: start, write: "<=")
        case ("&", "&"?): index += 2; misspelled(.binary(.and), from: start, write: "and")
        case ("|", "|"?): index += 2; misspelled(.binary(.or), from: start, write: "or")
        case ("=", _):
            index += 1
            report(at: start, "`=` is not an operator here; write `==` to compare")
            emit(.binary(.equal), from: start)
        case ("&", _): index += 1; misspelled(.binary(.and), from: start, write: "and")
        case ("|", _): index += 1; misspelled(.binary(.or), from: start, write: "or")
        case ("!", _): index += 1; misspelled(.not, from: start, write: "not")
        case ("\u{2264}", _): index += 1; misspelled(.binary(.lessEqual), from: start, write: "<=")
        case ("\u{2265}", _): index += 1; misspelled(.binary(.greaterEqual), from: start, write: ">=")
        case ("\u{2260}", _): index += 1; misspelled(.binary(.notEqual), from: start, write: "!=")
        case ("<", _): index += 1; emit(.binary(.less), from: start)
        case (">", _): index += 1; emit(.binary(.greater), from: start)
        case ("+", _): index += 1; emit(.binary(.add), from: start)
        case ("-", _): index += 1; emit(.minus, from: start)
        case ("*", _): index += 1; emit(.binary(.multiply), from: start)
        case ("/", _): index += 1; emit(.binary(.divide), from: start)
        case ("(", _): index += 1; emit(.leftParen, from: start)
        case (")", _): index += 1; emit(.rightParen, from: start)
        case ("[", _): index += 1; emit(.leftBracket, from: start)
        case ("]", _): index += 1; emit(.rightBracket, from: start)
        case (",", _): index += 1; emit(.comma, from: start)
        case ("%", _), ("^", _):
            index += 1
            report(at: start, "`\(c)` is not an operator in expressions",
                   hint: "the arithmetic operators are + - * /")
            // Read as an arithmetic operator so the operands around it are not reported again.
            emit(.binary(.multiply), from: start)
        case ("`", _):
            index += 1
            // Said once: a name copied with its backticks has two of them, and both mean the same slip.
            if !reportedBacktick {
                reportedBacktick = true
                report(at: start, "backticks are not quotes here; write a name bare (`recommend`) and text in quotes ('new')")
            }
        default:
            if !c.isASCII, c.properties.isAlphabetic {
                skipNonASCIIWord(from: start)
            } else {
                index += 1
                report(at: start, "`\(c)` is not part of the expression language",
                       hint: "operators are == != < <= > >= in + - * / and, or, not")
            }
        }
    }

    private mutating func emit(_ kind: ExpressionToken.Kind, from start: Int) {
        tokens.append(ExpressionToken(kind: kind, text: text(from: start, to: index), position: positions[start]))
    }

    /// Reports a spelling from another language and reads it as the operator it meant.
    private mutating func misspelled(_ kind: ExpressionToken.Kind, from start: Int, write correct: String) {
        let written = text(from: start, to: index)
        report(at: start, "`\(written)` is not an operator; write `\(correct)`")
        emit(kind, from: start)
    }

    /// Names are ASCII (SPEC section 2), so a word with other letters is reported once, whole.
    private mutating func skipNonASCIIWord(from start: Int) {
        while let c = peek(0), c.properties.isAlphabetic || isDigit(c) || c == "_" || c == "." { index += 1 }
        let word = text(from: start, to: index)
        report(at: start, "`\(word)` is not a name: names use the letters A-Z and a-z, digits and `_`",
               hint: "refer to a question by its id; put other text in quotes, e.g. '\(word)'")
        tokens.append(ExpressionToken(kind: .name([word]), text: word, position: positions[start]))
    }

    // MARK: - Helpers

    private func peek(_ ahead: Int) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private func text(from start: Int, to end: Int) -> String {
        let slice = scalars[start..<end]
        if slice.allSatisfy(\.isASCII) {
            // Names, numbers and operators are ASCII: their bytes are their scalars.
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                var k = 0
                for scalar in slice {
                    buffer[k] = UInt8(truncatingIfNeeded: scalar.value)
                    k += 1
                }
                return k
            }
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    private func isASCIILetter(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c)
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c)
    }

    private mutating func report(at scalarIndex: Int, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(.exprSyntax, at: positions[scalarIndex], message, hint: hint))
    }
}
