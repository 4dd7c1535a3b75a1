/// One item of a questionnaire in the order an interview meets it, with the context it sits in.
///
/// Flattening once lets every rule (names, reachability, effort) see sections, loops and conditions the
/// same way the interview engine does.
public struct FlowItem: Sendable {
    public var item: Item
    /// Position in interview order, counting every item of every section.
    public var order: Int
    /// The sections containing this item, outermost first.
    public var sections: [Section]

    /// The `when`s that must all hold for the item to be met: the enclosing sections' then its own.
    public var conditions: [Condition] {
        sections.compactMap(\.when) + (item.when.map { [$0] } ?? [])
    }

    /// The `for_each` sections containing this item, outermost first.
    public var loops: [Section] { sections.filter { $0.forEach != nil } }

    /// Flattens items in interview order; sections appear before their contents.
    public static func flatten(_ items: [Item]) -> [FlowItem] {
        var result: [FlowItem] = []
        func count(_ items: [Item]) -> Int {
            items.reduce(items.count) { total, item in
                if case .section(let s) = item { return total + count(s.items) }
                return total
            }
        }
        result.reserveCapacity(count(items))
        func walk(_ items: [Item], _ sections: [Section]) {
            for item in items {
                result.append(FlowItem(item: item, order: result.count, sections: sections))
                if case .section(let s) = item { walk(s.items, sections + [s]) }
            }
        }
        walk(items, [])
        return result
    }
}
