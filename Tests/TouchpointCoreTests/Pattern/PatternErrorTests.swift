import Testing
import TouchpointCore

/// A pattern that must be refused, where, and a phrase the author must see.
struct PatternErrorCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let offset: Int
    let says: String

    init(_ pattern: String, at offset: Int, says: String) {
        self.pattern = pattern
        self.offset = offset
        self.says = says
    }

    var testDescription: String { pattern.count > 40 ? "\(pattern.prefix(40))..." : pattern }
}

@Suite("Pattern errors")
struct PatternErrorTests {
    static let cases: [PatternErrorCase] = [
        // Constructs that need backtracking.
        PatternErrorCase(#"(a)\1"#, at: 3, says: "backreferences are not supported"),
        PatternErrorCase(#"(?<x>a)\k<x>"#, at: 0, says: "named groups are not supported"),
        PatternErrorCase(#"a\k<x>"#, at: 1, says: "backreferences are not supported"),
        PatternErrorCase("(?=a)a", at: 0, says: "lookahead `(?=` is not supported"),
        PatternErrorCase("a(?!b)", at: 1, says: "lookahead `(?!` is not supported"),
        PatternErrorCase("(?<=a)b", at: 0, says: "lookbehind `(?<=` is not supported"),
        PatternErrorCase("x(?<!a)b", at: 1, says: "lookbehind `(?<!` is not supported"),
        PatternErrorCase("(?>a+)b", at: 0, says: "atomic groups"),
        PatternErrorCase("a*+b", at: 2, says: "possessive quantifiers"),
        PatternErrorCase("a++", at: 2, says: "possessive quantifiers"),
        PatternErrorCase("a{2}+", at: 4, says: "possessive quantifiers"),
        // Other unsupported syntax, each with a way out.
        PatternErrorCase("(?i)abc", at: 0, says: "write both cases"),
        PatternErrorCase("(?#note)a", at: 0, says: "comments"),
        PatternErrorCase(#"\bword\b"#, at: 0, says: "word boundaries"),
        PatternErrorCase(#"\Aabc"#, at: 0, says: "use ^ and $"),
        PatternErrorCase(#"\p{Han}+"#, at: 0, says: "properties like \\p{...} are not supported"),
        PatternErrorCase(#"caf\u00e9"#, at: 3, says: "write the character itself"),
        PatternErrorCase(#"a\q"#, at: 1, says: "unknown escape \\q"),
        PatternErrorCase(#"\0"#, at: 0, says: "unknown escape"),
        PatternErrorCase(#"abc\"#, at: 3, says: "lone backslash"),
        PatternErrorCase("[[:alpha:]]", at: 1, says: "classes like [:alpha:] (POSIX) are not supported"),
        // Unbalanced brackets.
        PatternErrorCase("(ab", at: 0, says: "this `(` is never closed"),
        PatternErrorCase("a(b(c)", at: 1, says: "this `(` is never closed"),
        PatternErrorCase("ab)", at: 2, says: "this `)` closes no group"),
        PatternErrorCase("(a))", at: 3, says: "this `)` closes no group"),
        PatternErrorCase("[abc", at: 0, says: "this `[` is never closed"),
        PatternErrorCase(#"x[a\]"#, at: 1, says: "this `[` is never closed"),
        PatternErrorCase("a]", at: 1, says: "this `]` closes no class"),
        PatternErrorCase("a}", at: 1, says: "this `}` closes no counted repetition"),
        PatternErrorCase("[]", at: 0, says: "empty class"),
        PatternErrorCase("[^]", at: 0, says: "empty class"),
        // Nothing to repeat.
        PatternErrorCase("*a", at: 0, says: "`*` has nothing to repeat"),
        PatternErrorCase("a|*b", at: 2, says: "`*` has nothing to repeat"),
        PatternErrorCase("(+a)", at: 1, says: "`+` has nothing to repeat"),
        PatternErrorCase("?", at: 0, says: "`?` has nothing to repeat"),
        PatternErrorCase("{2}a", at: 0, says: "nothing to repeat"),
        PatternErrorCase("^*a", at: 1, says: "an anchor (^ or $) cannot be repeated"),
        PatternErrorCase("a$+", at: 2, says: "an anchor (^ or $) cannot be repeated"),
        PatternErrorCase("a**", at: 2, says: "follows another quantifier"),
        PatternErrorCase("a{2}{3}", at: 4, says: "follows another quantifier"),
        // Bad ranges and counts.
        PatternErrorCase("[z-a]", at: 1, says: "the range z-a is backwards; write a-z"),
        PatternErrorCase("[0-9Z-A]", at: 4, says: "the range Z-A is backwards"),
        PatternErrorCase(#"[\d-z]"#, at: 1, says: "a range cannot start or end at"),
        PatternErrorCase(#"[a-\w]"#, at: 1, says: "a range cannot start or end at"),
        PatternErrorCase("a{5,2}", at: 1, says: "write {2,5}"),
        PatternErrorCase("a{,5}", at: 1, says: "write {0,5}"),
        PatternErrorCase("a{2, 5}", at: 1, says: "without spaces"),
        PatternErrorCase("a{2", at: 1, says: "without spaces"),
        PatternErrorCase("a{x}", at: 1, says: "write \\{ for a literal brace"),
        PatternErrorCase("{x}", at: 0, says: "`{` starts a counted repetition"),
        PatternErrorCase("a{5000}", at: 1, says: "counted repetition above 1,000"),
        PatternErrorCase("a{2,1001}", at: 1, says: "counted repetition above 1,000"),
        PatternErrorCase("a{99999999999999999999999}", at: 1, says: "counted repetition above 1,000"),
        // Offsets count Unicode scalars, whatever their size in bytes.
        PatternErrorCase("中文(", at: 2, says: "this `(` is never closed"),
        PatternErrorCase("😀*+", at: 2, says: "possessive quantifiers"),
        // Size limits.
        PatternErrorCase(String(repeating: "a", count: 1001), at: 0, says: "pattern too large"),
        PatternErrorCase("(a{1000}){3}", at: 0, says: "pattern too large"),
        PatternErrorCase("(.{0,1000}.{0,1000}.{0,1000}.{0,1000})*x", at: 0, says: "more than 2,500 matching states"),
        PatternErrorCase("[:digit:]+", at: 0, says: "looks like a POSIX class"),
        PatternErrorCase("a[^=x=]", at: 1, says: "`[^=x=]` looks like a POSIX class"),
        PatternErrorCase("((a{1000}){1000}){1000}", at: 0, says: "pattern too large"),
        PatternErrorCase(".{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.{1000}.", at: 0,
                  says: "more than 2,500 matching states"),
        PatternErrorCase(String(repeating: "(", count: 101) + "a" + String(repeating: ")", count: 101), at: 100,
                  says: "nested more than 100 deep"),
    ]

    @Test("a refused pattern says what is wrong and where", arguments: cases)
    func refusedPattern(_ c: PatternErrorCase) {
        #expect {
            _ = try Pattern(c.pattern)
        } throws: { error in
            guard let error = error as? PatternError else { return false }
            #expect(error.offset == c.offset)
            #expect(error.message.contains(c.says), "message was: \(error.message)")
            // Callers put the message after a colon, so it reads as one sentence.
            #expect(error.message.first?.isUppercase == false)
            return true
        }
    }

    @Test func patternsJustInsideTheLimitsCompile() throws {
        _ = try Pattern(String(repeating: "a", count: 1000))
        _ = try Pattern("a{1000}")
        _ = try Pattern("(a{900}){2}")
        _ = try Pattern("[:]")
        _ = try Pattern("[a:]")
        _ = try Pattern(String(repeating: "(", count: 100) + "a" + String(repeating: ")", count: 100))
    }

    @Test func theDescriptionGivesAOneBasedPosition() {
        let error = PatternError(offset: 2, message: "this `(` is never closed")
        #expect(error.description == "this `(` is never closed (at character 3 of the pattern)")
    }
}
