import Foundation

/// A regular expression for the `pattern` key of text questions, matched against the whole answer in linear time.
///
/// The answer must match as a whole: `\d{5}` accepts `12345` but not `12345-6789` or `zip 12345`, as if
/// the pattern were written `^(?:\d{5})$`.
///
/// Matching never backtracks: the pattern is compiled to a Thompson automaton and run over the answer
/// once, so it takes time proportional to the pattern's size times the answer's length. A pattern such
/// as `(a+)+b`, which makes backtracking engines hang, is as fast as any other.
///
/// Supported syntax. Matching works on Unicode code points, so Chinese, Japanese or accented text works
/// with `.`, classes and literals; answers and patterns are compared in Unicode NFC form, so an accent
/// typed as a separate combining mark still matches.
///
/// - `a`, `中`, `é`: that character. Every character except the special ones below stands for itself.
/// - `.`: any one character except a line break.
/// - `\d`, `\D`: an ASCII digit 0-9; anything else.
/// - `\w`, `\W`: a letter, digit or `_` in any script (accent and vowel marks included); anything else.
/// - `\s`, `\S`: a whitespace character (space, tab, ideographic space, ...); anything else.
/// - `\n`, `\t`, `\r`: a line feed, a tab, a carriage return.
/// - `\.` `\\` `\(` `\)` `\[` `\]` `\{` `\}` `\*` `\+` `\?` `\|` `\^` `\$` `\-` `\/`: that symbol itself. Any
///   punctuation or symbol may be escaped this way; a backslash before a letter or digit must be one of
///   the escapes listed here.
/// - `[abc]`, `[a-z]`, `[\d_-]`: one character of the class (`-` is literal first or last, `\]` and `\-`
///   anywhere). `[^0-9]`: one character not in the class.
/// - `(...)`, `(?:...)`: a group; both kinds behave the same.
/// - `x|y`: `x` or `y`.
/// - `x*`, `x+`, `x?`: `x` zero or more times, one or more times, zero or one time.
/// - `x{3}`, `x{2,}`, `x{2,5}`: `x` exactly 3 times, at least 2 times, 2 to 5 times (counts up to 1,000).
/// - `x*?`, `x+?`, `x??`, `x{2,5}?`: the same as without the `?`, since only "matches or not" is asked.
/// - `^`, `$`: the start and the end of the answer; optional, as the whole answer must match anyway.
///
/// Matching is case-sensitive: write `[Aa]` for either case.
///
/// Not supported, and reported as an error with a hint: backreferences (`\1`), lookahead and lookbehind
/// (`(?=`, `(?!`, `(?<=`, `(?<!`), atomic groups and possessive quantifiers (`(?>`, `a*+`), named groups,
/// inline options (`(?i)`), `\b`, `\p{...}`, `\uXXXX`, POSIX classes (`[:alpha:]`), unknown escapes
/// (`\q`), `{,5}`, a quantifier directly after another (`a**`), and literal `{ } ]` left unescaped.
/// Limits: at most 1,000 characters, counts up to 1,000, groups nested at most 100 deep, and at most
/// 2,500 automaton states (about the pattern's length with every `{n,m}` written out), which bounds the work
/// of matching to 2,500 steps a character of the answer.
public struct Pattern: Sendable, Hashable {
    /// The pattern as written.
    public let source: String
    private let program: PatternProgram
    /// The syntax tree, kept to generate answers that match (`example(using:)`).
    let tree: PatternNode

    /// Compiles `source`, or throws an error saying what is wrong, where, and how to fix it.
    public init(_ source: String) throws(PatternError) {
        self.source = source
        // Errors are found in the source as written, so their offsets point into what the author typed.
        var tree = try PatternParser.parse(source)
        let canonical = Self.canonical(source)
        // String equality ignores normalisation, so compare the scalars themselves.
        if !canonical.unicodeScalars.elementsEqual(source.unicodeScalars) {
            tree = try PatternParser.parse(canonical)
        }
        program = try PatternProgram(tree)
        self.tree = tree
    }

    /// Whether the whole of `text` matches the pattern.
    public func matches(_ text: String) -> Bool {
        var steps = 0
        return program.matches(Self.canonical(text).unicodeScalars, steps: &steps)
    }

    /// `matches(_:)`, adding to `steps` the work done: each automaton state entered and each thread tested
    /// against a scalar. It is at most `2 × stateCount × (scalars + 1)`, whatever the pattern: tests assert the
    /// work, not the time, so they hold on a busy machine.
    public func matches(_ text: String, steps: inout Int) -> Bool {
        program.matches(Self.canonical(text).unicodeScalars, steps: &steps)
    }

    /// The number of states of the compiled automaton.
    public var stateCount: Int { program.instructions.count }

    /// Patterns are equal when their sources are: the compiled form follows from the source.
    public static func == (lhs: Pattern, rhs: Pattern) -> Bool {
        lhs.source == rhs.source
    }

    /// Hashes the source, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(source)
    }

    /// `text` in NFC, so that `é` typed as `e` plus a combining accent matches `é` in the pattern.
    ///
    /// Text made only of scalars below U+0300 is already in NFC, and skipping it keeps ASCII answers cheap.
    private static func canonical(_ text: String) -> String {
        if text.unicodeScalars.allSatisfy({ $0.value < 0x300 }) { return text }
        return text.precomposedStringWithCanonicalMapping
    }
}
