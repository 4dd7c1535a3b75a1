/// Keeps a command's results alive until the process ends, so that the exit gives their memory back at once
/// instead of the command freeing a large questionnaire's model and reports piece by piece on its way out
/// (about 3 ms of `validate`'s main thread on the 2,000-question file, bench/README.md).
enum KeptUntilExit {
    /// Holds `value` until the process exits (never released).
    static func keep<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Holder(value))
    }

    private final class Holder<Held> {
        let held: Held
        init(_ held: Held) { self.held = held }
    }
}
