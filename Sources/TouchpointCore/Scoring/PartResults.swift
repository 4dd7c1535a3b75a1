import Synchronization

/// The results of the parts of a file read on several threads, filled in by the workers and taken, in order,
/// by the thread that merges them (score's and verify's two-core paths).
final class PartResults<Result: Sendable>: Sendable {
    private let storage: Mutex<[Result?]>

    init(count: Int) {
        storage = Mutex(Array(repeating: nil, count: count))
    }

    func set(_ part: Int, _ result: Result) {
        storage.withLock { $0[part] = result }
    }

    /// The result of `part`, removed from the store so that its memory goes once merged.
    func take(_ part: Int) -> Result? {
        storage.withLock { results in
            let result = results[part]
            results[part] = nil
            return result
        }
    }
}
