/// Checks one parsed response record against its questionnaire (SPEC section 5), without replaying it.
///
/// The checks are what a line must pass to be scored: the record fields have their types, the record is
/// of this questionnaire, every answer names a question, loop answers are keyed by real options, each
/// answer obeys its question's own rules (`AnswerParser.validate`: type, options, range, lengths,
/// pattern), every `missing` reason is one the question allows, and every meta value is declared and
/// valid. Path rules (was this question asked at all?) need a replay; `ResponseVerifier` adds them.
struct RecordChecker: Sendable {
    let schema: ResponseSchema
    /// Whether `completed_at` must be an RFC 3339 time (for `--period`, and in `verify`).
    var checksTimes: Bool


    init(schema: ResponseSchema, checksTimes: Bool) {
        self.schema = schema
        self.checksTimes = checksTimes
    }

    /// The checked record, or the first problem found.
    func check(_ record: JSONObject, source: ResponseSource, line: Int) throws(LineProblem) -> CheckedResponse {
        let expected = schema.questionnaire.id
        guard let named = record["questionnaire"] else {
            throw LineProblem(.badField, "the record has no `questionnaire` field; every response names its questionnaire (`\(expected)`)")
        }
        guard let questionnaire = named.stringValue else {
            throw Self.mistyped("questionnaire", named, expected: "the questionnaire id as a string")
        }
        guard questionnaire == expected else {
            throw LineProblem(.otherQuestionnaire,
                              "the record belongs to questionnaire `\(Self.clip(questionnaire))`, not `\(expected)`; score it with that questionnaire's file")
        }
        guard let idValue = record["response_id"] else {
            throw LineProblem(.badField, "the record has no `response_id`; every response needs a unique id")
        }
        guard let responseID = idValue.stringValue, !responseID.isEmpty else {
            throw Self.mistyped("response_id", idValue, expected: "a non-empty string")
        }
        guard let statusValue = record["status"] else {
            throw LineProblem(.badField, "the record has no `status`; it must be \(Self.statusList(schema.questionnaire))")
        }
        guard let statusText = statusValue.stringValue, let status = schema.questionnaire.status(named: statusText) else {
            throw Self.mistyped("status", statusValue, expected: Self.statusList(schema.questionnaire))
        }
        guard let answersValue = record["answers"] else {
            throw LineProblem(.badField, "the record has no `answers` object; write {} when nothing was answered")
        }
        guard let answers = answersValue.objectValue else {
            throw Self.mistyped("answers", answersValue, expected: "an object keyed by question id")
        }
        let missing = try Self.object("missing", in: record)
        let meta = try Self.object("meta", in: record)
        let computed = try Self.object("computed", in: record)
        let language = try Self.optionalString("language", in: record)
        if let language, !schema.questionnaire.languages.isEmpty, !schema.questionnaire.languages.contains(language) {
            throw LineProblem(.badField, "`language` is \"\(Self.clip(language))\", which is not one of this questionnaire's languages (\(schema.questionnaire.languages.joined(separator: ", ")))")
        }
        let completedAt = try Self.optionalString("completed_at", in: record)
        if checksTimes, let completedAt, Timestamp.parseRFC3339(completedAt) == nil {
            throw LineProblem(.badField, "`completed_at` is \"\(Self.clip(completedAt))\", which is not an RFC 3339 time such as 2026-11-23T09:02:10Z")
        }
        var values = [JSONValue?](repeating: nil, count: schema.slotCount)
        var missingMask: UInt64 = 0
        try checkMeta(meta, values: &values)
        for member in answers.members { try checkAnswer(member.key, member.value, values: &values) }
        for member in missing.members { try checkMissing(member.key, member.value, mask: &missingMask) }
        if !schema.computeSlots.isEmpty {
            for member in computed.members {
                if let slot = schema.computeSlots[member.key] { values[slot] = member.value }
            }
        }
        var checked = CheckedResponse(responseID: responseID, status: status, language: language, completedAt: completedAt,
                                      meta: meta, answers: answers, missing: missing, computed: computed, source: source, line: line)
        checked.questionnaireSHA256 = record["questionnaire_sha256"]?.stringValue
        checked.record = record
        if schema.readsDurations { checked.durations = try Self.object(RecordKey.durations.rawValue, in: record) }
        checked.values = values
        checked.missingMask = missingMask
        return checked
    }

    // MARK: Meta

