import Dispatch

/// A value worked out on another core while the caller goes on; `wait()` hands it over.
///
/// The validator uses it for work whose inputs are already known and that it may still throw away (the parts
/// of the checked questionnaire, needed only when the file has no errors).
final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    // @unchecked: `value` is written once by the background block and read only after `group.wait()`.
    private let group = DispatchGroup()
    private var value: Value?
    private let work: @Sendable () -> Value

    /// Starts `work` on a background queue.
    init(_ work: @escaping @Sendable () -> Value) {
        self.work = work
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in value = work() }
    }

    /// The value, waiting for it if it is not ready yet.
    func wait() -> Value {
        group.wait()
        return value ?? work()
    }
}
