import Dispatch
import Foundation

/// Maps a batch of independent inputs on every core, keeping the results in input order.
///
/// Respondents of a headless run or a simulation are independent: each is walked by its own `Interview` over
/// the shared, immutable `CheckedQuestionnaire`. Results are written to distinct slots, one worker each.
enum ParallelMap {
    /// How many workers: the cores the process may use, at most 8.
    static let workers = max(1, min(8, ProcessInfo.processInfo.activeProcessorCount))

    static func map<Input: Sendable, Output: Sendable>(_ inputs: [Input],
                                                       _ transform: @Sendable (Input) -> Output) -> [Output] {
        guard inputs.count > 1, workers > 1 else { return inputs.map(transform) }
        let results = Slots<Output>(count: inputs.count)
        let workers = min(Self.workers, inputs.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            // Contiguous ranges keep each worker's records near each other in memory.
            let lower = inputs.count * worker / workers, upper = inputs.count * (worker + 1) / workers
            for i in lower..<upper { results.set(i, transform(inputs[i])) }
        }
        return results.values()
    }
}

/// Result slots written by different threads, each slot by exactly one.
private final class Slots<T>: @unchecked Sendable {
    // @unchecked: every slot is initialised once, by one worker, and read by `values()` only after every
    // worker has returned from `concurrentPerform`.
    private let base: UnsafeMutablePointer<T>
    private let count: Int

    init(count: Int) {
        self.count = count
        base = UnsafeMutablePointer<T>.allocate(capacity: count)
    }

    func set(_ index: Int, _ value: T) { (base + index).initialize(to: value) }

    /// The results, moved out of the slots (call once, after every slot was set).
    func values() -> [T] {
        let result = Array(UnsafeBufferPointer(start: base, count: count))
        base.deinitialize(count: count)
        return result
    }

    deinit { base.deallocate() }
}
