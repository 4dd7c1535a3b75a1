import TouchpointJSON

/// The scoring fast path: checks a response line straight from its bytes, as `RecordChecker` checks the
/// parsed record, and builds only what scores read (the values in `ResponseSchema` slots, the missing
/// reasons), not the record's JSON tree.
///
/// It accepts a line only when `RecordChecker` would, with the same values: the grammar is `JSONCursor`'s
/// (never more lenient than `JSONParser`), each answer is checked by its question's `ByteAnswerRule` (never
/// more lenient than its `AnswerRule`), and every key, option and reason is matched on its exact bytes.
/// For anything it is not sure of (an error, an escape, a key or value it does not find, a repeated record
/// field) it returns `nil`, and the reader parses and checks the line the slow way, which accepts it or
/// gives the rejection with its message. So score and verify reject the same lines with the same words.
///
/// What the checked response holds differs from the slow path's in what scoring does not read: `meta`,
/// `answers`, `computed` and `record` are empty (scores read `values`), `questionnaireSHA256` is nil, as
/// it is on the slow path for scoring. It is used only by `ScoreEngine`, and only when the scores need
/// nothing else (no durations, no respondent key, at most 64 slots).
final class RecordScanner: Sendable {
    /// What an `answers` (or `missing`) key names.
    final class AnswerTarget: Sendable {
        let entry: ResponseSchema.QuestionEntry
        let isOtherText: Bool
        let rule: ByteAnswerRule
        /// The option keys of each loop level around the question.
        let loops: [ByteTable]
        /// The first loop level's keys in option order, the order records write them in (SPEC section 5).
        let firstLoopKeys: QuotedKeys
        /// `loops[0]` (an empty table outside loops), read without going through the array.
        let firstLoop: ByteTable
        /// The grid's rows.
        let rows: ByteTable
        let isGrid: Bool
        /// `entry.slot`, read here without going through the entry (no reference counting on every line).
        let slot: Int
        /// Whether the answer is kept in its slot (a slot, and not the text of an `other` choice).
        let keeps: Bool
        /// Whether the answers go to `CheckedResponse.numbers` (kept, and the entry is numbered).
        let isNumbered: Bool

        init(entry: ResponseSchema.QuestionEntry, isOtherText: Bool, rule: ByteAnswerRule) {
            self.entry = entry
            self.isOtherText = isOtherText
            self.rule = rule
            loops = entry.loops.map { ByteTable($0.orderedKeys) }
            firstLoopKeys = QuotedKeys(entry.loops.first?.orderedKeys ?? [])
            firstLoop = loops.first ?? ByteTable([])
            rows = ByteTable(entry.question.rows.map(\.id))
            isGrid = entry.question.type == .grid
            slot = entry.slot
            keeps = entry.slot >= 0 && !isOtherText
            isNumbered = keeps && entry.isNumbered
        }
    }

    /// A declared meta field.
    final class MetaTarget: Sendable {
        let slot: Int
        let rule: ByteAnswerRule

        init(slot: Int, rule: ByteAnswerRule) {
            self.slot = slot
            self.rule = rule
        }
    }

    private enum Field: Int {
        case questionnaire, responseID, status, language, completedAt, meta, answers, missing, computed
    }

    private let schema: ResponseSchema
    private let parser: JSONParser
    private let checksTimes: Bool
    private let fields: ByteTable
    /// Every record key in the order `touchpoint` writes them (SPEC section 5), to expect them in that order,
    /// with each one's position in `fields` (-1: skipped).
    private let recordKeys: QuotedKeys
    private let recordKeyFields: [Int]
    /// `RecordKey.allCases` by bytes: where the order goes on after a key that was not the expected one.
    private let recordKeyOrder: ByteTable
    private let questionnaireID: ByteTable
    private let statuses: ByteTable
    private let languages: ByteTable
    private let reasons: ByteTable
    private let answerKeys: ByteTable
    /// The answer keys in the order records usually write them (the flow's, each `other` text after its
    /// question), with each one's position in `answerKeys`; and for each position, its place in that order
    /// (-1: none), where the order goes on after a key that was not the expected one.
    private let answerOrder: QuotedKeys
    private let answerOrderPositions: [Int]
    private let answerOrderIndex: [Int]
    private let answerTargets: [AnswerTarget]
    /// `answerTargets` again, unretained: a line's answers are checked against their targets without reference
    /// counting, which is atomic and cost more than the checks (`answerTargets` keeps them alive).
    private let unretainedAnswerTargets: [Unmanaged<AnswerTarget>]
    private let metaKeys: ByteTable
    private let metaTargets: [MetaTarget]
    private let unretainedMetaTargets: [Unmanaged<MetaTarget>]
    private let computeKeys: ByteTable
    private let computeSlots: [Int]

