import Foundation

/// Reads the `questions:` list (questions, sections, ends, computes) and `meta:`.
struct ItemParser {
    let reader: NodeReader
    let defaults: Defaults

    static let commonKeys = ["id", "type", "text", "help", "instruction", "when", "required", "dont_know", "refuse", "checks"]

    /// Keys each question type adds to the common ones (SPEC section 2).
    static let typeKeys: [QuestionType: [String]] = [
        .single: ["options", "shuffle", "other"],
        .multi: ["options", "shuffle", "other", "min", "max"],
        .scale: ["min", "max", "labels"],
        .nps: ["labels"],
        .number: ["min", "max", "integer", "unit"],
        .text: ["min_length", "max_length", "pattern"],
        .yesNo: ["labels"],
        .date: ["min", "max"],
        .grid: ["rows", "min", "max", "labels", "options", "shuffle"],
        .note: [],
    ]

    static let allQuestionKeys = Set(commonKeys + typeKeys.values.flatMap { $0 })

    /// Keys a question of each type may have, computed once.
    static let allowedByType: [QuestionType: [String]] = Dictionary(uniqueKeysWithValues: QuestionType.allCases.map { type in
        (type, commonKeys + (typeKeys[type] ?? []))
    })

    /// For each type, the keys that belong to other types, with a note saying which: a better message than "unknown".
    static let elsewhereByType: [QuestionType: [String: String]] = Dictionary(uniqueKeysWithValues: QuestionType.allCases.map { type in
        let allowed = Set(allowedByType[type] ?? [])
        var notes: [String: String] = [:]
        for key in allQuestionKeys.sorted() where !allowed.contains(key) {
            let owners = typeKeys.filter { $0.value.contains(key) }.map(\.key.rawValue).sorted()
            notes[key] = "a \(type.rawValue) question has no `\(key)` (it belongs to \(owners.joined(separator: ", ")))"
        }
        return (type, notes)
    })

    func items(_ nodes: [YAMLNode]) -> [Item] {
        nodes.compactMap(item)
    }

    func item(_ node: YAMLNode) -> Item? {
        guard let pairs = node.mapping else {
            reader.report(.wrongType, at: node.position,
                          "each entry of `questions` must be a mapping (a question, `section`, `end` or `compute`), not \(node.kindDescription)")
            return nil
        }
        let keys = ItemKeys(pairs)
        if keys.contains("section") { return section(node).map(Item.section) }
        if keys.contains("end") { return end(node).map(Item.end) }
        if keys.contains("compute") { return compute(node).map(Item.compute) }
        if keys.contains("id") || keys.contains("type") { return question(node, what: nil).map(Item.question) }
        let hint = keys.all.compactMap { TextSimilarity.closest(to: $0, in: ["id", "section", "end", "compute"]) }.first
            .map { "did you mean `\($0)`?" } ?? "start a question with `id:` and `type:`"
        reader.report(.missingKey, at: node.position,
                      "this entry is not a question (`id:`), `section:`, `end:` or `compute:`", hint: hint)
        return nil
    }

    // MARK: Questions

