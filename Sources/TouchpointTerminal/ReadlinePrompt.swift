
/// Prepares a prompt for readline.
enum ReadlinePrompt {
    /// readline's markers around characters that take no room on screen (RL_PROMPT_START_IGNORE
    /// and RL_PROMPT_END_IGNORE), so that it measures a coloured prompt right.
    static let startIgnore: Unicode.Scalar = "\u{01}"
    static let endIgnore: Unicode.Scalar = "\u{02}"

    /// The prompt neutralised except for its colour sequences, each of which is wrapped in the
    /// ignore markers.
    static func prepare(_ prompt: String) -> String {
        let safe = TerminalSanitizer.neutralizeKeepingStyles(prompt)
        var result = String.UnicodeScalarView()
        var inSequence = false
        // After neutralising, every ESC left starts a colour sequence, which ends at "m".
        for scalar in safe.unicodeScalars {
            if scalar == "\u{1B}" {
                result.append(startIgnore)
                inSequence = true
            }
            result.append(scalar)
            if inSequence && scalar == "m" {
                result.append(endIgnore)
                inSequence = false
            }
        }
        return String(result)
    }
}