    /// Whether a reader built for `schema` may use the scanner: the scores read nothing it leaves out.
    static func covers(_ schema: ResponseSchema) -> Bool {
        !schema.readsDurations && schema.slotCount <= 64
    }

    init(schema: ResponseSchema, parser: JSONParser, checksTimes: Bool) {
        self.schema = schema
        self.parser = parser
        self.checksTimes = checksTimes
        // The record fields the slow path keeps; `completed_at` only when it is checked. Others are skipped.
        fields = ByteTable([RecordKey.questionnaire, .responseID, .status, .language, .completedAt, .meta, .answers,
                            .missing, .computed].map { key in
            key == .completedAt && !checksTimes ? "\u{0}" : key.rawValue
        })
        recordKeys = QuotedKeys(RecordKey.allCases.map(\.rawValue))
        recordKeyOrder = ByteTable(RecordKey.allCases.map(\.rawValue))
        let fields = self.fields
        recordKeyFields = RecordKey.allCases.map { key in
            Array(key.rawValue.utf8).withUnsafeBufferPointer { fields.position($0.baseAddress!, count: $0.count) } ?? -1
        }
        questionnaireID = ByteTable([schema.questionnaire.id])
        statuses = ByteTable(EndStatus.allCases.map(\.rawValue))
        languages = ByteTable(schema.questionnaire.languages)
        reasons = ByteTable(MissingReason.allCases.map(\.rawValue))
        var keys: [String] = []
        var targets: [AnswerTarget] = []
        for (id, entry) in schema.questions.sorted(by: { $0.key < $1.key }) {
            keys.append(id)
            targets.append(AnswerTarget(entry: entry, isOtherText: false, rule: ByteAnswerRule(entry.rule)))
        }
        // `<id>_other` names the text of an `other` choice unless it is itself a question id.
        for (id, entry) in schema.questions.sorted(by: { $0.key < $1.key }) where entry.question.other {
            let key = id + "_other"
            guard schema.questions[key] == nil else { continue }
            keys.append(key)
            targets.append(AnswerTarget(entry: entry, isOtherText: true, rule: ByteAnswerRule(entry.rule)))
        }
        answerKeys = ByteTable(keys)
        answerTargets = targets
        // Positions by key, once: searching `keys` for every question of a 2,000-question file took millions
        // of string comparisons at start-up.
        var positions: [String: Int] = [:]
        for (position, key) in keys.enumerated() where positions[key] == nil { positions[key] = position }
        var ordered: [String] = []
        var orderedPositions: [Int] = []
        var orderIndex = [Int](repeating: -1, count: keys.count)
        func expect(_ position: Int) {
            if orderIndex[position] < 0 { orderIndex[position] = ordered.count }
            ordered.append(keys[position])
            orderedPositions.append(position)
        }
        for flowItem in schema.checked.flow {
            guard case .question(let question) = flowItem.item, let position = positions[question.id] else { continue }
            expect(position)
            if let other = positions[question.id + "_other"], targets[other].isOtherText { expect(other) }
        }
        answerOrder = QuotedKeys(ordered)
        answerOrderPositions = orderedPositions
        answerOrderIndex = orderIndex
        unretainedAnswerTargets = targets.map { Unmanaged.passUnretained($0) }
        let meta = schema.meta.sorted { $0.key < $1.key }
        metaKeys = ByteTable(meta.map(\.key))
        metaTargets = meta.map { MetaTarget(slot: $0.value.slot, rule: ByteAnswerRule($0.value.rule)) }
        unretainedMetaTargets = metaTargets.map { Unmanaged.passUnretained($0) }
        let computes = schema.computeSlots.sorted { $0.key < $1.key }
        computeKeys = ByteTable(computes.map(\.key))
        computeSlots = computes.map(\.value)
    }