    private func checkMeta(_ meta: JSONObject, values: inout [JSONValue?]) throws(LineProblem) {
        for member in meta.members {
            guard let field = schema.metaLookup[member.key] else {
                let declared = schema.meta.keys.sorted()
                let hint = declared.isEmpty ? "the questionnaire declares no meta keys" : "declared: \(declared.joined(separator: ", "))"
                throw LineProblem(.badMeta, "meta `\(Self.clip(member.key))` is not declared under `meta:` in the questionnaire (\(hint))")
            }
            if member.value.isNull { continue }
            if field.slot >= 0 { values[field.slot] = member.value }
            if let problem = field.rule.problem(with: member.value) {
                throw LineProblem(.badMeta, "meta `\(member.key)` is \(Self.show(member.value)), \(field.rule.explanation(of: member.value, problem: problem))")
            }
        }
    }

    // MARK: Answers

    // Labels such as `channel_sat[app]` are built only when a problem is found: closures make them on demand,
    // so a valid line costs no string building.

    private func checkAnswer(_ key: String, _ value: JSONValue, values: inout [JSONValue?]) throws(LineProblem) {
        guard let (entry, isOtherText) = schema.answerTarget(key) else {
            let what = schema.computes[key] != nil ? "a compute (computes belong in `computed`)" : "not a question of `\(schema.questionnaire.id)`"
            throw LineProblem(.badAnswer, "`answers` has `\(Self.clip(key))`, which is \(what); remove it or correct the id")
        }
        if entry.slot >= 0, !isOtherText { values[entry.slot] = value }
        try descendAnswer(value, entry, isOtherText: isOtherText, level: 0) { key }
    }

    private func descendAnswer(_ value: JSONValue, _ entry: ResponseSchema.QuestionEntry, isOtherText: Bool, level: Int,
                               label: () -> String) throws(LineProblem) {
        guard level < entry.loops.count else {
            try checkLeaf(value, entry, isOtherText: isOtherText, label: label)
            return
        }
        let loop = entry.loops[level]
        guard case .object(let keyed) = value else { throw Self.notKeyed(.badAnswer, label(), loop, value) }
        for member in keyed.members {
            guard loop.keys.contains(member.key) else { throw Self.badLoopKey(.badAnswer, label(), loop, member.key) }
            try descendAnswer(member.value, entry, isOtherText: isOtherText, level: level + 1) { "\(label())[\(member.key)]" }
        }
    }

    private func checkLeaf(_ leaf: JSONValue, _ entry: ResponseSchema.QuestionEntry, isOtherText: Bool,
                           label: () -> String) throws(LineProblem) {
        if leaf.isNull {
            throw LineProblem(.badAnswer, "`\(label())` is null; leave a question without an answer out of `answers`, or give its reason in `missing`")
        }
        if isOtherText {
            guard case .string(let text) = leaf, AnswerRule.hasVisibleCharacter(text) else {
                throw LineProblem(.badAnswer, "`\(label())` is \(Self.show(leaf)), but the text of an `other` choice must be a non-empty string")
            }
            return
        }
        if entry.question.type == .grid {
            guard case .object(let cells) = leaf else {
                throw LineProblem(.badAnswer, "`\(label())` is a grid: give its answers as an object keyed by row id, not \(leaf.kindDescription)")
            }
            for cell in cells.members {
                guard entry.rows.contains(cell.key) else {
                    throw LineProblem(.badAnswer, "`\(label())` has the row `\(Self.clip(cell.key))`, which the grid does not have (rows: \(entry.question.rows.map(\.id).joined(separator: ", ")))")
                }
                if let problem = entry.rule.problem(with: cell.value) {
                    throw Self.invalid("\(label()).\(cell.key)", cell.value, problem, entry.rule)
                }
            }
            return
        }
        if let problem = entry.rule.problem(with: leaf) { throw Self.invalid(label(), leaf, problem, entry.rule) }
    }

    private static func invalid(_ label: String, _ value: JSONValue, _ problem: AnswerProblem, _ rule: AnswerRule) -> LineProblem {
        LineProblem(.badAnswer, "`\(label)` is \(show(value)), \(rule.explanation(of: value, problem: problem))")
    }

    // MARK: Missing

    private func checkMissing(_ key: String, _ value: JSONValue, mask: inout UInt64) throws(LineProblem) {
        guard let (entry, isOtherText) = schema.answerTarget(key) else {
            throw LineProblem(.badMissing, "`missing` has `\(Self.clip(key))`, which is not a question of `\(schema.questionnaire.id)`; remove it or correct the id")
        }
        if entry.slot >= 0, entry.slot < 64, !isOtherText { mask |= 1 << UInt64(entry.slot) }
        try descendMissing(value, entry, isOtherText: isOtherText, level: 0) { key }
    }

