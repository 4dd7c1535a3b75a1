/// Reads typed values out of YAML nodes, collecting a diagnostic for every mismatch instead of stopping.
///
/// Every reader method names the key and what was expected, so an author sees
/// "`required` must be true or false, not the text `yes`" at the value's position.
final class NodeReader {
    private(set) var diagnostics = DiagnosticBag()

    func report(_ code: DiagnosticCode, at position: SourcePosition, _ message: String, hint: String? = nil) {
        diagnostics.add(code, at: position, message, hint: hint)
    }

    /// Adds diagnostics found by another reader (one that read part of the file on another thread), in order.
    func absorb(_ found: [Diagnostic]) {
        diagnostics.append(contentsOf: found)
    }

    /// The pairs of a mapping node whose keys are all allowed; reports unknown keys with a "did you mean".
    ///
    /// - Parameters:
    ///   - allowed: keys that belong here.
    ///   - elsewhere: keys that are valid in other contexts, with a note saying where (for a better message).
    ///   - required: keys that must be present; a missing one is reported at the mapping.
    ///   - what: the thing being read, for messages ("question `ease`").
    func fields(_ node: YAMLNode, allowed: [String], elsewhere: [String: String] = [:], required: [String] = [],
                what describe: @autoclosure () -> String) -> FieldSet? {
        guard let pairs = node.mapping else {
            report(.wrongType, at: node.position, "\(describe()) must be a mapping of keys, not \(node.kindDescription)")
            return nil
        }
        var result = FieldSet()
        result.reserve(pairs.count)
        for (index, pair) in pairs.enumerated() {
            guard let key = pair.key.scalar?.text else { continue }
            let count = key.utf8.count
            let isAllowed = allowed.contains { $0.utf8.count == count && $0 == key }
            if !isAllowed, let split = CommaSplit.at(index, in: pairs) {
                report(.wrongType, at: pair.key.position, split.message(piece: key, of: describe()), hint: split.hint)
            } else if isAllowed {
                result.append(key, pair)
            } else if let note = elsewhere[key] {
                report(.unknownKey, at: pair.key.position, "`\(key)` does not apply to \(describe()): \(note)")
            } else {
                let hint = TextSimilarity.closest(to: key, in: allowed).map { "did you mean `\($0)`?" }
                    ?? "keys here: \(allowed.joined(separator: ", "))"
                report(.unknownKey, at: pair.key.position, "unknown key `\(key)` in \(describe())", hint: hint)
            }
        }
        for key in required where result[key] == nil {
            report(.missingKey, at: node.position, "\(describe()) has no `\(key)`", hint: "add `\(key):`")
        }
        return result
    }