    /// Checks a line into `record`, a record this scanner filled before (or a new one): true when the line
    /// passes, false when the slow path must decide (then `record` holds a part of the line and is to be
    /// ignored). Reusing one record keeps its arrays, so that a line allocates no slot array and no record.
    func scan(_ bytes: UnsafeRawBufferPointer, into record: inout CheckedResponse, source: ResponseSource, line: Int) -> Bool {
        guard var cursor = JSONCursor(bytes) else { return false }
        do {
            try scan(&cursor, into: &record)
        } catch {
            return false
        }
        record.source = source
        record.line = line
        return true
    }

    /// A record for `scan(_:into:source:line:)` to fill.
    func emptyRecord(source: ResponseSource) -> CheckedResponse {
        var record = CheckedResponse(responseID: "", status: .complete, source: source)
        record.values = [JSONValue?](repeating: nil, count: schema.slotCount)
        return record
    }

    private func scan(_ cursor: inout JSONCursor, into record: inout CheckedResponse) throws(JSONCursor.Stop) {
        var seen = 0
        record.status = .complete
        record.language = nil
        record.completedAt = nil
        record.missing.removeAll()
        record.missingMask = 0
        record.numbers.removeAll(keepingCapacity: true)
        record.numberedMask = 0
        if record.values.count == schema.slotCount {
            for slot in record.values.indices where record.values[slot] != nil { record.values[slot] = nil }
        } else {
            record.values = [JSONValue?](repeating: nil, count: schema.slotCount)
        }
        guard try cursor.beginObject() else { throw JSONCursor.Stop() }
        var expected = 0
        repeat {
            let found: Int?
            if expected < recordKeys.count, recordKeys.consume(expected, from: &cursor) {
                let position = recordKeyFields[expected]
                found = position >= 0 ? position : nil
                expected += 1
            } else {
                let key = try cursor.key()
                found = fields.position(key.start, count: key.count)
                if let order = recordKeyOrder.position(key.start, count: key.count) { expected = order + 1 }
            }
            guard let position = found, let field = Field(rawValue: position) else {
                try cursor.skipValue(depth: 1)
                continue
            }
            // A repeated record field: the slow path reads the first and still parses the others.
            guard seen & (1 << position) == 0 else { throw JSONCursor.Stop() }
            seen |= 1 << position
            switch field {
            case .questionnaire:
                let text = try cursor.string()
                guard questionnaireID.position(text.start, count: text.count) != nil else { throw JSONCursor.Stop() }
            case .responseID:
                let text = try cursor.string()
                guard text.count > 0, text.isASCII else { throw JSONCursor.Stop() }
                record.responseID = String(decoding: UnsafeBufferPointer(start: text.start, count: text.count), as: UTF8.self)
                // ASCII: the string's UTF-8 is these bytes, so the key is the one `Key(responseID)` makes.
                record.idKey = ResponseIDSet.Key(uuidBytes: text.start, count: text.count) ?? ResponseIDSet.Key(record.responseID)
            case .status:
                let text = try cursor.string()
                guard let found = statuses.position(text.start, count: text.count) else { throw JSONCursor.Stop() }
                record.status = EndStatus.allCases[found]
            case .language:
                if cursor.peek() == 0x6E, cursor.null() { break }
                let text = try cursor.string()
                if !languages.strings.isEmpty {
                    // A declared language: the table's own string, so that no string is built for it.
                    guard let found = languages.position(text.start, count: text.count) else { throw JSONCursor.Stop() }
                    record.language = languages.strings[found]
                } else {
                    record.language = String(decoding: UnsafeBufferPointer(start: text.start, count: text.count), as: UTF8.self)
                }
            case .completedAt:
                if cursor.peek() == 0x6E, cursor.null() { break }
                let text = try cursor.string()
                let time = String(decoding: UnsafeBufferPointer(start: text.start, count: text.count), as: UTF8.self)
                guard Timestamp.parseRFC3339(time) != nil else { throw JSONCursor.Stop() }
                record.completedAt = time
            case .meta:
                if cursor.peek() == 0x6E, cursor.null() { break }
                try scanMeta(&cursor, values: &record.values)
            case .answers:
                try scanAnswers(&cursor, into: &record)
            case .missing:
                if cursor.peek() == 0x6E, cursor.null() { break }
                try scanMissing(&cursor, into: &record.missing, mask: &record.missingMask)
            case .computed:
                if cursor.peek() == 0x6E, cursor.null() { break }
                try scanComputed(&cursor, values: &record.values)
            }
        } while try cursor.nextMember()
        try cursor.expectEnd()
        let required = 1 << Field.questionnaire.rawValue | 1 << Field.responseID.rawValue | 1 << Field.status.rawValue
            | 1 << Field.answers.rawValue
        guard seen & required == required else { throw JSONCursor.Stop() }
    }

