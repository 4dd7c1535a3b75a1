import TouchpointCore

/// Reads a record's value for a `--by` name, the same way the score engine groups it, for labelling
/// the open answers with their group.
enum GroupReader {
    static func reader(for name: String) -> (@Sendable (CheckedResponse) -> GroupValue) {
        if name.hasPrefix("meta.") {
            let key = String(name.dropFirst(5))
            return { record in record.meta[key].flatMap { $0.isNull ? nil : GroupValue.value($0) } ?? .missing }
        }
        return { record in record.answers[name].map(GroupValue.value) ?? .missing }
    }
}
