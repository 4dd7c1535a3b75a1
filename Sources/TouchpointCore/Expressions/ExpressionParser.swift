/// Reads an expression's source into an `Expr` (SPEC section 3), reporting syntax errors with positions.
public enum ExpressionParser {
    /// Parses `source`, whose first character sits at `origin` in the questionnaire file.
    ///
    /// Returns the tree, or nil when there is any error; the diagnostics are sorted by position. Syntax
    /// errors are `.exprSyntax`; an expression past `ExpressionLimits` gives one `.exprTooComplex`.
    public static func parse(_ source: String, origin: SourcePosition) -> (Expr?, [Diagnostic]) {
        // Checked before anything is copied, so a huge scalar costs no more than its first 2,000 characters.
        if !source.unicodeScalars.dropFirst(ExpressionLimits.maxLength).isEmpty {
            return (nil, [Diagnostic(.exprTooComplex, at: origin,
                                     "the expression is longer than \(ExpressionLimits.maxLength) characters",
                                     hint: "split it into `compute:` items and refer to them by id")])
        }
        let (tokens, lexical) = ExpressionLexer.tokenize(source, origin: origin)
        var parser = ExpressionParserState(tokens: tokens, lexerReported: !lexical.isEmpty)
        let expr = parser.parseWhole()
        let diagnostics = (lexical + parser.diagnostics).enumerated()
            .sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
            .map(\.element)
        return (diagnostics.isEmpty ? expr : nil, diagnostics)
    }
}

/// The recursive-descent parser behind `ExpressionParser`, one function a precedence level.
///
/// Recursion happens only through prefix operators and brackets, and each of those counts towards
/// `ExpressionLimits.maxDepth` before recursing, so the stack stays shallow whatever the input.
/// Every loop turn consumes at least one token, so recovery can never spin.
struct ExpressionParserState {
    private enum Stop: Error { case tooComplex, tooManyErrors }

    private var tokens: [ExpressionToken]
    private var index = 0
    private var depth = 0
    private var nodes = 0
    private(set) var diagnostics: [Diagnostic] = []
    /// Past this many syntax errors the rest is likely noise from the first.
    private let maxErrors = 8

    /// Whether the lexer already reported a problem (then an empty token list needs no second message).
    private let lexerReported: Bool

    init(tokens: [ExpressionToken], lexerReported: Bool) {
        self.tokens = tokens
        self.lexerReported = lexerReported
    }

    /// The whole expression, or nil when parsing stopped early.
    mutating func parseWhole() -> Expr? {
        if case .end = current.kind {
            if !lexerReported {
                diagnostics.append(Diagnostic(.exprSyntax, at: current.position, "the expression is empty",
                                              hint: "write a condition, e.g. `recommend >= 9`"))
            }
            return nil
        }
        do {
            let expr = try parseOr()
            try expectEnd()
            return expr
        } catch {
            return nil
        }
    }

    // MARK: - Levels, loosest first

    private mutating func parseOr() throws -> Expr {
        var lhs = try parseAnd()
        while case .binary(.or) = current.kind {
            let op = advance()
            let rhs = try parseAnd()
            lhs = try node(.binary(.or, lhs, rhs, op.position))
        }
        return lhs
    }

    private mutating func parseAnd() throws -> Expr {
        var lhs = try parseNot()
        while case .binary(.and) = current.kind {
            let op = advance()
            let rhs = try parseNot()
            lhs = try node(.binary(.and, lhs, rhs, op.position))
        }
        return lhs
    }

    private mutating func parseNot() throws -> Expr {
        guard case .not = current.kind else { return try parseComparison() }
        let op = advance()
        try enter(op)
        defer { depth -= 1 }
        let operand = try parseNot()
        return try node(.unary(.not, operand, op.position))
    }

    private mutating func parseComparison() throws -> Expr {
        let lhs = try parseAdditive()
        guard let first = comparisonOperator() else { return lhs }
        let rhs = try parseAdditive()
        var result = try comparison(first, lhs, rhs)
        var chained = false
        // Comparisons do not associate; a second one is reported once, then read on to find later errors.
        while let next = comparisonOperator() {
            let more = try parseAdditive()
            if !chained {
                chained = true
                let suggestion = "\(result.sourceText) and \(rhs.sourceText) \(next.spelling) \(more.sourceText)"
                try report(at: next.position,
                           "`\(next.spelling)` cannot follow another comparison: comparisons do not chain",
                           hint: "write `\(suggestion)`")
            }
            result = try comparison(next, result, more)
        }
        return result
    }