    // MARK: Meta and computes

    private func scanMeta(_ cursor: inout JSONCursor, values: inout [JSONValue?]) throws(JSONCursor.Stop) {
        guard try cursor.beginObject() else { return }
        repeat {
            let key = try cursor.key()
            guard let position = metaKeys.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
            if cursor.peek() == 0x6E, cursor.null() { continue }
            try Self.guaranteed(unretainedMetaTargets[position]) { target throws(JSONCursor.Stop) in
                let value = try leaf(&cursor, target.rule, keeps: target.slot >= 0)
                if target.slot >= 0 { values[target.slot] = value }
            }
        } while try cursor.nextMember()
    }

    private func scanComputed(_ cursor: inout JSONCursor, values: inout [JSONValue?]) throws(JSONCursor.Stop) {
        guard try cursor.beginObject() else { return }
        repeat {
            let key = try cursor.key()
            guard let position = computeKeys.position(key.start, count: key.count) else {
                // Compute ids are ASCII; other bytes might still equal one as a string.
                guard key.isASCII else { throw JSONCursor.Stop() }
                try cursor.skipValue(depth: 2)
                continue
            }
            values[computeSlots[position]] = try anyValue(&cursor)
        } while try cursor.nextMember()
    }

    // MARK: Answers

    private func scanAnswers(_ cursor: inout JSONCursor, into record: inout CheckedResponse) throws(JSONCursor.Stop) {
        guard try cursor.beginObject() else { return }
        var expected = 0
        repeat {
            let position: Int
            if expected < answerOrder.count, answerOrder.consume(expected, from: &cursor) {
                position = answerOrderPositions[expected]
                expected += 1
            } else {
                let key = try cursor.key()
                guard let found = answerKeys.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
                position = found
                if answerOrderIndex[found] >= 0 { expected = answerOrderIndex[found] + 1 }
            }
            try Self.guaranteed(unretainedAnswerTargets[position]) { target throws(JSONCursor.Stop) in
                let keeps = target.keeps
                cursor.skipWhitespace()
                let start = cursor.index
                if target.loops.isEmpty, !target.isGrid {
                    let value = try leaf(&cursor, target, keeps: keeps)
                    if keeps { record.values[target.slot] = value }
                } else if target.isNumbered {
                    try loopNumbers(&cursor, target, into: &record.numbers)
                    record.numberedMask |= 1 << UInt64(target.slot)
                } else if keeps, target.loops.count == 1, !target.isGrid {
                    record.values[target.slot] = try loopObject(&cursor, target)
                } else {
                    try descend(&cursor, target, level: 0)
                    if keeps { record.values[target.slot] = try parsed(cursor.bytes(from: start)) }
                }
            }
        } while try cursor.nextMember()
    }

    /// Checks the answers of a numbered question in one loop and appends them to `numbers` as
    /// `ItemReader` reads them: numbers as they are, yes/no as 1 and 0, in the order written, each with its
    /// loop option; other values (a text option) are checked and left out, as the reader leaves them out.
    private func loopNumbers(_ cursor: inout JSONCursor, _ target: AnswerTarget, into numbers: inout [LoopNumber]) throws(JSONCursor.Stop) {
        let loop = target.firstLoop
        guard try cursor.beginObject() else { return }
        let slot = Int32(target.slot)
        // Options are written in option order: expect the one after the last.
        var expected = 0
        repeat {
            let position: Int
            if expected < target.firstLoopKeys.count, target.firstLoopKeys.consume(expected, from: &cursor) {
                position = expected
            } else {
                let key = try cursor.key()
                guard let found = loop.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
                position = found
            }
            expected = position + 1
            switch try leaf(&cursor, target.rule, keeps: false) {
            case .number(let x)?: numbers.append(LoopNumber(slot: slot, option: Int32(position), value: x))
            case .bool(let b)?: numbers.append(LoopNumber(slot: slot, option: Int32(position), value: b ? 1 : 0))
            default: break
            }
        } while try cursor.nextMember()
    }

