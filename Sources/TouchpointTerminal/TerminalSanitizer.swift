/// Makes text from questionnaires and answers safe to write to a terminal.
///
/// A questionnaire file or a typed answer could otherwise carry escape sequences that move the
/// cursor, retitle the window, rewrite the screen or reverse the direction of text. Every
/// character a terminal may act on instead of drawing is replaced by a visible form:
///
/// | characters | shown as |
/// |---|---|
/// | C0 controls U+0000-U+001F except line feed and tab | caret notation: `^[` for ESC, `^M` for carriage return, `^@` for NUL |
/// | DEL U+007F | `^?` |
/// | C1 controls U+0080-U+009F | `\u{9B}` |
/// | bidirectional embeddings and overrides U+202A-U+202E, isolates U+2066-U+2069 | `\u{202E}` |
///
/// Line feed and tab are kept: they are layout, not commands. Every visible form consists of
/// printable ASCII only, so neutralising twice changes nothing more.
public enum TerminalSanitizer {
    /// The text with every terminal control character replaced by its visible form.
    public static func neutralize(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsNeutralizing) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsNeutralizing(scalar) {
                result.append(contentsOf: visibleForm(of: scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// The text neutralised except for ANSI colour sequences (SGR, `ESC [ ... m`), which are kept.
    ///
    /// For prompts that the caller has already coloured with `Style`: colour changes are the only
    /// escape sequences that survive, and they can change nothing but colour.
    public static func neutralizeKeepingStyles(_ text: String) -> String {
        var result = ""
        for segment in StyledSegments(text) {
            switch segment {
            case .text(let plain): result += neutralize(plain)
            case .style(let sequence): result += sequence
            }
        }
        return result
    }

    /// Whether the terminal would act on this scalar rather than draw it.
    public static func needsNeutralizing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// How a scalar that needs neutralising is shown.
    static func visibleForm(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00...0x1F:
            // Caret notation, as terminals themselves echo control keys: 0x1B + 0x40 = "[".
            return "^" + String(Character(Unicode.Scalar(UInt8(scalar.value + 0x40))))
        case 0x7F:
            return "^?"
        default:
            return "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
