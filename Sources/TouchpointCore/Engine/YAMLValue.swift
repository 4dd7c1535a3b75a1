extension Value {
    /// A YAML node as an expression value: mappings become keyed values, sequences lists.
    public init(yaml node: YAMLNode) {
        switch node.content {
        case .scalar(let s):
            switch s.resolved {
            case .null: self = .null
            case .bool(let b): self = .bool(b)
            case .integer(let i): self = .number(Double(i))
            case .double(let d): self = .number(d)
            case .string(let t): self = .text(t)
            }
        case .sequence(let items):
            self = .list(items.map(Value.init(yaml:)))
        case .mapping(let pairs):
            var map: [String: Value] = [:]
            for p in pairs { if let k = p.key.scalar?.text { map[k] = Value(yaml: p.value) } }
            self = .keyed(map)
        }
    }
}
