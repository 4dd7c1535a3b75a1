/// Bounds on text answers that follow from how answers are stored and read back.
public enum TextLimits {
    /// The longest `min_length` an author may ask for, in characters. A record is one JSON line and `score`
    /// reads lines of at most 16 MB, so an answer of more than a million characters (up to four bytes each,
    /// six when escaped) could not be read back.
    public static let maxAnswerCharacters = 1_000_000
}