    /// Reads a question mapping; `metaKey` is set for meta fields, whose id is their key.
    func question(_ node: YAMLNode, what: String?, metaKey: String? = nil, extraKeys: [String] = []) -> Question? {
        let typeNode = node["type"]
        var type: QuestionType?
        if let typeNode, let name = reader.string(typeNode, key: "type") {
            type = QuestionType(rawValue: name)
            if type == nil {
                let names = QuestionType.allCases.map(\.rawValue)
                reader.report(.badValue, at: typeNode.position, "`\(name)` is not a question type",
                              hint: TextSimilarity.closest(to: name, in: names).map { "did you mean `\($0)`?" }
                                ?? "types: \(names.joined(separator: ", "))")
            }
        }
        let idText = metaKey ?? node["id"]?.scalar?.text ?? "?"
        let effectiveType = type ?? (metaKey != nil && typeNode == nil ? .text : nil)
        var allowed: [String]
        if let effectiveType {
            allowed = ItemParser.allowedByType[effectiveType] ?? []
            if !extraKeys.isEmpty { allowed += extraKeys }
        } else {
            allowed = Array(ItemParser.allQuestionKeys) + extraKeys
        }
        if metaKey != nil { allowed.removeAll { $0 == "id" } }
        let elsewhere = effectiveType.flatMap { ItemParser.elsewhereByType[$0] } ?? [:]
        var required = metaKey == nil ? ["id", "type", "text"] : []
        if metaKey == nil, typeNode == nil { required = ["id", "type", "text"] }
        guard let f = reader.fields(node, allowed: allowed, elsewhere: elsewhere, required: required,
                                  what: what ?? "question `\(idText)`") else { return nil }

        let id = metaKey ?? f["id"].flatMap { reader.identifier($0.value, key: "id") } ?? ""
        let text = f["text"].flatMap { reader.localized($0.value, key: "text") } ?? LocalizedText(plain: id, at: node.position)
        var q = Question(id: id, type: effectiveType ?? .text, text: text, at: node.position)
        q.required = defaults.required
        q.dontKnow = defaults.dontKnow
        q.refuse = defaults.refuse
        // Built here and set once: each `q.keyPositions[key] =` copied the question's whole dictionary.
        var keyPositions: [String: SourcePosition] = [:]
        keyPositions.reserveCapacity(f.count + 1)
        for (key, pair) in f { keyPositions[key] = pair.key.position }
        if let n = f["id"]?.value { keyPositions["id.value"] = n.position }
        q.keyPositions = keyPositions
        if let n = f["help"]?.value { q.help = reader.localized(n, key: "help") }
        if let n = f["instruction"]?.value { q.instruction = reader.localized(n, key: "instruction") }
        if let n = f["when"]?.value { q.when = reader.condition(n, key: "when") }
        if let n = f["required"]?.value, let b = reader.bool(n, key: "required") { q.required = b }
        if let n = f["dont_know"]?.value, let b = reader.bool(n, key: "dont_know") { q.dontKnow = b }
        if let n = f["refuse"]?.value, let b = reader.bool(n, key: "refuse") { q.refuse = b }
        if let n = f["checks"]?.value { q.checks = checks(n) }
        if let n = f["options"]?.value { q.options = options(n, questionId: id) }
        if let n = f["shuffle"]?.value, let b = reader.bool(n, key: "shuffle") { q.shuffle = b }
        if let n = f["other"]?.value, let b = reader.bool(n, key: "other") { q.other = b }
        if let n = f["integer"]?.value, let b = reader.bool(n, key: "integer") { q.integer = b }
        if let n = f["unit"]?.value { q.unit = reader.localized(n, key: "unit") }
        if let n = f["min_length"]?.value { q.minLength = reader.integer(n, key: "min_length") }
        if let n = f["max_length"]?.value { q.maxLength = reader.integer(n, key: "max_length") }
        if let n = f["labels"]?.value { q.labels = labels(n) }
        if let n = f["rows"]?.value { q.rows = rows(n) }
        if let n = f["pattern"]?.value, let source = reader.string(n, key: "pattern") {
            do {
                q.pattern = try Pattern(source)
            } catch {
                let origin = reader.expressionOrigin(n)
                reader.report(.badPattern, at: origin.advanced(by: error.offset),
                              "the pattern of `\(id)` is not usable: \(error.message)")
            }
        }
        for key in ["min", "max"] {
            guard let n = f[key]?.value else { continue }
            if q.type == .date {
                guard let s = reader.string(n, key: key) else { continue }
                if !DateText.isValid(s) {
                    reader.report(.badValue, at: n.position, "`\(key)` of date question `\(id)` must be a date written YYYY-MM-DD, not `\(s)`")
                } else if key == "min" { q.minDate = s } else { q.maxDate = s }
            } else if let v = reader.number(n, key: key) {
                if q.type == .scale || q.type == .multi || q.type == .grid {
                    // These ends are counted in whole points or choices: keep them within what an integer holds.
                    if v != v.rounded() {
                        reader.report(.wrongType, at: n.position, "`\(key)` of \(q.type.rawValue) question `\(id)` must be a whole number")
                    } else if abs(v) > 1_000_000 {
                        reader.report(.badRange, at: n.position,
                                      "`\(key)` of \(q.type.rawValue) question `\(id)` must be between -1000000 and 1000000")
                        continue
                    }
                }
                if key == "min" { q.min = v } else { q.max = v }
            }
        }
        return q
    }