    private func descendMissing(_ value: JSONValue, _ entry: ResponseSchema.QuestionEntry, isOtherText: Bool, level: Int,
                                label: () -> String) throws(LineProblem) {
        guard level < entry.loops.count else {
            if entry.question.type == .grid, !isOtherText, case .object(let rows) = value {
                for row in rows.members {
                    guard entry.rows.contains(row.key) else {
                        throw LineProblem(.badMissing, "`missing` has `\(label()).\(Self.clip(row.key))`, but the grid has no row `\(Self.clip(row.key))`")
                    }
                    try checkReason(row.value, entry.question, isOtherText: false) { "\(label()).\(row.key)" }
                }
                return
            }
            try checkReason(value, entry.question, isOtherText: isOtherText, label: label)
            return
        }
        let loop = entry.loops[level]
        guard case .object(let keyed) = value else { throw Self.notKeyed(.badMissing, label(), loop, value) }
        for member in keyed.members {
            guard loop.keys.contains(member.key) else { throw Self.badLoopKey(.badMissing, label(), loop, member.key) }
            try descendMissing(member.value, entry, isOtherText: isOtherText, level: level + 1) { "\(label())[\(member.key)]" }
        }
    }

    private func checkReason(_ value: JSONValue, _ question: Question, isOtherText: Bool, label: () -> String) throws(LineProblem) {
        guard case .string(let text) = value, let reason = MissingReason(rawValue: text) else {
            throw LineProblem(.badMissing, "the missing reason of `\(label())` is \(Self.show(value)); it must be \"skipped\", \"dont_know\" or \"refused\"")
        }
        switch reason {
        case .skipped where question.required && !isOtherText:
            throw LineProblem(.badMissing, "`\(label())` is required, so it cannot be \"skipped\"")
        case .dontKnow where !question.dontKnow:
            throw LineProblem(.badMissing, "`\(label())` does not offer \"don't know\" (`dont_know: true`), so it cannot be \"dont_know\"")
        case .refused where !question.refuse:
            throw LineProblem(.badMissing, "`\(label())` does not offer refusal (`refuse: true`), so it cannot be \"refused\"")
        default:
            return
        }
    }

    // MARK: Loops

    private static func notKeyed(_ kind: LineProblem.Kind, _ label: String, _ loop: ResponseSchema.LoopLevel,
                                 _ value: JSONValue) -> LineProblem {
        LineProblem(kind, "`\(label)` is asked once per option chosen in `\(loop.question)`: give it as an object keyed by option value, not \(value.kindDescription)")
    }

    private static func badLoopKey(_ kind: LineProblem.Kind, _ label: String, _ loop: ResponseSchema.LoopLevel,
                                   _ key: String) -> LineProblem {
        LineProblem(kind, "`\(label)` is keyed by `\(clip(key))`, which is not an option of `\(loop.question)` (options: \(loop.orderedKeys.joined(separator: ", ")))")
    }

    // MARK: Helpers

    private static func object(_ name: String, in record: JSONObject) throws(LineProblem) -> JSONObject {
        guard let value = record[name], !value.isNull else { return JSONObject() }
        guard let object = value.objectValue else { throw mistyped(name, value, expected: "an object") }
        return object
    }

    private static func optionalString(_ name: String, in record: JSONObject) throws(LineProblem) -> String? {
        guard let value = record[name], !value.isNull else { return nil }
        guard let text = value.stringValue else { throw mistyped(name, value, expected: "a string") }
        return text
    }

    private static func mistyped(_ name: String, _ value: JSONValue, expected: String) -> LineProblem {
        LineProblem(.badField, "`\(name)` is \(show(value)); it must be \(expected)")
    }

    /// A value as compact JSON, shortened so that a message stays one readable line.
    static func show(_ value: JSONValue) -> String {
        switch value {
        case .object: return "an object"
        case .array(let items) where items.count > 8: return "an array of \(items.count) values"
        default: return clip(JSONWriter().string(value))
        }
    }

    static func clip(_ text: String, limit: Int = 60) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// The statuses the questionnaire declares, for messages: `"complete" or "screened_out"`, with its quotas' statuses.
    static func statusList(_ q: Questionnaire) -> String {
        let names = q.statuses.map { "\"\($0.rawValue)\"" }
        return names.count <= 2 ? names.joined(separator: " or ") : names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }
}
