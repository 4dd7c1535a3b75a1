import Dispatch

/// Frees a large value nobody reads any more on a background queue, so that the caller does not wait for it.
///
/// Releasing the hundred thousand small values of a large questionnaire's tree or report one by one takes
/// milliseconds. Where the caller is about to finish (a command that has printed its result) or goes on to other
/// work (the YAML tree once the model is built), that time need not be spent in line; when the process ends
/// first, the memory goes back with it.
public enum BackgroundRelease {
    /// Takes the caller's last reference to `value` and releases it on a background queue.
    public static func release<Value>(_ value: consuming Value) {
        let box = Box(consume value)
        DispatchQueue.global(qos: .utility).async { box.drop() }
    }

    /// Holds the value until the background queue lets it go.
    private final class Box<Held>: @unchecked Sendable {
        // @unchecked: after the hand-over only the background queue touches the box.
        private var held: Held?
        init(_ held: consuming Held) { self.held = held }
        func drop() { held = nil }
    }
}