    /// Checks the answers of a question in one loop and builds them as the parser would: an object keyed by
    /// option value, members in the order written.
    private func loopObject(_ cursor: inout JSONCursor, _ target: AnswerTarget) throws(JSONCursor.Stop) -> JSONValue {
        let loop = target.loops[0]
        guard try cursor.beginObject() else { return .object(JSONObject()) }
        var members: [JSONObject.Member] = []
        members.reserveCapacity(loop.strings.count)
        repeat {
            let key = try cursor.key()
            guard let position = loop.position(key.start, count: key.count),
                  let value = try leaf(&cursor, target, keeps: true) else { throw JSONCursor.Stop() }
            members.append(JSONObject.Member(key: loop.strings[position], value: value))
        } while try cursor.nextMember()
        return .object(JSONObject(members: members))
    }

    private func descend(_ cursor: inout JSONCursor, _ target: AnswerTarget, level: Int) throws(JSONCursor.Stop) {
        guard level < target.loops.count else {
            _ = try leaf(&cursor, target, keeps: false)
            return
        }
        let loop = target.loops[level]
        guard try cursor.beginObject() else { return }
        repeat {
            let key = try cursor.key()
            guard loop.position(key.start, count: key.count) != nil else { throw JSONCursor.Stop() }
            try descend(&cursor, target, level: level + 1)
        } while try cursor.nextMember()
    }

    /// Checks one answer (below its loops): an `other` text, a grid's cells, or a value of the rule.
    private func leaf(_ cursor: inout JSONCursor, _ target: AnswerTarget, keeps: Bool) throws(JSONCursor.Stop) -> JSONValue? {
        if target.isOtherText {
            cursor.skipWhitespace()
            let start = cursor.index
            let text = try cursor.string()
            if text.isASCII {
                guard Self.hasVisibleASCII(text) else { throw JSONCursor.Stop() }
            } else {
                guard case .string(let string) = try parsed(cursor.bytes(from: start)),
                      AnswerRule.hasVisibleCharacter(string) else { throw JSONCursor.Stop() }
            }
            return nil
        }
        if target.isGrid {
            cursor.skipWhitespace()
            let start = cursor.index
            guard try cursor.beginObject() else { return keeps ? .object(JSONObject()) : nil }
            repeat {
                let key = try cursor.key()
                guard target.rows.position(key.start, count: key.count) != nil else { throw JSONCursor.Stop() }
                _ = try leaf(&cursor, target.rule, keeps: false)
            } while try cursor.nextMember()
            return keeps ? try parsed(cursor.bytes(from: start)) : nil
        }
        return try leaf(&cursor, target.rule, keeps: keeps)
    }

    /// Checks one value against `rule`; returns it when `keeps` (the slow path's value exactly).
    private func leaf(_ cursor: inout JSONCursor, _ rule: ByteAnswerRule, keeps: Bool) throws(JSONCursor.Stop) -> JSONValue? {
        let next = cursor.peek()
        let start = cursor.index
        switch (rule.kind, next) {
        case (.point(let low, let high), 0x2D), (.point(let low, let high), 0x30...0x39):
            let number = try cursor.number()
            guard number == number.rounded(), number >= low, number <= high else { throw JSONCursor.Stop() }
            return .number(number)
        case (.yesNo, 0x74), (.yesNo, 0x66):
            return .bool(try cursor.bool())
        case (.choice, 0x22):
            let text = try cursor.string()
            guard let position = rule.textOptions.position(text.start, count: text.count) else { throw JSONCursor.Stop() }
            return keeps ? .string(rule.textOptions.strings[position]) : nil
        case (.choice, 0x2D), (.choice, 0x30...0x39):
            let number = try cursor.number()
            guard rule.numberOption(number) != nil else { throw JSONCursor.Stop() }
            return .number(number)
        case (.multi, 0x5B):
            return try multi(&cursor, rule, keeps: keeps)
        case (.number(let integer, let min, let max), 0x2D), (.number(let integer, let min, let max), 0x30...0x39):
            let number = try cursor.number()
            if integer, number != number.rounded() { throw JSONCursor.Stop() }
            if let min, number < min { throw JSONCursor.Stop() }
            if let max, number > max { throw JSONCursor.Stop() }
            return .number(number)
        case (.text(let minLength, let maxLength), 0x22):
            let text = try cursor.string()
            if text.isASCII {
                guard Self.hasVisibleASCII(text) else { throw JSONCursor.Stop() }
                if let maxLength, text.count > maxLength { throw JSONCursor.Stop() }
                if let minLength, text.count < minLength { throw JSONCursor.Stop() }
                return keeps ? .string(String(decoding: UnsafeBufferPointer(start: text.start, count: text.count), as: UTF8.self)) : nil
            }
            // Beyond ASCII: a text that is short enough in bytes and has a character other than white space
            // passes, as `AnswerRule` says; a length in characters is the rule's to count.
            if minLength == nil, maxLength.map({ text.count <= $0 }) ?? true, Self.hasVisibleScalar(text) {
                return keeps ? .string(String(decoding: UnsafeBufferPointer(start: text.start, count: text.count), as: UTF8.self)) : nil
            }
            let value = try parsed(cursor.bytes(from: start))
            guard rule.rule.problem(with: value) == nil else { throw JSONCursor.Stop() }
            return value
        default:
            // Another kind, or a value of the wrong type: the rule decides on the parsed value.
            guard next != 0x6E else { throw JSONCursor.Stop() }
            try cursor.skipValue(depth: 3)
            let value = try parsed(cursor.bytes(from: start))
            guard rule.rule.problem(with: value) == nil else { throw JSONCursor.Stop() }
            return value
        }
    }

