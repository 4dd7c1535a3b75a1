/// Folds what Chinese and Japanese input methods type into the ASCII a prompt expects.
///
/// An input method in full-width mode types `３`, `，`, `．`, `－`, `：` and the ideographic space where a
/// number, a date, an option number or a prompt command is expected. They are folded as NFKC would fold
/// them, limited to the full-width ASCII block (U+FF01 to U+FF5E, to U+0021 to U+007E) and U+3000 (to a
/// space), plus the ideographic comma `、`, which separates a list as `,` does. Nothing else changes, and
/// free `text` answers are never folded: they are stored as typed.
public enum InputFolding {
    /// `text` with full-width ASCII forms, the ideographic space and `、` folded to ASCII.
    public static func folded(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsFolding) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(fold(scalar))
        }
        return String(scalars)
    }

    private static func needsFolding(_ scalar: Unicode.Scalar) -> Bool {
        (0xFF01...0xFF5E).contains(scalar.value) || scalar.value == 0x3000 || scalar.value == 0x3001
    }

    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(scalar.value - 0xFEE0) ?? scalar
        case 0x3000: " "
        case 0x3001: ","
        default: scalar
        }
    }
}
