/// Reads the numeric values of one scored item (a question, a grid row, a whole grid or a compute) from a
/// response record.
///
/// A loop item gives one value per loop answer and a whole grid one value per row, each keyed by its
/// path (`app`, or option and row joined by U+001F) so that several items of the same loop can be paired.
/// Numbers are read as they are, yes/no answers and Boolean computes as 1 and 0; reverse-coded items come
/// out as `min + max - x`.
final class ItemReader: Sendable {
    /// One value and the loop path it was answered at ("" outside loops).
    struct Keyed: Sendable {
        var key: String
        var value: Double
    }

    /// The item as written in the score definition.
    let name: String
    /// The question or compute id.
    let id: String
    let isComputed: Bool
    /// The `for_each` sections around the item, outermost first.
    let loops: [String]
    /// The grid row, for `grid.row`.
    let row: String?
    /// Whether the item is a whole grid, one value per row.
    let wholeGrid: Bool
    /// `min + max` of a reverse-coded item.
    let reversal: Double?
    /// Where the checker put the item's answer or compute in `CheckedResponse.values`, or -1.
    let slot: Int
    /// The loop rounds the item is limited to (`seq[find_plan]`), outermost first; empty: every round.
    let rounds: [String]
    /// For a question in one loop: the loop's option keys, by the option index of `LoopNumber`.
    let optionKeys: [String]
    /// The option index of `rounds[0]` among `optionKeys` (-1: every round; -2: a round that is no option).
    let roundOption: Int32

    /// The loop levels the values are keyed by: the loops, then the grid's rows for a whole grid.
    var signature: [String] { wholeGrid ? loops + ["#rows:" + id] : loops }

    /// Whether the item has at most one value per record.
    var isFlat: Bool { loops.isEmpty && !wholeGrid }

    /// Resolves `item` against the questionnaire, or says why it cannot be scored.
    init(_ item: ScoreItem, schema: ResponseSchema) throws(ScoringPlanError) {
        guard let parsed = ScoreItemName(item.name) else {
            throw ScoringPlanError("`\(item.name)` is not a question, grid row or compute, nor one loop round of one (`seq[find_plan]`)")
        }
        rounds = parsed.rounds
        let parts = parsed.base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let head = parts.first, parts.count <= 2 else {
            throw ScoringPlanError("`\(item.name)` is not a question, grid row or compute")
        }
        name = item.name
        id = head
        if let entry = schema.questions[head] {
            isComputed = false
            loops = entry.loops.map(\.section)
            let isGrid = entry.question.type == .grid
            if parts.count == 2 {
                guard isGrid, entry.rows.contains(parts[1]) else {
                    throw ScoringPlanError("`\(item.name)` names no grid row")
                }
                row = parts[1]
            } else {
                row = nil
            }
            wholeGrid = isGrid && parts.count == 1
            if item.reverse {
                guard let points = entry.question.scalePoints else {
                    throw ScoringPlanError("`\(item.name)` cannot be reversed: it has no scale ends")
                }
                reversal = Double(points.lowerBound + points.upperBound)
            } else {
                reversal = nil
            }
            slot = entry.slot
            optionKeys = entry.loops.count == 1 ? entry.loops[0].orderedKeys : []
        } else if let loops = schema.computes[head], parts.count == 1, !item.reverse {
            isComputed = true
            self.loops = loops.map(\.section)
            row = nil
            wholeGrid = false
            reversal = nil
            slot = schema.computeSlots[head] ?? -1
            optionKeys = []
        } else {
            throw ScoringPlanError("`\(item.name)` is not a question, grid row or compute of the questionnaire")
        }
        guard rounds.count <= loops.count else {
            throw ScoringPlanError("`\(item.name)` names \(rounds.count) loop round\(rounds.count == 1 ? "" : "s"), but `\(id)` is in \(loops.count) loop\(loops.count == 1 ? "" : "s")")
        }
        if let round = rounds.first {
            roundOption = optionKeys.firstIndex(of: round).map(Int32.init) ?? -2
        } else {
            roundOption = -1
        }
    }

    /// Calls `body` with the option index and value of each answer the record holds in `numbers` for the
    /// item (a numbered question: see `CheckedResponse.numbers`), in the record's order.
    @inline(__always)
    func forEachNumber(in record: CheckedResponse, _ body: (Int32, Double) -> Void) {
        let slot = Int32(self.slot)
        for number in record.numbers where number.slot == slot && (roundOption == -1 || number.option == roundOption) {
            body(number.option, coded(number.value))
        }
    }