    /// A scalar's text (numbers and booleans as written), or nil with a diagnostic for a list or mapping.
    func scalarText(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType, at: node.position, "`\(key)` must be a single value, not \(node.kindDescription)")
            return nil
        }
        return scalar.text
    }

    /// A text value; numbers and booleans are refused so that `id: 123` or `text: yes` is caught.
    func string(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar else {
            report(.wrongType, at: node.position, "`\(key)` must be a text, not \(node.kindDescription)")
            return nil
        }
        if case .string(let s) = scalar.resolved { return s }
        if case .null = scalar.resolved {
            report(.wrongType, at: node.position, "`\(key)` is empty", hint: "give it a value or remove the key")
            return nil
        }
        report(.wrongType, at: node.position, "`\(key)` must be a text, not \(node.kindDescription)",
               hint: "put it in quotes to use it as text")
        return nil
    }

    func bool(_ node: YAMLNode, key: String) -> Bool? {
        if case .bool(let b)? = node.scalar?.resolved { return b }
        let hint = ["yes", "no", "on", "off", "y", "n"].contains(node.scalar?.text.lowercased() ?? "")
            ? "write `true` or `false` (touchpoint reads `yes`/`no` as text, as YAML 1.2 does)" : nil
        report(.wrongType, at: node.position, "`\(key)` must be true or false, not \(node.kindDescription)", hint: hint)
        return nil
    }

    func integer(_ node: YAMLNode, key: String) -> Int? {
        switch node.scalar?.resolved {
        case .integer(let i)?: return i
        case .double(let d)? where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default:
            report(.wrongType, at: node.position, "`\(key)` must be a whole number, not \(node.kindDescription)")
            return nil
        }
    }

    func number(_ node: YAMLNode, key: String) -> Double? {
        switch node.scalar?.resolved {
        case .integer(let i)?: return Double(i)
        case .double(let d)?: return d
        default:
            report(.wrongType, at: node.position, "`\(key)` must be a number, not \(node.kindDescription)")
            return nil
        }
    }

    func list(_ node: YAMLNode, key: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        report(.wrongType, at: node.position, "`\(key)` must be a list, not \(node.kindDescription)",
               hint: "write it as `[a, b]` or as lines starting with `- `")
        return nil
    }

    func stringList(_ node: YAMLNode, key: String) -> [String]? {
        guard let items = list(node, key: key) else { return nil }
        return items.compactMap { string($0, key: key) }
    }

    /// A text shown to people: a string, or a mapping from language code to string.
    func localized(_ node: YAMLNode, key: String) -> LocalizedText? {
        if let scalar = node.scalar {
            switch scalar.resolved {
            case .null:
                report(.wrongType, at: node.position, "`\(key)` is empty", hint: "write the text, or remove the key")
                return nil
            default:
                return LocalizedText(plain: scalar.text, at: node.position)
            }
        }
        guard let pairs = node.mapping else {
            report(.wrongType, at: node.position,
                   "`\(key)` must be a text or a mapping from language to text, not \(node.kindDescription)")
            return nil
        }
        var translations: [String: String] = [:]
        var positions: [String: SourcePosition] = [:]
        for (index, pair) in pairs.enumerated() {
            guard let language = pair.key.scalar?.text else { continue }
            if let split = CommaSplit.at(index, in: pairs) {
                report(.wrongType, at: pair.key.position, split.message(piece: language, of: "`\(key)`"), hint: split.hint)
                continue
            }
            guard let value = pair.value.scalar, !(value.resolved == .null) else {
                report(.wrongType, at: pair.value.position,
                       "the `\(language)` text of `\(key)` must be a text, not \(pair.value.kindDescription)")
                continue
            }
            translations[language] = value.text
            positions[language] = pair.key.position
        }
        return LocalizedText(translations, at: node.position, languagePositions: positions)
    }

    /// The position where an expression's first character is: inside the quotes of a quoted scalar.
    func expressionOrigin(_ node: YAMLNode) -> SourcePosition {
        switch node.scalar?.style {
        case .singleQuoted?, .doubleQuoted?: node.position.advanced(by: 1)
        case .literal?, .folded?: SourcePosition(line: node.position.line + 1, column: node.position.column)
        default: node.position
        }
    }

    /// An expression: parsed, with syntax errors collected.
    func condition(_ node: YAMLNode, key: String) -> Condition? {
        guard let scalar = node.scalar else {
            report(.wrongType, at: node.position, "`\(key)` must be an expression, not \(node.kindDescription)",
                   hint: "write it on one line, e.g. `\(key): recommend <= 6`; quote it if it contains `: `")
            return nil
        }
        let source: String
        switch scalar.resolved {
        case .null:
            report(.wrongType, at: node.position, "`\(key)` is empty", hint: "write a condition or remove the key")
            return nil
        case .bool(let b): source = b ? "true" : "false"
        default: source = scalar.text
        }
        let origin = expressionOrigin(node)
        let (expr, problems) = ExpressionParser.parse(source, origin: origin)
        diagnostics.append(contentsOf: problems)
        return Condition(source: source, expr: expr, at: origin)
    }

    /// An identifier: `[A-Za-z][A-Za-z0-9_]*`, at most 64 characters, not a reserved word.
    func identifier(_ node: YAMLNode, key: String) -> String? {
        guard let scalar = node.scalar else {
            report(.badId, at: node.position, "`\(key)` must be an identifier, not \(node.kindDescription)")
            return nil
        }
        let text = scalar.text
        if let problem = Identifier.problem(text) {
            report(.badId, at: node.position, "`\(text)` is not a valid id: \(problem)",
                   hint: Identifier.suggestion(text).map { "try `\($0)`" })
            return text.isEmpty ? nil : text
        }
        return text
    }
}

extension DiagnosticBag {
    mutating func append(contentsOf other: DiagnosticBag) { append(contentsOf: other.items) }
}

/// The allowed keys of one mapping with their pairs, in source order.
///
/// A small array with linear look-up: a mapping has at most a dozen keys, and building a dictionary for each of
/// the thousands of questions and options in a large file cost more than the look-ups it saves.
struct FieldSet: Sequence {
    private var entries: [(key: String, value: YAMLPair)] = []

    /// How many keys were kept.
    var count: Int { entries.count }

    subscript(key: String) -> YAMLPair? {
        get { entries.first { $0.key.utf8.count == key.utf8.count && $0.key == key }?.value }
        set {
            entries.removeAll { $0.key == key }
            if let newValue { entries.append((key, newValue)) }
        }
    }

    /// Makes room for `count` keys.
    mutating func reserve(_ count: Int) { entries.reserveCapacity(count) }

    /// Adds a key known not to be there yet (the keys of one YAML mapping are distinct).
    mutating func append(_ key: String, _ value: YAMLPair) { entries.append((key, value)) }

    func makeIterator() -> IndexingIterator<[(key: String, value: YAMLPair)]> { entries.makeIterator() }
}
