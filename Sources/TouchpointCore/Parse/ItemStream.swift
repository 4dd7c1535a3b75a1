import Dispatch

/// Reads the top-level `questions` items into the model on another core while `YAMLLoader` is still reading
/// the rest of the file, one item after the other in file order.
///
/// An item is read with the `defaults:` met before the `questions:` list (the usual place). The parser takes the
/// result only when it is exactly what reading after the load would give: the same list, and the same
/// defaults as the questionnaire ends up with (otherwise it reads the list again itself).
final class ItemStream: TopLevelWatcher, @unchecked Sendable {
    // @unchecked: `defaults`, `parser` and `count` are touched only on the loader's thread; `items` and the
    // reader only on `queue`, and read by `finish()` after `queue.sync`.
    private let queue = DispatchQueue(label: "touchpoint.item-stream")
    private var defaults = Defaults()
    private var sawDefaults = false
    private var parser: ItemParser?
    private let reader = NodeReader()
    private var items: [Item] = []
    private var count = 0

    /// What was read: the items, the diagnostics found reading them, how many list entries there were and the
    /// defaults they were read with.
    struct Outcome {
        var items: [Item]
        var diagnostics: [Diagnostic]
        var count: Int
        var defaults: Defaults
    }

    func topLevel(key: String, value: YAMLNode) {
        guard key == "defaults", !sawDefaults, parser == nil else { return }
        sawDefaults = true
        defaults = QuestionnaireParser.parseDefaults(value, reader: NodeReader())
    }

    func questionItem(_ node: YAMLNode) {
        if parser == nil { parser = ItemParser(reader: reader, defaults: defaults) }
        count += 1
        // `parser` is set before the first block is queued and never changes after.
        queue.async { [self] in
            if let item = parser?.item(node) { items.append(item) }
        }
    }

    /// Waits for the items read so far and hands them over.
    func finish() -> Outcome {
        queue.sync {}
        return Outcome(items: items, diagnostics: reader.diagnostics.items, count: count, defaults: defaults)
    }
}
