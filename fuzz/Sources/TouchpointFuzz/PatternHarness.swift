import TouchpointCore

/// Fuzzes the `pattern:` engine: the input is a pattern, a newline, then a text to match against it.
///
/// Invariants: a pattern compiles or gives an error with a message; matching finishes (libFuzzer's timeout
/// catches a slow match) and gives the same answer twice.
public enum PatternHarness {
    /// Runs one input.
    public static func run(_ bytes: [UInt8]) {
        let newline = bytes.firstIndex(of: 0x0A) ?? bytes.count
        let source = String(decoding: bytes[..<newline], as: UTF8.self)
        let text = newline < bytes.count ? String(decoding: bytes[(newline + 1)...], as: UTF8.self) : ""
        let pattern: Pattern
        do {
            pattern = try Pattern(source)
        } catch {
            if error.message.isEmpty { FuzzFinding.fail("a pattern error with no message for \(source.debugDescription)") }
            return
        }
        let first = pattern.matches(text)
        if pattern.matches(text) != first { FuzzFinding.fail("two matches of the same text disagree") }
    }
}
