/// An answer typed at a prompt is one line, even when several lines were pasted into it.
///
/// GNU readline pastes with bracketed paste: a paste of several lines stays in the edit buffer, line breaks and
/// all, until Enter. A `text` answer is one line (SPEC section 2), so such a paste is stored as one line: each
/// line break, with the spaces and tabs around it, becomes one space, and blank lines disappear. `max_length`
/// and `pattern` then apply to the line stored. (From a pipe, every line answers its own prompt instead.)
public enum AnswerLine {
    /// `line` with its line breaks (LF, CR, CRLF) folded into single spaces. Other control characters, and the
    /// Unicode line separators, are data as typed, like tabs.
    public static func oneLine(_ line: String) -> String {
        guard line.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return line }
        let pieces = line.split(omittingEmptySubsequences: false, whereSeparator: isBreak)
        var kept: [Substring] = []
        for (index, piece) in pieces.enumerated() {
            var p = piece
            if index > 0 { p = p.drop { $0 == " " || $0 == "\t" } }
            if index < pieces.count - 1 {
                while let last = p.last, last == " " || last == "\t" { p = p.dropLast() }
            }
            if !p.isEmpty { kept.append(p) }
        }
        return kept.joined(separator: " ")
    }

    private static func isBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r" || c == "\r\n"
    }
}
