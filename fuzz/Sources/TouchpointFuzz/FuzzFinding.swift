/// How a harness reports a broken invariant: a message on stderr, then a trap that libFuzzer records as a
/// crash with the input that caused it.
public enum FuzzFinding {
    /// Stops the run: `message` says which invariant broke.
    public static func fail(_ message: @autoclosure () -> String) -> Never {
        fatalError("fuzz finding: \(message())")
    }
}
