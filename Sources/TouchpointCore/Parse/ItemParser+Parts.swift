extension ItemParser {
    /// Files at least this large have their top-level items read on every core.
    static let parallelBytes = 64 * 1024

    /// The top-level items, read in contiguous parts on every core, with exactly the result and diagnostics (in
    /// the same order) of `items(nodes)`.
    ///
    /// Each item is read on its own (ids and names are resolved later, by the validator), so the parts are
    /// independent: each has a reader of its own, and the parts' diagnostics are added to this parser's reader
    /// in file order.
    func itemsInParts(_ nodes: [YAMLNode]) -> [Item] {
        let parts = min(ParallelMap.workers, nodes.count)
        guard parts > 1 else { return items(nodes) }
        let chunks = (0..<parts).map { part in Array(nodes[(nodes.count * part / parts)..<(nodes.count * (part + 1) / parts)]) }
        let defaults = self.defaults
        let results = ParallelMap.map(chunks) { chunk -> ([Item], [Diagnostic]) in
            let reader = NodeReader()
            let items = ItemParser(reader: reader, defaults: defaults).items(chunk)
            return (items, reader.diagnostics.items)
        }
        var all: [Item] = []
        all.reserveCapacity(nodes.count)
        for (items, diagnostics) in results {
            all.append(contentsOf: items)
            reader.absorb(diagnostics)
        }
        return all
    }
}
