/// The values a `percent` rule sees for one response record: its answers, computes and meta values, as
/// the interview stored them (loop answers keyed by option value, grids keyed by row id).
///
/// A question that was not asked, skipped, answered "don't know" or refused is absent from `answers`, so
/// it reads as `null`, exactly as it did during the interview (SPEC section 3).
struct RecordEnvironment: ValueEnvironment {
    let record: CheckedResponse
    let schema: ResponseSchema

    func value(of name: QualifiedName) -> Value {
        let parts = name.parts
        guard let head = parts.first else { return .null }
        if head == "meta" {
            guard parts.count == 2 else { return .null }
            let slot = schema.meta[parts[1]]?.slot ?? -1
            guard let value = record.value(inSlot: slot, orSearch: { record.meta[parts[1]] }) else { return .null }
            return Value(json: value)
        }
        if let entry = schema.questions[head] {
            guard let answer = record.value(inSlot: entry.slot, orSearch: { record.answers[head] }) else { return .null }
            if parts.count == 2, entry.question.type == .grid {
                return Value(json: answer).gridRow(parts[1], loopDepth: entry.loops.count)
            }
            return parts.count == 1 ? Value(json: answer) : .null
        }
        if schema.computes[head] != nil, parts.count == 1 {
            let slot = schema.computeSlots[head] ?? -1
            guard let value = record.value(inSlot: slot, orSearch: { record.computed[head] }) else { return .null }
            return Value(json: value)
        }
        return .null
    }
}