    private mutating func parseAdditive() throws -> Expr {
        var lhs = try parseMultiplicative()
        while let op = current.binaryOperator, op == .add || op == .subtract {
            let token = advance()
            let rhs = try parseMultiplicative()
            lhs = try node(.binary(op, lhs, rhs, token.position))
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws -> Expr {
        var lhs = try parseUnary()
        while let op = current.binaryOperator, op == .multiply || op == .divide {
            let token = advance()
            let rhs = try parseUnary()
            lhs = try node(.binary(op, lhs, rhs, token.position))
        }
        return lhs
    }

    private mutating func parseUnary() throws -> Expr {
        guard case .minus = current.kind else { return try parsePrimary() }
        let op = advance()
        try enter(op)
        defer { depth -= 1 }
        let operand = try parseUnary()
        // `-5` is a number, so analyses that look for `name < literal` see negative bounds too.
        if case .literal(.number(let n), _) = operand {
            return .literal(.number(-n), op.position)
        }
        return try node(.unary(.negate, operand, op.position))
    }

    private mutating func parsePrimary() throws -> Expr {
        let token = current
        let expr: Expr
        switch token.kind {
        case .number(let n):
            advance()
            expr = try node(.literal(.number(n), token.position))
        case .text(let s):
            advance()
            expr = try node(.literal(.text(s), token.position))
        case .keywordTrue, .keywordFalse:
            advance()
            expr = try node(.literal(.bool(token.kind == .keywordTrue), token.position))
        case .keywordNull:
            advance()
            expr = try node(.literal(.null, token.position))
        case .name(let parts) where parts.count == 1 && parts[0] != "not" && parts[0].lowercased() == "not"
                                     && peek(1).startsValue:
            try report(at: token.position, "`\(token.text)` is not an operator; write `not`",
                       hint: "operators are written in lowercase")
            tokens[index].kind = .not
            expr = try parseNot()
        case .name(let parts):
            advance()
            if case .leftParen = current.kind {
                if parts.count > 1 {
                    try report(at: token.position, "`\(token.text)` is not a function",
                               hint: "the functions are \(BuiltinFunction.list)")
                }
                expr = try parseCall(token)
            } else {
                expr = try node(.name(QualifiedName(parts: parts), token.position))
            }
        case .leftParen:
            expr = try parseGroup()
        case .leftBracket:
            expr = try parseList()
        case .not:
            // `a == not b`: `not` binds looser than `==`, so it cannot stand here without parentheses.
            try missingValue(hint: "`not` applies to a whole condition; put it in parentheses, e.g. `(not solved)`")
            expr = try parseNot()
        default:
            try missingValue(hint: nil)
            expr = try node(.literal(.null, token.position))
        }
        try fixOperatorSpelling()
        return expr
    }

    // MARK: - Brackets

    private mutating func parseGroup() throws -> Expr {
        let open = advance()
        try enter(open)
        defer { depth -= 1 }
        if case .rightParen = current.kind {
            try report(at: current.position, "`()` is empty; expected a value inside the parentheses",
                       hint: "remove them or write a value inside, e.g. `(a or b)`")
            advance()
            return try node(.literal(.null, open.position))
        }
        if case .end = current.kind {
            try report(at: current.position, "unclosed `(` opened at \(place(open.position))",
                       hint: "add a value and `)` after it")
            return try node(.literal(.null, open.position))
        }
        let inner = try parseOr()
        if case .rightParen = current.kind {
            advance()
        } else if current.startsValue {
            try missingOperator()
        } else if case .end = current.kind {
            try report(at: current.position, "unclosed `(` opened at \(place(open.position))",
                       hint: "add `)` where the group ends")
        } else {
            try report(at: current.position, "expected `)` to close the `(` opened at \(place(open.position)), found `\(current.text)`",
                       hint: "add `)` where the group ends")
        }
        return inner
    }

    private mutating func parseList() throws -> Expr {
        let open = advance()
        try enter(open)
        defer { depth -= 1 }
        let items = try parseItems(closer: .rightBracket, open: open, what: "the list")
        return try node(.list(items, open.position))
    }

    private mutating func parseCall(_ name: ExpressionToken) throws -> Expr {
        let open = advance()
        try enter(open)
        defer { depth -= 1 }
        let args = try parseItems(closer: .rightParen, open: open, what: "the call to `\(name.text)`")
        return try node(.call(name.text, args, name.position))
    }

    /// Comma-separated values up to `closer`; a missing comma is reported and the value read anyway.
    private mutating func parseItems(closer: ExpressionToken.Kind, open: ExpressionToken, what: String) throws -> [Expr] {
        let close = closer == .rightBracket ? "]" : ")"
        var items: [Expr] = []
        if current.kind == closer {
            advance()
            return items
        }
        while true {
            if case .end = current.kind {
                // Nothing follows `count(` or `[1,`: the missing bracket is the one problem worth reporting.
                try report(at: current.position, "unclosed `\(open.text)` opened at \(place(open.position))",
                           hint: "add `\(close)` after the last value")
                return items
            }
            items.append(try parseOr())
            if case .comma = current.kind {
                advance()
            } else if current.kind == closer {
                advance()
                return items
            } else if current.startsValue {
                try report(at: current.position, "expected `,` between the values of \(what), before `\(current.text)`",
                           hint: "separate values with commas, e.g. `[1, 2]`")
            } else if case .end = current.kind {
                try report(at: current.position, "unclosed `\(open.text)` opened at \(place(open.position))",
                           hint: "add `\(close)` after the last value")
                return items
            } else {
                try report(at: current.position, "expected `,` or `\(close)` in \(what), found `\(current.text)`",
                           hint: "close \(what) with `\(close)` (opened at \(place(open.position)))")
                return items
            }
        }
    }

    // MARK: - Operators

    /// A comparison operator as read: one token, or `not in` (whose `not` starts it).
    private struct ComparisonToken {
        var op: BinaryOperator
        var position: SourcePosition
        /// Where `in` is, for `not in`.
        var negatedAt: SourcePosition?
        var spelling: String
    }

    /// A comparison operator at the current token (including `not in`), consumed.
    private mutating func comparisonOperator() -> ComparisonToken? {
        if let op = current.binaryOperator, op.isComparison {
            let token = advance()
            return ComparisonToken(op: op, position: token.position, negatedAt: nil, spelling: op.symbol)
        }
        if case .not = current.kind, case .binary(.in) = peek(1).kind {
            let not = advance()
            let membership = advance()
            return ComparisonToken(op: .in, position: not.position, negatedAt: membership.position, spelling: "not in")
        }
        return nil
    }

    private mutating func comparison(_ op: ComparisonToken, _ lhs: Expr, _ rhs: Expr) throws -> Expr {
        guard let inPosition = op.negatedAt else { return try node(.binary(op.op, lhs, rhs, op.position)) }
        // `x not in y` is sugar for `not (x in y)`.
        let membership = try node(.binary(.in, lhs, rhs, inPosition))
        return try node(.unary(.not, membership, op.position))
    }

    /// In operator position a name can only be a misspelled operator (`AND`, `is`): report it and read it as meant.
    private mutating func fixOperatorSpelling() throws {
        guard case .name(let parts) = current.kind, parts.count == 1 else { return }
        let word = parts[0]
        let lower = word.lowercased()
        let replacement: (ExpressionToken.Kind, String)?
        switch lower {
        case "and": replacement = (.binary(.and), "and")
        case "or": replacement = (.binary(.or), "or")
        case "in": replacement = (.binary(.in), "in")
        case "is":
            if case .not = peek(1).kind {
                try report(at: current.position, "`\(word) not` is not an operator; write `!=`",
                           hint: "for example `reason != null`")
                tokens[index].kind = .binary(.notEqual)
                tokens.remove(at: index + 1)
                return
            }
            replacement = (.binary(.equal), "==")
        default: replacement = nil
        }
        guard let (kind, correct) = replacement else { return }
        try report(at: current.position, "`\(word)` is not an operator; write `\(correct)`",
                   hint: lower == "is" ? "`==` compares two values" : "operators are written in lowercase")
        tokens[index].kind = kind
    }

    // MARK: - Errors

    private mutating func missingValue(hint: String?) throws {
        let found = current
        let previous = index > 0 ? tokens[index - 1] : nil
        let message: String
        switch (previous, found.kind) {
        case (let p?, .end): message = "expected a value after `\(p.text)`"
        case (let p?, _): message = "expected a value after `\(p.text)`, found `\(found.text)`"
        case (nil, _): message = "expected a value before `\(found.text)`"
        }
        try report(at: found.position, message, hint: hint ?? missingValueHint(after: previous))
    }

    private func missingValueHint(after previous: ExpressionToken?) -> String? {
        guard let previous else { return "an expression starts with a value, e.g. `recommend >= 9`" }
        switch previous.kind {
        case .binary(.and), .binary(.or):
            return "write another condition after `\(previous.text)`, or remove it"
        case .binary(.in):
            return "write a list or a multi question after `in`, e.g. `x in [1, 2]`"
        case .binary(let op) where op.isComparison:
            return "write what to compare with, e.g. `\(op.symbol) 9`"
        case .binary, .minus:
            return "write a number after `\(previous.text)`, e.g. `\(previous.text) 1`"
        case .not:
            return "write the condition to negate, e.g. `not solved`"
        case .comma:
            return "write a value after `,`, or remove the comma"
        default:
            return "write a number, 'text', a name, or a list in brackets"
        }
    }

    private mutating func missingOperator() throws {
        let previous = index > 0 ? tokens[index - 1].text : ""
        try report(at: current.position, "expected an operator between `\(previous)` and `\(current.text)`",
                   hint: "join conditions with `and` / `or`, or compare with `==`, `<`, `in`")
    }

    private mutating func expectEnd() throws {
        switch current.kind {
        case .end:
            return
        case .rightParen, .rightBracket:
            try report(at: current.position, "`\(current.text)` closes nothing: there is no matching opening bracket",
                       hint: "remove it, or add the opening bracket where the group starts")
        case .comma:
            try report(at: current.position, "unexpected `,` outside a list",
                       hint: "put several values in brackets, e.g. `x in [1, 2]`")
        default:
            if current.startsValue {
                try missingOperator()
            } else {
                try report(at: current.position, "unexpected `\(current.text)`")
            }
        }
    }

    private mutating func report(at position: SourcePosition, _ message: String, hint: String? = nil) throws {
        diagnostics.append(Diagnostic(.exprSyntax, at: position, message, hint: hint))
        if diagnostics.count >= maxErrors { throw Stop.tooManyErrors }
    }

    // MARK: - Bounds and tokens

    private mutating func enter(_ token: ExpressionToken) throws {
        depth += 1
        guard depth <= ExpressionLimits.maxDepth else {
            diagnostics.append(Diagnostic(.exprTooComplex, at: token.position,
                                          "the expression nests more than \(ExpressionLimits.maxDepth) levels deep",
                                          hint: "simplify it, or split it into `compute:` items and refer to them by id"))
            throw Stop.tooComplex
        }
    }

    private mutating func node(_ expr: Expr) throws -> Expr {
        nodes += 1
        guard nodes <= ExpressionLimits.maxNodes else {
            diagnostics.append(Diagnostic(.exprTooComplex, at: expr.position,
                                          "the expression has more than \(ExpressionLimits.maxNodes) parts",
                                          hint: "split it into `compute:` items and refer to them by id"))
            throw Stop.tooComplex
        }
        return expr
    }

    private var current: ExpressionToken { tokens[index] }

    private func peek(_ ahead: Int) -> ExpressionToken {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    @discardableResult
    private mutating func advance() -> ExpressionToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    /// "column 7", or "line 3, column 7" when the expression spans lines.
    private func place(_ position: SourcePosition) -> String {
        current.position.line == position.line ? "column \(position.column)" : "line \(position.line), column \(position.column)"
    }
}