    /// Checks a list of options as `AnswerRule` does: 1 to 16 distinct options, an exclusive one alone, and
    /// the question's counts; when `keeps`, builds the list as the parser would (the tables' strings match
    /// the written bytes exactly, and numbers are read as the parser reads them), without parsing it again.
    private func multi(_ cursor: inout JSONCursor, _ rule: ByteAnswerRule, keeps: Bool) throws(JSONCursor.Stop) -> JSONValue? {
        guard try cursor.beginArray() else { throw JSONCursor.Stop() }
        var chosen: UInt64 = 0
        var count = 0
        var exclusive = false
        var elements: [JSONValue] = []
        if keeps { elements.reserveCapacity(4) }
        repeat {
            let position: Int?
            switch cursor.peek() {
            case 0x22:
                let text = try cursor.string()
                position = rule.textOptions.position(text.start, count: text.count)
                if keeps, let position { elements.append(.string(rule.textOptions.strings[position])) }
            case 0x2D, 0x30...0x39:
                let number = try cursor.number()
                position = rule.numberOption(number)
                if keeps { elements.append(.number(number)) }
            default:
                position = nil
            }
            guard let position, position < 64, chosen & (1 << position) == 0 else { throw JSONCursor.Stop() }
            chosen |= 1 << position
            if rule.exclusive[position] { exclusive = true }
            count += 1
        } while try cursor.nextElement()
        guard count <= 16, !(exclusive && count > 1) else { throw JSONCursor.Stop() }
        if let minCount = rule.minCount, Double(count) < minCount { throw JSONCursor.Stop() }
        if let maxCount = rule.maxCount, Double(count) > maxCount { throw JSONCursor.Stop() }
        return keeps ? .array(elements) : nil
    }

    // MARK: Missing

    /// Checks the `missing` object and builds it as `JSONParser` would (every key and reason is one of the
    /// tables' strings, matched on its exact bytes, so the values are equal), members in the order written.
    private func scanMissing(_ cursor: inout JSONCursor, into missing: inout JSONObject, mask: inout UInt64) throws(JSONCursor.Stop) {
        guard try cursor.beginObject() else { return }
        repeat {
            let key = try cursor.key()
            guard let position = answerKeys.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
            try Self.guaranteed(unretainedAnswerTargets[position]) { target throws(JSONCursor.Stop) in
                let slot = target.slot
                if slot >= 0, slot < 64, !target.isOtherText { mask |= 1 << UInt64(slot) }
                missing.append(JSONObject.Member(key: answerKeys.strings[position], value: try descendMissing(&cursor, target, level: 0)))
            }
        } while try cursor.nextMember()
    }

