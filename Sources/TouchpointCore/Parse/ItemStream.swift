import Dispatch
import Synchronization

/// Reads the top-level `questions` items into the model on another core while `YAMLLoader` is still reading
/// the rest of the file, one item after the other in file order; when the file is read, the loader's thread
/// reads the items not yet started from the back, so both cores work until the list is done.
///
/// An item is read with the `defaults:` met before the `questions:` list (the usual place). The parser takes the
/// result only when it is exactly what reading after the load would give: the same list, and the same
/// defaults as the questionnaire ends up with (otherwise it reads the list again itself).
final class ItemStream: TopLevelWatcher, @unchecked Sendable {
    // @unchecked: `defaults`, `sawDefaults`, `started` and `count` are touched only on the loader's thread; the
    // shared list of items and results only under `shared`'s lock.
    private let queue = DispatchQueue(label: "touchpoint.item-stream")
    private var defaults = Defaults()
    private var sawDefaults = false
    /// Whether the first item has come (`defaults:` after it is not used for the items).
    private var started = false
    private var count = 0
    private let shared = Mutex(Shared())

    /// The items handed over so far, which of them are taken, and what reading each gave.
    private struct Shared {
        var nodes: [YAMLNode] = []
        /// The first item no thread has taken yet (the stream's queue takes them from the front).
        var head = 0
        /// One past the last item not yet taken (`finish` takes them from the back).
        var tail = 0
        var results: [Int: (item: Item?, diagnostics: [Diagnostic])] = [:]
    }

    /// What was read: the items, the diagnostics found reading them, how many list entries there were and the
    /// defaults they were read with.
    struct Outcome {
        var items: [Item]
        var diagnostics: [Diagnostic]
        var count: Int
        var defaults: Defaults
    }

    func topLevel(key: String, value: YAMLNode) {
        guard key == "defaults", !sawDefaults, !started else { return }
        sawDefaults = true
        defaults = QuestionnaireParser.parseDefaults(value, reader: NodeReader())
    }

    func questionItem(_ node: YAMLNode) {
        started = true
        count += 1
        shared.withLock {
            $0.nodes.append(node)
            $0.tail = $0.nodes.count
        }
        let defaults = self.defaults
        queue.async { [self] in
            // Take the first item nobody has taken (perhaps a later one than this block was queued for).
            let taken: (index: Int, node: YAMLNode)? = shared.withLock {
                guard $0.head < $0.tail else { return nil }
                $0.head += 1
                return ($0.head - 1, $0.nodes[$0.head - 1])
            }
            guard let taken else { return }
            let result = ItemStream.read(taken.node, defaults: defaults)
            shared.withLock { $0.results[taken.index] = result }
        }
    }

    /// Reads one item with a reader of its own (items are independent: ids are resolved later, by the validator).
    private static func read(_ node: YAMLNode, defaults: Defaults) -> (item: Item?, diagnostics: [Diagnostic]) {
        let reader = NodeReader()
        let item = ItemParser(reader: reader, defaults: defaults).item(node)
        return (item, reader.diagnostics.items)
    }

    /// Reads the items the stream's queue has not started, from the back, on this thread; waits for the rest
    /// and hands everything over in file order.
    func finish() -> Outcome {
        let defaults = self.defaults
        while true {
            let taken: (index: Int, node: YAMLNode)? = shared.withLock {
                guard $0.head < $0.tail else { return nil }
                $0.tail -= 1
                return ($0.tail, $0.nodes[$0.tail])
            }
            guard let taken else { break }
            let result = ItemStream.read(taken.node, defaults: defaults)
            shared.withLock { $0.results[taken.index] = result }
        }
        queue.sync {}
        return shared.withLock { state in
            var items: [Item] = []
            items.reserveCapacity(state.nodes.count)
            var diagnostics: [Diagnostic] = []
            for index in state.nodes.indices {
                guard let result = state.results[index] else { continue }
                if let item = result.item { items.append(item) }
                diagnostics.append(contentsOf: result.diagnostics)
            }
            return Outcome(items: items, diagnostics: diagnostics, count: count, defaults: defaults)
        }
    }
}