    func options(_ node: YAMLNode, questionId: String) -> [ChoiceOption] {
        guard let list = reader.list(node, key: "options") else { return [] }
        var result: [ChoiceOption] = []
        for item in list {
            if let scalar = item.scalar {
                guard let value = optionValue(item) else { continue }
                result.append(ChoiceOption(value: value, label: LocalizedText(plain: scalar.text, at: item.position), at: item.position))
                continue
            }
            guard let f = reader.fields(item, allowed: FormatKeys.option, required: ["value"],
                                        what: "an option of `\(questionId)`"),
                  let valueNode = f["value"]?.value, let value = optionValue(valueNode) else { continue }
            let label = f["label"].flatMap { reader.localized($0.value, key: "label") }
                ?? LocalizedText(plain: value.description, at: valueNode.position)
            var option = ChoiceOption(value: value, label: label, at: valueNode.position)
            if let n = f["exclusive"]?.value, let b = reader.bool(n, key: "exclusive") { option.exclusive = b }
            if let n = f["fixed"]?.value, let b = reader.bool(n, key: "fixed") { option.fixed = b }
            result.append(option)
        }
        return result
    }

    /// An option value: a text without surrounding spaces, or an integer.
    func optionValue(_ node: YAMLNode) -> OptionValue? {
        switch node.scalar?.resolved {
        case .integer(let i)?: return .integer(i)
        case .string(let s)?:
            // Byte tests first: a value that starts with printable ASCII is not blank, and one without the byte
            // of a comma holds none (the `Character` tests decide only the rare rest).
            let startsPrintable = s.utf8.first.map { $0 > 0x20 && $0 < 0x7F } ?? false
            let blank = !startsPrintable && s.allSatisfy(\.isWhitespace)
            if blank || (s.utf8.contains(UInt8(ascii: ",")) && s.contains(",")) {
                reader.report(.badValue, at: node.position, "the option value `\(s)` cannot be empty or contain a comma",
                              hint: "give the option a `value:` such as `\(Identifier.suggestion(s) ?? "option_1")` and keep the words in `label:`")
                return nil
            }
            return .text(s)
        case .bool(let b)?:
            return .text(b ? "true" : "false")
        default:
            reader.report(.wrongType, at: node.position, "an option value must be a text or a whole number, not \(node.kindDescription)")
            return nil
        }
    }

