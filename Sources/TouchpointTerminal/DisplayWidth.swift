/// The number of terminal columns text occupies.
///
/// Text is measured as it will be shown: after `TerminalSanitizer.neutralize(_:)`, so a control
/// character counts as its visible form (ESC is `^[`, two columns). Then:
/// - East Asian Wide and Fullwidth characters (CJK ideographs, kana, Hangul syllables, fullwidth
///   forms, emoji shown as pictures) count 2;
/// - combining marks, format characters such as ZERO WIDTH SPACE, and conjoining Hangul vowels and
///   final consonants count 0;
/// - within one grapheme cluster, what follows ZERO WIDTH JOINER counts 0 (an emoji ZWJ sequence is
///   drawn as one picture), a pair of regional indicators (a flag) counts 2, and VARIATION
///   SELECTOR-16 widens an emoji that is otherwise drawn one column wide to 2;
/// - everything else counts 1, including a tab (its true width depends on the column it starts
///   at; `TextWrapper` turns tabs into spaces). A line feed counts 0.
///
/// The tables follow Unicode 15.1 (see `UnicodeWidthTables`).
public enum DisplayWidth {
    /// Columns that `text` occupies on one terminal line once neutralised.
    public static func of(_ text: String) -> Int {
        var columns = 0
        for character in TerminalSanitizer.neutralize(text) {
            columns += width(ofNeutralized: character)
        }
        return columns
    }

    /// Columns that one character occupies once neutralised.
    public static func of(_ character: Character) -> Int {
        of(String(character))
    }

    /// Columns of a single scalar on its own, out of any grapheme cluster; controls count as their
    /// visible form.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        if TerminalSanitizer.needsNeutralizing(scalar) {
            return TerminalSanitizer.visibleForm(of: scalar).unicodeScalars.count
        }
        return width(ofPrintable: scalar)
    }

    /// Width of a character known to hold no control that needs neutralising.
    static func width(ofNeutralized character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first {
            return width(ofPrintable: only)
        }
        var columns = 0
        var previous: Unicode.Scalar?
        var regionalIndicators = 0
        for scalar in scalars {
            defer { previous = scalar }
            if previous == "\u{200D}" { continue }
            if isRegionalIndicator(scalar) {
                regionalIndicators += 1
                // Two regional indicators make one flag, drawn two columns wide.
                columns += regionalIndicators % 2 == 1 ? 2 : 0
                continue
            }
            if scalar == "\u{FE0F}", let base = previous, contains(UnicodeWidthTables.narrowEmojiWidenedBySelector16, base) {
                columns += 1
                continue
            }
            columns += width(ofPrintable: scalar)
        }
        return columns
    }

    /// Width of one printable scalar: 0, 1 or 2.
    static func width(ofPrintable scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 {
            // Latin, the common case: only U+00AD SOFT HYPHEN is zero-width below U+0300.
            return value == 0x0A || value == 0xAD ? 0 : 1
        }
        if contains(UnicodeWidthTables.zeroWidth, scalar) { return 0 }
        if contains(UnicodeWidthTables.wide, scalar) { return 2 }
        return 1
    }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(scalar.value)
    }

    /// Binary search of a sorted table of disjoint ranges.
    private static func contains(_ table: [ClosedRange<UInt32>], _ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        var low = 0
        var high = table.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let range = table[middle]
            if value < range.lowerBound {
                high = middle - 1
            } else if value > range.upperBound {
                low = middle + 1
            } else {
                return true
            }
        }
        return false
    }
}
