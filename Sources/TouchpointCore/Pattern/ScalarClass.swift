/// A set of Unicode scalars that one step of a pattern can consume: `.`, `\d`, `[a-z]`, `[^\s,]`.
struct ScalarClass: Sendable, Hashable {
    /// A named family of scalars, as written with `\d`, `\w` or `\s`.
    enum Family: Sendable, Hashable {
        /// `\d`: the ASCII digits 0-9 only, so that `\d{5}` never accepts Arabic-Indic or fullwidth digits.
        case digit
        /// `\w`: ASCII letters, digits and `_`, plus every Unicode letter, mark, decimal digit and connector.
        case word
        /// `\s`: Unicode whitespace.
        case space
        /// A line break (`\n` or `\r`), which `.` does not match.
        case lineBreak

        func contains(_ scalar: Unicode.Scalar) -> Bool {
            let v = scalar.value
            switch self {
            case .digit:
                return v >= 0x30 && v <= 0x39
            case .word:
                if v < 0x80 {
                    return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
                }
                // Marks are included because matching works on scalars: without them a decomposed
                // accent or a Devanagari vowel sign would split a word in two.
                switch scalar.properties.generalCategory {
                case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                     .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                    return true
                default:
                    return false
                }
            case .space:
                return scalar.properties.isWhitespace
            case .lineBreak:
                return v == 0x0A || v == 0x0D
            }
        }
    }

    /// One member of a class: a range of scalars (a single scalar is a range of one) or a family.
    enum Member: Sendable, Hashable {
        case range(ClosedRange<UInt32>)
        case family(Family, negated: Bool)
    }

    var members: [Member]
    /// Written `[^...]`: the class matches every scalar its members do not.
    var negated: Bool

    /// `.`: every scalar except a line break.
    static let any = ScalarClass(members: [.family(.lineBreak, negated: false)], negated: true)

    /// A class of one family, as `\d` or `\S` outside brackets.
    static func family(_ family: Family, negated: Bool) -> ScalarClass {
        ScalarClass(members: [.family(family, negated: negated)], negated: false)
    }

    func contains(_ scalar: Unicode.Scalar) -> Bool {
        var found = false
        for member in members {
            switch member {
            case .range(let range):
                found = range.contains(scalar.value)
            case .family(let family, let negatedFamily):
                found = family.contains(scalar) != negatedFamily
            }
            if found { break }
        }
        return found != negated
    }
}