    /// The item's first value in `record.numbers` at loop option `option` (the one a lookup by key finds, as
    /// `CaseLayout` pairs items), or nil; limited to the item's round as `forEachNumber` is.
    @inline(__always)
    func firstNumber(in record: CheckedResponse, option: Int32) -> Double? {
        guard roundOption == -1 || roundOption == option else { return nil }
        let slot = Int32(self.slot)
        for number in record.numbers where number.slot == slot && number.option == option { return coded(number.value) }
        return nil
    }

    /// `x` as the item counts it: a reverse-coded item's answers as `min + max - x`.
    @inline(__always)
    private func coded(_ x: Double) -> Double {
        guard let reversal else { return x }
        return reversal - x
    }

    /// The answer or compute the item reads, as stored in the record.
    func root(in record: CheckedResponse) -> JSONValue? {
        if let slotted = record.slotted(slot) { return slotted }
        return isComputed ? record.computed[id] : record.answers[id]
    }

    /// The value of a flat item, if the record has one.
    func flatValue(in record: CheckedResponse) -> Double? {
        guard let root = root(in: record) else { return nil }
        if let row {
            guard let cell = root[row] else { return nil }
            return number(cell)
        }
        return number(root)
    }

    /// Calls `body` with every value the record has for the item, in the record's order.
    func forEachValue(in record: CheckedResponse, _ body: (Double) -> Void) {
        if record.isNumbered(slot) {
            forEachNumber(in: record) { _, value in body(value) }
            return
        }
        if isFlat {
            if let value = flatValue(in: record) { body(value) }
            return
        }
        guard let root = root(in: record) else { return }
        walk(root, level: 0, body)
    }

    /// Appends every value the record has for the item, with its key, to `values`.
    func values(in record: CheckedResponse, into values: inout [Keyed]) {
        if record.isNumbered(slot) {
            forEachNumber(in: record) { option, value in values.append(Keyed(key: optionKeys[Int(option)], value: value)) }
            return
        }
        if isFlat {
            if let value = flatValue(in: record) { values.append(Keyed(key: "", value: value)) }
            return
        }
        guard let root = root(in: record) else { return }
        walk(root, key: "", level: 0) { key, value in values.append(Keyed(key: key, value: value)) }
    }

    /// `walk` without the keys: the values only, in the record's order (no key strings built). Kept apart from
    /// the keyed walk on purpose: one walk generic over its key and join took 2.5% more instructions of a
    /// whole `score` run (callgrind, 20,000 lines).
    private func walk(_ node: JSONValue, level: Int, _ body: (Double) -> Void) {
        if level < loops.count {
            guard case .object(let keyed) = node else { return }
            if level >= rounds.count {
                for member in keyed.members { walk(member.value, level: level + 1, body) }
            } else {
                for member in keyed.members where member.key == rounds[level] { walk(member.value, level: level + 1, body) }
            }
            return
        }
        if let row {
            if let cell = node[row], let value = number(cell) { body(value) }
            return
        }
        if wholeGrid {
            guard case .object(let cells) = node else { return }
            for member in cells.members {
                if let value = number(member.value) { body(value) }
            }
            return
        }
        if let value = number(node) { body(value) }
    }

    private func walk(_ node: JSONValue, key: String, level: Int, _ body: (String, Double) -> Void) {
        if level < loops.count {
            guard case .object(let keyed) = node else { return }
            for member in keyed.members where level >= rounds.count || member.key == rounds[level] {
                walk(member.value, key: Self.join(key, member.key, first: level == 0), level: level + 1, body)
            }
            return
        }
        if let row {
            if let cell = node[row], let value = number(cell) { body(key, value) }
            return
        }
        if wholeGrid {
            guard case .object(let cells) = node else { return }
            for member in cells.members {
                if let value = number(member.value) { body(Self.join(key, member.key, first: loops.isEmpty), value) }
            }
            return
        }
        if let value = number(node) { body(key, value) }
    }

    private func number(_ value: JSONValue) -> Double? {
        let x: Double
        switch value {
        case .number(let n): x = n
        case .bool(let b): x = b ? 1 : 0
        default: return nil
        }
        return coded(x)
    }

    /// The separator of loop path components in keys.
    static let separator: Character = "\u{1F}"

    private static func join(_ prefix: String, _ component: String, first: Bool) -> String {
        first ? component : prefix + String(separator) + component
    }
}
