/// Turns questionnaire source (YAML or JSON) into a `Questionnaire`, collecting every problem on the way.
///
/// Parsing never stops at the first problem: an unknown key, a mistyped value or a broken expression is
/// reported and the rest of the file is still read, so an author sees all findings at once.
public enum QuestionnaireParser {
    /// A questionnaire (when the file could be read far enough to build one) and every problem found.
    public struct Result: Sendable {
        public var questionnaire: Questionnaire?
        public var diagnostics: [Diagnostic]
    }

    /// `$schema` names a JSON Schema for editors (docs/questionnaire.schema.json); touchpoint ignores it.
    static let topKeys = ["$schema", "touchpoint", "id", "title", "version", "languages", "intro", "outro", "defaults",
                          "budget", "meta", "questions", "quotas", "scores", "tests"]

    /// Parses the bytes of a questionnaire file.
    public static func parse(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard) -> Result {
        parse(bytes, fileSize: fileSize, limits: limits, parallel: nil)
    }

    /// `parse`, with the top-level items read on every core (`parallel: true`), on this thread only (false), or
    /// as the file's size says (nil).
    static func parse(_ bytes: [UInt8], fileSize: Int? = nil, limits: YAMLLimits = .standard, parallel: Bool?) -> Result {
        let concurrent = parallel ?? (bytes.count >= ItemParser.parallelBytes)
        // A large file's items are read on another core while libyaml reads on (`ItemStream`).
        let stream = concurrent ? ItemStream() : nil
        var loaded = YAMLLoader.load(bytes, fileSize: fileSize, limits: limits, watcher: stream)
        guard let root = loaded.root, !loaded.diagnostics.contains(where: { $0.severity == .error && !recoverable($0.code) }) else {
            return Result(questionnaire: nil, diagnostics: loaded.diagnostics)
        }
        loaded.root = nil
        let reader = NodeReader()
        let questionnaire = parse(root: root, reader: reader, parallel: concurrent, stream: stream)
        TreeDisposal.release(consume root, sourceBytes: bytes.count)
        return Result(questionnaire: questionnaire, diagnostics: loaded.diagnostics + reader.diagnostics.items)
    }

    /// Problems after which the tree is still whole enough to read.
    private static func recoverable(_ code: DiagnosticCode) -> Bool {
        code == .duplicateKey || code == .wrongType
    }

    /// `parallel` reads the top-level `questions` in parts on every core (for a large file).
    static func parse(root: YAMLNode, reader: NodeReader, parallel: Bool = false, stream: ItemStream? = nil) -> Questionnaire? {
        guard root.mapping != nil else {
            reader.report(.wrongType, at: root.position,
                          "a questionnaire must be a mapping with `touchpoint: 1`, `id:` and `questions:`, not \(root.kindDescription)")
            return nil
        }
        guard let fields = reader.fields(root, allowed: topKeys, required: ["touchpoint", "id", "questions"],
                                         what: "the questionnaire") else { return nil }
        var q = Questionnaire(id: "", items: [])
        for (key, pair) in fields { q.keyPositions[key] = pair.key.position }
        if let node = fields["touchpoint"]?.value, let version = reader.integer(node, key: "touchpoint") {
            q.formatVersion = version
            if version != 1 {
                reader.report(.unsupportedVersion, at: node.position,
                              "format version \(version) is not supported; this touchpoint reads version 1",
                              hint: "write `touchpoint: 1`")
            }
        }
        if let node = fields["id"]?.value { q.id = reader.identifier(node, key: "id") ?? "" }
        if let node = fields["title"]?.value { q.title = reader.localized(node, key: "title") }
        if let node = fields["$schema"]?.value { _ = reader.string(node, key: "$schema") }
        if let node = fields["version"]?.value { q.version = reader.scalarText(node, key: "version") }
        if let node = fields["languages"]?.value { q.languages = parseLanguages(node, reader: reader) }
        if let node = fields["intro"]?.value { q.intro = reader.localized(node, key: "intro") }
        if let node = fields["outro"]?.value { q.outro = reader.localized(node, key: "outro") }
        if let node = fields["defaults"]?.value { q.defaults = parseDefaults(node, reader: reader) }
        if let node = fields["budget"]?.value { q.budget = parseBudget(node, reader: reader) }
        let items = ItemParser(reader: reader, defaults: q.defaults)
        if let node = fields["meta"]?.value { q.meta = items.meta(node) }
        if let node = fields["questions"]?.value, let list = reader.list(node, key: "questions") {
            if let streamed = stream?.finish(), streamed.count == list.count, streamed.defaults == q.defaults {
                q.items = streamed.items
                reader.absorb(streamed.diagnostics)
            } else {
                q.items = parallel ? items.itemsInParts(list) : items.items(list)
            }
        }
        if let node = fields["quotas"]?.value { q.quotas = QuotaParser(reader: reader).quotas(node) }
        if let node = fields["scores"]?.value { q.scores = ScoreParser(reader: reader).scores(node) }
        if let node = fields["tests"]?.value { q.tests = TestCaseParser(reader: reader).tests(node) }
        return q
    }

    static func parseLanguages(_ node: YAMLNode, reader: NodeReader) -> [String] {
        guard let items = reader.list(node, key: "languages") else { return [] }
        var codes: [String] = []
        for item in items {
            guard let code = reader.string(item, key: "languages") else { continue }
            if !isLanguageCode(code) {
                reader.report(.badValue, at: item.position, "`\(code)` is not a language code",
                              hint: "use a code such as `en`, `zh`, `zh-Hant` or `pt-BR`")
            } else if codes.contains(code) {
                reader.report(.duplicateId, at: item.position, "the language `\(code)` is listed twice")
            } else {
                codes.append(code)
            }
        }
        if items.isEmpty {
            reader.report(.badValue, at: node.position, "`languages` is empty", hint: "list at least one, e.g. `[en]`")
        }
        return codes
    }

    /// BCP 47-style codes: a 2-3 letter language with optional subtags (`zh`, `zh-Hant`, `pt-BR`).
    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count),
              first.allSatisfy({ $0.isASCII && $0.isLowercase }) else { return false }
        return parts.dropFirst().allSatisfy { (2...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    static func parseDefaults(_ node: YAMLNode, reader: NodeReader) -> Defaults {
        var defaults = Defaults()
        guard let f = reader.fields(node, allowed: FormatKeys.defaults, what: "`defaults`") else { return defaults }
        if let n = f["required"]?.value, let b = reader.bool(n, key: "required") { defaults.required = b }
        if let n = f["dont_know"]?.value, let b = reader.bool(n, key: "dont_know") { defaults.dontKnow = b }
        if let n = f["refuse"]?.value, let b = reader.bool(n, key: "refuse") { defaults.refuse = b }
        return defaults
    }

    static func parseBudget(_ node: YAMLNode, reader: NodeReader) -> Budget? {
        guard let f = reader.fields(node, allowed: FormatKeys.budget, what: "`budget`") else { return nil }
        var budget = Budget(questions: nil, seconds: nil, at: node.position)
        if let n = f["questions"]?.value, let v = reader.integer(n, key: "questions") {
            if v <= 0 { reader.report(.badRange, at: n.position, "`budget.questions` must be more than 0") } else { budget.questions = v }
        }
        if let n = f["seconds"]?.value, let v = reader.number(n, key: "seconds") {
            if v <= 0 { reader.report(.badRange, at: n.position, "`budget.seconds` must be more than 0") } else { budget.seconds = v }
        }
        return budget
    }
}
