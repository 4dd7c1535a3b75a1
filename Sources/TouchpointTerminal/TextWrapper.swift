/// Word wrapping measured in terminal columns, for Latin and CJK text alike.
///
/// Lines break at spaces, and between characters of East Asian wide text (which is written
/// without spaces), never inside a Latin word unless the word alone is wider than the line.
/// Line-breaking rules of Chinese and Japanese typesetting are kept: closing punctuation such as
/// `。`, `，`, `）` or `,` never starts a line and opening brackets such as `「` or `（` never end
/// one. Widths come from `DisplayWidth`.
///
/// The text is neutralised first (`TerminalSanitizer`), so the lines are safe to print. Line feeds
/// are kept as hard breaks; a tab becomes one space; spaces where a line breaks are dropped, and
/// spaces at the start of a paragraph are kept.
public enum TextWrapper {
    /// The text as lines no wider than `width` columns, each starting with its indentation.
    ///
    /// - Parameters:
    ///   - width: the columns available, usually the terminal width.
    ///   - indent: spaces before the first line.
    ///   - continuationIndent: spaces before every later line; `indent` when nil, so a hanging
    ///     indent (an option label aligned after its number) is `indent: 2, continuationIndent: 6`.
    /// - Returns: at least one line; empty lines carry no indentation. A line is wider than
    ///   `width` only when the indentation leaves no room, or a single wide character is wider
    ///   than the room left.
    public static func wrap(_ text: String, width: Int, indent: Int = 0, continuationIndent: Int? = nil) -> [String] {
        var filler = LineFiller(width: width, firstIndent: max(0, indent), laterIndent: max(0, continuationIndent ?? indent))
        let neutral = TerminalSanitizer.neutralize(text)
        for paragraph in neutral.split(separator: "\n", omittingEmptySubsequences: false) {
            let spaced = String(paragraph.map { $0 == "\t" ? " " : $0 })
            for segment in segments(of: spaced) {
                filler.add(segment)
            }
            filler.endParagraph()
        }
        return filler.lines
    }

    /// Units such as `5 = Very positive ·` or `? help` laid out in lines no wider than `width` columns,
    /// `spacing` spaces apart, each unit kept whole on one line.
    ///
    /// A unit breaks only when it alone is wider than the line, and then as `wrap(_:width:)` would break
    /// it (at its spaces, or between wide characters). So a scale's `5 =` is never left at the end of a
    /// line with its label on the next. Indentation is as in `wrap(_:width:indent:continuationIndent:)`.
    public static func wrap(units: [String], width: Int, indent: Int = 0, continuationIndent: Int? = nil,
                            spacing: Int = 1) -> [String] {
        let firstIndent = max(0, indent), laterIndent = max(0, continuationIndent ?? indent)
        var filler = LineFiller(width: width, firstIndent: firstIndent, laterIndent: laterIndent)
        let room = max(1, width - max(firstIndent, laterIndent))
        for unit in units {
            let neutral = String(TerminalSanitizer.neutralize(unit).map { $0 == "\t" || $0 == "\n" ? " " : $0 })
            let text = String(neutral.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard !text.isEmpty else { continue }
            let columns = text.reduce(0) { $0 + DisplayWidth.width(ofNeutralized: $1) }
            var pieces = columns <= room ? [Segment(word: Array(text), width: columns)] : segments(of: text)
            pieces[pieces.count - 1].trailingSpaces = max(1, spacing)
            for piece in pieces { filler.add(piece) }
        }
        filler.endParagraph()
        return filler.lines
    }

    /// A piece of text that is never broken at a soft break, with the spaces that follow it.
    struct Segment {
        var word: [Character] = []
        var width = 0
        var trailingSpaces = 0
    }

    /// Splits a paragraph at its break opportunities.
    static func segments(of paragraph: String) -> [Segment] {
        var segments: [Segment] = []
        var current = Segment()
        for character in paragraph {
            if character == " " {
                if current.word.isEmpty && segments.isEmpty {
                    // Leading spaces are kept as part of the first line.
                    current.word.append(character)
                    current.width += 1
                } else {
                    current.trailingSpaces += 1
                }
                continue
            }
            if current.trailingSpaces > 0 {
                segments.append(current)
                current = Segment()
            } else if let last = current.word.last, canBreak(between: last, and: character) {
                segments.append(current)
                current = Segment()
            }
            current.word.append(character)
            current.width += DisplayWidth.width(ofNeutralized: character)
        }
        if !current.word.isEmpty || current.trailingSpaces > 0 {
            segments.append(current)
        }
        return segments
    }

    /// Whether a line may break between two adjacent non-space characters.
    static func canBreak(between before: Character, and after: Character) -> Bool {
        guard isBreakableWide(before) || isBreakableWide(after) else { return false }
        return !neverStartsLine(after) && !neverEndsLine(before)
    }

    /// Wide characters: ideographs, kana, Hangul, fullwidth forms and emoji may be broken around.
    private static func isBreakableWide(_ character: Character) -> Bool {
        DisplayWidth.width(ofNeutralized: character) >= 2
    }

    /// Closing punctuation, small kana and prolonged sound marks (kinsoku shori: not at line start).
    private static func neverStartsLine(_ character: Character) -> Bool {
        noLineStart.contains(character)
    }

    /// Opening brackets and quotes (not at line end).
    private static func neverEndsLine(_ character: Character) -> Bool {
        noLineEnd.contains(character)
    }

    private static let noLineStart: Set<Character> = Set(
        ",.!?;:%)]}'\"" + "、。，．：；！？）］｝」』】〕〉》〗〙〛’”…‥〜～ー々ゝゞヽヾ・·"
            + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    )

    private static let noLineEnd: Set<Character> = Set("([{" + "（［｛「『【〔〈《〖〘〚‘“")
}

/// Greedy filling of lines with segments, one paragraph after another.
private struct LineFiller {
    let width: Int
    let firstIndent: Int
    let laterIndent: Int
    private(set) var lines: [String] = []
    private var line: [Character] = []
    private var lineWidth = 0
    private var pendingSpaces = 0

    init(width: Int, firstIndent: Int, laterIndent: Int) {
        self.width = width
        self.firstIndent = firstIndent
        self.laterIndent = laterIndent
    }

    private var indent: Int { lines.isEmpty ? firstIndent : laterIndent }

    /// Columns available for text on the current line; at least one so that wrapping progresses.
    private var room: Int { max(1, width - indent) }

    mutating func add(_ segment: TextWrapper.Segment) {
        if line.isEmpty {
            place(segment.word)
        } else if lineWidth + pendingSpaces + segment.width <= room {
            line.append(contentsOf: repeatElement(" ", count: pendingSpaces))
            line.append(contentsOf: segment.word)
            lineWidth += pendingSpaces + segment.width
        } else {
            finishLine()
            place(segment.word)
        }
        pendingSpaces = segment.trailingSpaces
    }

    mutating func endParagraph() {
        finishLine()
    }

    /// Puts a word at the start of a line, cutting it between characters where it is too wide.
    private mutating func place(_ word: [Character]) {
        for character in word {
            let columns = DisplayWidth.width(ofNeutralized: character)
            if lineWidth > 0 && lineWidth + columns > room {
                finishLine()
            }
            line.append(character)
            lineWidth += columns
        }
    }

    private mutating func finishLine() {
        var text = line
        while text.last == " " { text.removeLast() }
        lines.append(text.isEmpty ? "" : String(repeating: " ", count: indent) + String(text))
        line = []
        lineWidth = 0
        pendingSpaces = 0
    }
}