    func labels(_ node: YAMLNode) -> [String: LocalizedText] {
        guard let pairs = node.mapping else {
            reader.report(.wrongType, at: node.position, "`labels` must be a mapping from point to text, not \(node.kindDescription)")
            return [:]
        }
        var result: [String: LocalizedText] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text, let text = reader.localized(pair.value, key: "labels.\(key)") else { continue }
            result[key] = LocalizedText(text.translations, at: pair.key.position, languagePositions: text.languagePositions)
        }
        return result
    }

    func rows(_ node: YAMLNode) -> [GridRow] {
        guard let list = reader.list(node, key: "rows") else { return [] }
        return list.compactMap { item in
            guard let f = reader.fields(item, allowed: FormatKeys.gridRow, required: ["id", "text"], what: "a grid row"),
                  let idNode = f["id"]?.value, let id = reader.identifier(idNode, key: "id"),
                  let text = f["text"].flatMap({ reader.localized($0.value, key: "text") }) else { return nil }
            return GridRow(id: id, text: text, at: idNode.position)
        }
    }

    func checks(_ node: YAMLNode) -> [Check] {
        guard let list = reader.list(node, key: "checks") else { return [] }
        return list.compactMap { item in
            if item.scalar != nil {
                return reader.condition(item, key: "checks").map { Check(rule: $0, message: nil, soft: false, at: item.position) }
            }
            guard let f = reader.fields(item, allowed: FormatKeys.check, required: ["rule"], what: "a check"),
                  let ruleNode = f["rule"]?.value, let rule = reader.condition(ruleNode, key: "rule") else { return nil }
            let message = f["message"].flatMap { reader.localized($0.value, key: "message") }
            let soft = f["soft"].flatMap { reader.bool($0.value, key: "soft") } ?? false
            return Check(rule: rule, message: message, soft: soft, at: item.position)
        }
    }

    // MARK: Sections, ends, computes

    func section(_ node: YAMLNode) -> Section? {
        guard let f = reader.fields(node, allowed: FormatKeys.section,
                                    required: ["section", "questions"], what: "section `\(node["section"]?.scalar?.text ?? "?")`"),
              let idNode = f["section"]?.value else { return nil }
        let id = reader.identifier(idNode, key: "section") ?? ""
        let children = f["questions"].flatMap { reader.list($0.value, key: "questions") } ?? []
        var s = Section(id: id, items: items(children), at: idNode.position)
        if let n = f["title"]?.value { s.title = reader.localized(n, key: "title") }
        if let n = f["when"]?.value { s.when = reader.condition(n, key: "when") }
        if let n = f["for_each"]?.value, let name = reader.string(n, key: "for_each") {
            s.forEach = name
            s.forEachPosition = n.position
        }
        return s
    }

    func end(_ node: YAMLNode) -> End? {
        guard let f = reader.fields(node, allowed: FormatKeys.end, required: ["end"], what: "an `end`"),
              let statusNode = f["end"]?.value, let name = reader.string(statusNode, key: "end") else { return nil }
        guard let status = EndStatus(rawValue: name) else {
            reader.report(.badValue, at: statusNode.position, "`end: \(name)` is not a status",
                          hint: "write `end: complete` or `end: screened_out`")
            return nil
        }
        var e = End(status: status, at: statusNode.position)
        if let n = f["id"]?.value { e.id = reader.identifier(n, key: "id") }
        if let n = f["when"]?.value { e.when = reader.condition(n, key: "when") }
        if let n = f["text"]?.value { e.text = reader.localized(n, key: "text") }
        return e
    }

    func compute(_ node: YAMLNode) -> Compute? {
        guard let f = reader.fields(node, allowed: FormatKeys.compute, required: ["compute", "value"], what: "a `compute`"),
              let idNode = f["compute"]?.value, let id = reader.identifier(idNode, key: "compute"),
              let valueNode = f["value"]?.value, let value = reader.condition(valueNode, key: "value") else { return nil }
        return Compute(id: id, value: value, at: idNode.position)
    }

    // MARK: Meta

    func meta(_ node: YAMLNode) -> [MetaField] {
        guard let pairs = node.mapping else {
            reader.report(.wrongType, at: node.position, "`meta` must be a mapping from key to its definition, not \(node.kindDescription)")
            return []
        }
        return pairs.compactMap { pair in
            guard let key = reader.identifier(pair.key, key: "meta") else { return nil }
            if pair.value.scalar?.resolved == .null {
                return MetaField(question: Question(id: key, type: .text, text: LocalizedText(plain: key, at: pair.key.position), at: pair.key.position), ask: false)
            }
            guard var q = question(pair.value, what: "meta `\(key)`", metaKey: key, extraKeys: FormatKeys.metaExtra) else { return nil }
            q.position = pair.key.position
            q.required = true
            let ask = pair.value["ask"].flatMap { reader.bool($0, key: "ask") } ?? false
            return MetaField(question: q, ask: ask)
        }
    }
}

/// The keys of an item's mapping, for telling a question from a section, end or compute without a set.
private struct ItemKeys {
    let all: [String]

    init(_ pairs: [YAMLPair]) { all = pairs.compactMap { $0.key.scalar?.text } }

    func contains(_ key: String) -> Bool { all.contains(key) }
}
