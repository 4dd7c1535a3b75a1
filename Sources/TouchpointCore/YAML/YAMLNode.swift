/// A YAML node with the position of its first character, as read by `YAMLLoader`.
///
/// This is touchpoint's own tree rather than Yams' `Node` so that every node keeps a position, aliases are
/// already expanded within a budget, and scalars are resolved with touchpoint's rules (see `YAMLScalar`).
public struct YAMLNode: Sendable, Hashable {
    /// What the node holds. Not `indirect`: the lists already hold their items out of line, and a box for every
    /// node made building and freeing a 2,000-question tree cost a quarter of `run`'s start-up.
    public enum Content: Sendable, Hashable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// Where the node starts: 1-based line and column (columns count Unicode scalars).
    public var position: SourcePosition

    public init(_ content: Content, at position: SourcePosition) {
        self.content = content
        self.position = position
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value for a string key in a mapping node (the first, if the key repeats).
    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.scalar?.text == key }?.value
    }

    /// A word for the kind of node, for messages ("a list", "a mapping", "the text `abc`").
    public var kindDescription: String {
        switch content {
        case .scalar(let s):
            switch s.resolved {
            case .null: "an empty value"
            case .bool(let b): "`\(b)`"
            case .integer(let i): "the number \(i)"
            case .double(let d): "the number \(d)"
            case .string(let t): t.count > 40 ? "a text" : "the text `\(t)`"
            }
        case .sequence: "a list"
        case .mapping: "a mapping"
        }
    }
}

/// A key and its value in a YAML mapping.
public struct YAMLPair: Sendable, Hashable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text, how it was written, and its resolved value.
///
/// Resolution follows the YAML 1.2 core schema for plain scalars only: `true`/`false`, `null`/`~`/empty,
/// integers and decimals. Unlike YAML 1.1 (and most survey tools built on it) `yes`, `no`, `on` and `off`
/// stay text, so an option value `no` is never silently turned into `false`. Quoted scalars are always text.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written in the source.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The resolved value of a scalar.
    public enum Resolved: Sendable, Hashable {
        case null
        case bool(Bool)
        case integer(Int)
        case double(Double)
        case string(String)
    }

    public var text: String
    public var style: Style
    /// An explicit tag such as `!!str`, if one was written.
    public var tag: String?

    public init(_ text: String, style: Style = .plain, tag: String? = nil) {
        self.text = text
        self.style = style
        self.tag = tag
    }

    public var resolved: Resolved {
        if let tag, tag.hasSuffix(":str") || tag == "!!str" { return .string(text) }
        guard style == .plain else { return .string(text) }
        // Most plain scalars are words: only these first bytes can start a null, a boolean or a number.
        switch text.utf8.first ?? UInt8(ascii: "~") {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
             UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            break
        default:
            return .string(text)
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if let i = YAMLScalar.integer(text) { return .integer(i) }
        if let d = YAMLScalar.decimal(text) { return .double(d) }
        return .string(text)
    }

    private static func integer(_ text: String) -> Int? {
        var digits = Substring(text)
        if digits.first == "+" || digits.first == "-" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(text.first == "+" ? String(text.dropFirst()) : text)
    }

    private static func decimal(_ text: String) -> Double? {
        // Only plain decimal notation: `1.5`, `-0.25`, `2e3`; never `.inf`, `nan` or hex.
        let allowed = text.allSatisfy { $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }
        guard allowed, text.contains(where: \.isNumber), let d = Double(text), d.isFinite else { return nil }
        return d
    }
}
