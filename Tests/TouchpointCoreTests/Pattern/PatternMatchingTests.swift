import Testing
import TouchpointCore

/// One pattern with answers it must accept and answers it must refuse.
struct PatternMatchCase: Sendable, CustomTestStringConvertible {
    let pattern: String
    let accepts: [String]
    let refuses: [String]

    init(_ pattern: String, accepts: [String], refuses: [String] = []) {
        self.pattern = pattern
        self.accepts = accepts
        self.refuses = refuses
    }

    var testDescription: String { pattern }
}

@Suite("Pattern matching")
struct PatternMatchingTests {
    static let realWorld: [PatternMatchCase] = [
        // E-mail addresses, including ones with Chinese names and domains.
        PatternMatchCase(#"[\w.+-]+@[\w-]+(\.[\w-]+)+"#,
                  accepts: ["li.wei@example.com", "a+tag@mail.co.uk", "张伟@例子.中国"],
                  refuses: ["no-at-sign.com", "x@y", "x@y.com ", " x@y.com", "a@b@c.com"]),
        // Chinese mobile numbers, optionally with the country code; fullwidth digits are not \d.
        PatternMatchCase(#"(\+86)?1[3-9]\d{9}"#,
                  accepts: ["13812345678", "+8613812345678"],
                  refuses: ["12812345678", "1381234567", "138123456789", "１３８１２３４５６７８", "+86 13812345678"]),
        // North American phone numbers in common spellings.
        PatternMatchCase(#"\(?\d{3}\)?[ .-]?\d{3}[.-]\d{4}"#,
                  accepts: ["(555) 123-4567", "555.123.4567", "555-123-4567", "555123-4567"],
                  refuses: ["555-1234", "555 123 4567", "(555) 123-45678"]),
        // UK postcodes: case-sensitive, one optional space.
        PatternMatchCase(#"[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}"#,
                  accepts: ["SW1A 1AA", "M1 1AE", "EC1A1BB", "B33 8TH"],
                  refuses: ["sw1a 1aa", "SW1A  1AA", "SW1A 1A", "12345"]),
        // US ZIP and ZIP+4.
        PatternMatchCase(#"\d{5}(-\d{4})?"#,
                  accepts: ["12345", "12345-6789"],
                  refuses: ["1234", "12345-", "12345-678", "zip 12345", "123456"]),
        // Chinese postcodes and Canadian postal codes.
        PatternMatchCase(#"\d{6}"#, accepts: ["100000", "200031"], refuses: ["10000", "1000000", "１０００００"]),
        PatternMatchCase(#"[A-Z]\d[A-Z] ?\d[A-Z]\d"#, accepts: ["K1A 0B1", "H0H0H0"], refuses: ["K1A 0B", "k1a 0b1"]),
        // Chinese names: a range of Han characters, and `.` counting characters, not bytes.
        PatternMatchCase("[一-龥]{2,4}", accepts: ["张伟", "欧阳修", "司马相如"], refuses: ["张", "Zhang", "张 伟", "欧阳修文字"]),
        PatternMatchCase(".{2,4}", accepts: ["欧阳修", "ab", "😀😀"], refuses: ["欧阳修文字", "中"]),
        PatternMatchCase(#"\w+"#, accepts: ["北京", "Straße", "नमस्ते", "snake_case", "٣"], refuses: ["北 京", "a-b", ""]),
        PatternMatchCase(#"\S+\s\S+"#, accepts: ["张　伟", "Li Wei", "a\tb"], refuses: ["张伟", "Li  Wei"]),
        PatternMatchCase("[ぁ-ゖ]+|[ァ-ヺ]+", accepts: ["ひらがな", "カタカナ"], refuses: ["ひらカナ", "漢字"]),
        PatternMatchCase("您的(订单|预约)号", accepts: ["您的订单号", "您的预约号"], refuses: ["您的号", "您的订单预约号"]),
    ]

    static let syntax: [PatternMatchCase] = [
        // The whole text must match.
        PatternMatchCase("abc", accepts: ["abc"], refuses: ["xabc", "abcx", "ab", "", "ABC"]),
        PatternMatchCase("ab|cd", accepts: ["ab", "cd"], refuses: ["abd", "acd", "abcd"]),
        PatternMatchCase("a|b", accepts: ["a", "b"], refuses: ["ab", ""]),
        // Empty patterns, empty groups and empty alternatives.
        PatternMatchCase("", accepts: [""], refuses: ["a", " "]),
        PatternMatchCase("()", accepts: [""], refuses: ["a"]),
        PatternMatchCase("a|", accepts: ["a", ""], refuses: ["aa"]),
        PatternMatchCase("(?:)x", accepts: ["x"], refuses: [""]),
        // Anchors are optional, and honoured where they appear.
        PatternMatchCase(#"^\d+$"#, accepts: ["123"], refuses: ["12a", ""]),
        PatternMatchCase("(^a|b)c", accepts: ["ac", "bc"], refuses: ["c"]),
        PatternMatchCase("a^b", accepts: [], refuses: ["ab", "a^b"]),
        PatternMatchCase("a$b", accepts: [], refuses: ["ab", "a$b"]),
        PatternMatchCase("x$|y", accepts: ["x", "y"], refuses: ["xy"]),
        // `.` is any character but a line break.
        PatternMatchCase(".+", accepts: ["a b", "中文", "a\tb"], refuses: ["a\nb", "a\rb", "a\r\nb", ""]),
        PatternMatchCase(#"[\s\S]+"#, accepts: ["a\nb", "中"], refuses: [""]),
        // Classes.
        PatternMatchCase("[abc]+", accepts: ["abcba"], refuses: ["abd", ""]),
        PatternMatchCase("[^0-9]+", accepts: ["abc", "中文"], refuses: ["a1", "9"]),
        PatternMatchCase(#"[\d_-]+"#, accepts: ["1_-2", "-", "_"], refuses: ["1.2", "a"]),
        PatternMatchCase("[-a]", accepts: ["-", "a"], refuses: ["b"]),
        PatternMatchCase("[a-]", accepts: ["-", "a"], refuses: ["b"]),
        PatternMatchCase(#"[a\-z]"#, accepts: ["a", "-", "z"], refuses: ["b"]),
        PatternMatchCase(#"[\]\[]"#, accepts: ["]", "["], refuses: ["\\"]),
        PatternMatchCase("[.*+?]", accepts: [".", "*", "+", "?"], refuses: ["a"]),
        PatternMatchCase(#"[^\s]+"#, accepts: ["abc"], refuses: ["a b", "a\u{3000}b"]),
        PatternMatchCase(#"[\D]"#, accepts: ["a"], refuses: ["5"]),
        PatternMatchCase(#"[^\W\d]+"#, accepts: ["abc", "中文"], refuses: ["a1", "a-b"]),
        PatternMatchCase(#"[^\]a]"#, accepts: ["b"], refuses: ["]", "a"]),
        // Escapes.
        PatternMatchCase(#"\d\D\w\W\s\S"#, accepts: ["1a_- x", "9z9.\tZ"],
                  refuses: ["aa_- x", "1a_x x", "1a_-\u{3000}\u{3000}"]),
        PatternMatchCase(#"a\.b"#, accepts: ["a.b"], refuses: ["axb"]),
        PatternMatchCase(#"\\\(\)\[\]\{\}\*\+\?\|\^\$\-\/"#, accepts: [#"\()[]{}*+?|^$-/"#], refuses: ["x"]),
        PatternMatchCase(#"a\tb\nc\rd"#, accepts: ["a\tb\nc\rd"], refuses: ["a b c d"]),
        PatternMatchCase(##"\@\#\%\ \,"##, accepts: ["@#% ,"], refuses: ["@#%,"]),
        // Quantifiers.
        PatternMatchCase("a*", accepts: ["", "a", "aaaa"], refuses: ["b", "ab"]),
        PatternMatchCase("a+", accepts: ["a", "aaaa"], refuses: [""]),
        PatternMatchCase("ab?c", accepts: ["ac", "abc"], refuses: ["abbc"]),
        PatternMatchCase("a{3}", accepts: ["aaa"], refuses: ["aa", "aaaa"]),
        PatternMatchCase("a{2,}", accepts: ["aa", "aaaaaaa"], refuses: ["a", ""]),
        PatternMatchCase("a{2,4}", accepts: ["aa", "aaa", "aaaa"], refuses: ["a", "aaaaa"]),
        PatternMatchCase("a{0}b", accepts: ["b"], refuses: ["ab"]),
        PatternMatchCase("(ab){1,2}", accepts: ["ab", "abab"], refuses: ["", "ababab", "aba"]),
        PatternMatchCase("(?:a|bc)+d", accepts: ["ad", "bcad", "abcbcd"], refuses: ["d", "bd"]),
        // Lazy quantifiers answer the same as greedy ones.
        PatternMatchCase("a+?", accepts: ["a", "aaa"], refuses: [""]),
        PatternMatchCase("a*?b", accepts: ["b", "aab"], refuses: ["a"]),
        PatternMatchCase("a??b", accepts: ["b", "ab"], refuses: ["aab"]),
        PatternMatchCase("a{2,3}?", accepts: ["aa", "aaa"], refuses: ["aaaa"]),
        // Loops over things that can match nothing end.
        PatternMatchCase("(a*)*", accepts: ["", "aaa"], refuses: ["b"]),
        PatternMatchCase("(a?)*b", accepts: ["b", "aab"], refuses: ["aa"]),
        PatternMatchCase("(|a)+", accepts: ["", "aa"], refuses: ["b"]),
        PatternMatchCase("(a*)+$", accepts: ["", "aa"], refuses: ["ba"]),
    ]

    @Test("real-world patterns accept and refuse the right answers", arguments: realWorld)
    func realWorldPatterns(_ c: PatternMatchCase) throws {
        try check(c)
    }

    @Test("each piece of syntax matches what the documentation says", arguments: syntax)
    func syntaxPieces(_ c: PatternMatchCase) throws {
        try check(c)
    }

    @Test func countedRepetitionAtTheLimitStillCountsExactly() throws {
        let p = try Pattern("x{0,1000}")
        #expect(p.matches(String(repeating: "x", count: 1000)))
        #expect(!p.matches(String(repeating: "x", count: 1001)))
    }

    @Test func accentsMatchWhetherTypedComposedOrDecomposed() throws {
        let composed = "caf\u{E9}"
        let decomposed = "cafe\u{301}"
        #expect(try Pattern(composed).matches(decomposed))
        #expect(try Pattern(decomposed).matches(composed))
        #expect(try Pattern("caf.").matches(decomposed))
        #expect(try Pattern(#"\w+"#).matches(decomposed))
    }

    @Test func patternsWithTheSameSourceAreEqual() throws {
        let a = try Pattern(#"\d{5}"#)
        let b = try Pattern(#"\d{5}"#)
        let c = try Pattern(#"\d{6}"#)
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
        #expect(a.source == #"\d{5}"#)
    }

    private func check(_ c: PatternMatchCase) throws {
        let pattern = try Pattern(c.pattern)
        for text in c.accepts {
            #expect(pattern.matches(text), "\(c.pattern) should accept \(text.debugDescription)")
        }
        for text in c.refuses {
            #expect(!pattern.matches(text), "\(c.pattern) should refuse \(text.debugDescription)")
        }
    }
}