    private func descendMissing(_ cursor: inout JSONCursor, _ target: AnswerTarget, level: Int) throws(JSONCursor.Stop) -> JSONValue {
        guard level < target.loops.count else {
            if target.isGrid, !target.isOtherText, cursor.peek() == 0x7B {
                guard try cursor.beginObject() else { return .object(JSONObject()) }
                var members: [JSONObject.Member] = []
                repeat {
                    let key = try cursor.key()
                    guard let row = target.rows.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
                    members.append(JSONObject.Member(key: target.rows.strings[row], value: try reason(&cursor, target, isOtherText: false)))
                } while try cursor.nextMember()
                return .object(JSONObject(members: members))
            }
            return try reason(&cursor, target, isOtherText: target.isOtherText)
        }
        let loop = target.loops[level]
        guard try cursor.beginObject() else { return .object(JSONObject()) }
        var members: [JSONObject.Member] = []
        repeat {
            let key = try cursor.key()
            guard let option = loop.position(key.start, count: key.count) else { throw JSONCursor.Stop() }
            members.append(JSONObject.Member(key: loop.strings[option], value: try descendMissing(&cursor, target, level: level + 1)))
        } while try cursor.nextMember()
        return .object(JSONObject(members: members))
    }

    private func reason(_ cursor: inout JSONCursor, _ target: AnswerTarget, isOtherText: Bool) throws(JSONCursor.Stop) -> JSONValue {
        guard cursor.peek() == 0x22 else { throw JSONCursor.Stop() }
        let text = try cursor.string()
        guard let position = reasons.position(text.start, count: text.count) else { throw JSONCursor.Stop() }
        let question = target.entry.question
        switch MissingReason.allCases[position] {
        case .skipped where question.required && !isOtherText: throw JSONCursor.Stop()
        case .dontKnow where !question.dontKnow: throw JSONCursor.Stop()
        case .refused where !question.refuse: throw JSONCursor.Stop()
        default: return .string(reasons.strings[position])
        }
    }

    // MARK: Values

    /// Calls `body` with the object `reference` names, borrowed: no retain and release around it (this
    /// scanner's arrays keep every target alive), with the cursor's typed error passed on.
    @inline(__always)
    private static func guaranteed<Target: AnyObject>(_ reference: Unmanaged<Target>,
                                                      _ body: (Target) throws(JSONCursor.Stop) -> Void) throws(JSONCursor.Stop) {
        var stop: JSONCursor.Stop?
        reference._withUnsafeGuaranteedRef { target in
            do throws(JSONCursor.Stop) {
                try body(target)
            } catch {
                stop = error
            }
        }
        if let stop { throw stop }
    }

    /// Any value, as the slow path holds it: numbers and literals read in place, the rest parsed.
    private func anyValue(_ cursor: inout JSONCursor) throws(JSONCursor.Stop) -> JSONValue {
        switch cursor.peek() {
        case 0x2D, 0x30...0x39: return .number(try cursor.number())
        case 0x74, 0x66: return .bool(try cursor.bool())
        case 0x6E:
            guard cursor.null() else { throw JSONCursor.Stop() }
            return .null
        default:
            let start = cursor.index
            try cursor.skipValue(depth: 3)
            return try parsed(cursor.bytes(from: start))
        }
    }

    /// The value in `bytes` (already checked by the cursor) as `JSONParser` builds it.
    private func parsed(_ bytes: UnsafeRawBufferPointer) throws(JSONCursor.Stop) -> JSONValue {
        guard let value = try? parser.parse(bytes) else { throw JSONCursor.Stop() }
        return value
    }

    /// Whether valid UTF-8 text has a scalar outside Unicode's White_Space set (what `hasVisibleCharacter`
    /// asks of `properties.isWhitespace`).
    private static func hasVisibleScalar(_ text: JSONCursor.Span) -> Bool {
        var offset = 0
        while offset < text.count {
            let lead = text.start[offset]
            var scalar: UInt32
            let length: Int
            switch lead {
            case 0..<0x80: scalar = UInt32(lead); length = 1
            case 0xC0..<0xE0: scalar = UInt32(lead & 0x1F); length = 2
            case 0xE0..<0xF0: scalar = UInt32(lead & 0x0F); length = 3
            default: scalar = UInt32(lead & 0x07); length = 4
            }
            guard offset + length <= text.count else { return false }
            for index in 1..<max(length, 1) { scalar = scalar << 6 | UInt32(text.start[offset + index] & 0x3F) }
            offset += length
            switch scalar {
            case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: continue
            default: return true
            }
        }
        return false
    }

    private static func hasVisibleASCII(_ text: JSONCursor.Span) -> Bool {
        for offset in 0..<text.count where text.start[offset] > 0x20 && text.start[offset] < 0x7F { return true }
        return false
    }
}
