/// Where `--weight` finds each response's weight: a meta key or a numeric question outside loops.
struct WeightSource: Sendable {
    enum Source: Sendable {
        case meta(String, slot: Int)
        case question(String, slot: Int)
        /// A weights file, by respondent or response id.
        case table(WeightTable)
    }

    let name: String
    let source: Source

    /// Weights from a file (`--weights FILE --weight-key KEY`).
    init(table: WeightTable) {
        name = table.name
        source = .table(table)
    }

    init(name: String, schema: ResponseSchema) throws(ScoreSetupError) {
        self.name = name
        let option = "--weight \(name)"
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 2, parts[0] == "meta" {
            guard let field = schema.meta[parts[1]] else {
                throw ScoreSetupError(option: option, message: GroupDimension.unknownMeta(parts[1], schema: schema))
            }
            guard [.number, .scale, .nps, .text].contains(field.question.type) else {
                throw ScoreSetupError(option: option, message: "`\(name)` is a \(field.question.type.rawValue) field; a weight must be a number (declare it with `type: number`)")
            }
            source = .meta(parts[1], slot: field.slot)
            return
        }
        guard parts.count == 1, let entry = schema.questions[name] else {
            var message = "`\(name)` is neither a numeric question nor a meta key of `\(schema.questionnaire.id)`"
            if schema.meta[name] != nil { message += "; meta keys are written `meta.\(name)`" }
            throw ScoreSetupError(option: option, message: message)
        }
        guard [.number, .scale, .nps].contains(entry.question.type), entry.loops.isEmpty else {
            throw ScoreSetupError(option: option, message: "`\(name)` is a \(entry.question.type.rawValue) question\(entry.loops.isEmpty ? "" : " inside a loop"); a weight must be a number question (or scale) asked once")
        }
        source = .question(name, slot: entry.slot)
    }

    /// The record's weight: a finite number of zero or more (a meta text field may hold it as text).
    func weight(of record: CheckedResponse) throws(LineProblem) -> Double {
        let found: JSONValue?
        switch source {
        case .meta(let key, let slot):
            if let slotted = record.slotted(slot) { found = slotted } else { found = record.meta[key] }
        case .question(let id, let slot):
            if let slotted = record.slotted(slot) { found = slotted } else { found = record.answers[id] }
        case .table(let table):
            let key = table.key == .respondent ? record.record["respondent"]?.stringValue : record.responseID
            guard let key, let weight = table.weights[key] else {
                throw LineProblem(.badWeight, "\(table.key.rawValue) `\(RecordChecker.clip(key ?? "(none)"))` has no line in \(table.name), so the response cannot be weighted; add it to the weights file")
            }
            return weight
        }
        guard let found, !found.isNull else {
            throw LineProblem(.badWeight, "the record has no `\(name)`, so it cannot be weighted; give every response a weight, or score without --weight")
        }
        let weight: Double?
        switch found {
        case .number(let number): weight = number
        case .string(let text): weight = Double(text)
        default: weight = nil
        }
        guard let weight, weight.isFinite, weight >= 0 else {
            throw LineProblem(.badWeight, "`\(name)` is \(RecordChecker.show(found)); a weight must be a number of zero or more")
        }
        return weight
    }
}
