/// Estimates how long a respondent takes to read a text, for the effort estimate of SPEC section 7.
public enum ReadingTime {
    /// Words read per second in alphabetic scripts.
    static let wordsPerSecond = 4.0
    /// Characters read per second in Chinese, Japanese and Korean, which are read by the character.
    static let cjkCharactersPerSecond = 8.0

    /// Estimated seconds to read `text`: 4 words a second for alphabetic text, 8 characters a second for CJK
    /// (Han, Hiragana, Katakana, Hangul, CJK punctuation and fullwidth forms); mixed text sums both parts.
    /// (SPEC section 7)
    ///
    /// A word is a run of characters between spaces and CJK characters that holds at least one letter or
    /// digit, so `don't`, `e-mail` and `2026` are one word each and a lone `-` or `?` is none.
    public static func seconds(_ text: String) -> Double {
        var words = 0
        var cjkCharacters = 0
        var inWord = false
        var wordHasContent = false
        // Unicode scalars rather than Characters: grapheme breaking costs more than the whole estimate,
        // and combining marks never start or end a word.
        for scalar in text.unicodeScalars {
            let cjk: Bool, space: Bool, content: Bool
            if scalar.isASCII {
                let v = scalar.value
                cjk = false
                space = v == 0x20 || (0x09...0x0D).contains(v)
                content = (0x30...0x39).contains(v) || (0x41...0x5A).contains(v) || (0x61...0x7A).contains(v)
            } else {
                cjk = isCJK(scalar)
                let p = scalar.properties
                space = p.isWhitespace
                content = p.isAlphabetic || p.numericType != nil
            }
            if cjk { cjkCharacters += 1 }
            if cjk || space {
                if inWord, wordHasContent { words += 1 }
                inWord = false
                wordHasContent = false
            } else {
                inWord = true
                if content { wordHasContent = true }
            }
        }
        if inWord, wordHasContent { words += 1 }
        return Double(words) / wordsPerSecond + Double(cjkCharacters) / cjkCharactersPerSecond
    }

    /// Whether `scalar` is read as a CJK character: Han, kana, Hangul, Bopomofo, CJK symbols and
    /// punctuation, and fullwidth or halfwidth forms. The ideographic space is whitespace, not read.
    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000: false                     // ideographic space
        case 0x1100...0x11FF,                  // Hangul Jamo
             0x2E80...0x2FDF,                  // CJK and Kangxi radicals
             0x2FF0...0x2FFF,                  // ideographic description characters
             0x3001...0x303F,                  // CJK symbols and punctuation
             0x3040...0x30FF,                  // Hiragana, Katakana
             0x3100...0x312F,                  // Bopomofo
             0x3130...0x318F,                  // Hangul compatibility Jamo
             0x3190...0x31FF,                  // Kanbun, Bopomofo extended, CJK strokes, Katakana extensions
             0x3200...0x33FF,                  // enclosed CJK letters, CJK compatibility
             0x3400...0x4DBF,                  // CJK extension A
             0x4E00...0x9FFF,                  // CJK unified ideographs
             0xA960...0xA97F,                  // Hangul Jamo extended A
             0xAC00...0xD7FF,                  // Hangul syllables, Jamo extended B
             0xF900...0xFAFF,                  // CJK compatibility ideographs
             0xFE10...0xFE1F,                  // vertical forms
             0xFE30...0xFE4F,                  // CJK compatibility forms
             0xFF00...0xFFEF,                  // halfwidth and fullwidth forms
             0x1B000...0x1B16F,                // kana supplement and extensions
             0x20000...0x323AF:                // CJK extensions B to H, compatibility supplement
            true
        default: false
        }
    }
}
