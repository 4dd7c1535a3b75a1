/// How the values of several items of one record line up into cases (rows), for scales and drivers.
///
/// Items outside loops give one case per record. When some items are in a loop, each loop answer is a
/// case: items of that loop give their value for the iteration, and items outside it (or in an enclosing
/// loop) give the value they have there, repeated for each iteration. Items in loops that do not enclose
/// one another cannot be lined up, and the score is reported as unavailable.
final class CaseLayout: Sendable {
    let readers: [ItemReader]
    /// `readers` again, unretained: the loop over records visits them without reference counting (`readers`
    /// keeps them alive).
    private let unretained: [Unmanaged<ItemReader>]
    private let depths: [Int]
    private let deepest: Int

    init(_ readers: [ItemReader]) throws(ScoringPlanError) {
        let signatures = readers.map(\.signature)
        let longest = signatures.max(by: { $0.count < $1.count }) ?? []
        for (reader, signature) in zip(readers, signatures) where Array(longest.prefix(signature.count)) != signature {
            throw ScoringPlanError("`\(reader.name)` is asked in a different loop from the other items, so they cannot be paired answer by answer")
        }
        self.readers = readers
        unretained = readers.map { Unmanaged.passUnretained($0) }
        depths = signatures.map(\.count)
        deepest = depths.max() ?? 0
    }

    /// Whether every item has at most one value per record.
    var isFlat: Bool { deepest == 0 }

    /// Calls `body` with each case of `record`: one value per item, `nil` where the item has none. The
    /// buffer is valid only during the call.
    func forEachCase(in record: CheckedResponse, _ body: (UnsafeBufferPointer<Double?>) -> Void) {
        withUnsafeTemporaryAllocation(of: Double?.self, capacity: readers.count) { row in
            if isFlat {
                for index in unretained.indices {
                    row.initializeElement(at: index, to: unretained[index]._withUnsafeGuaranteedRef { $0.flatValue(in: record) })
                }
                body(UnsafeBufferPointer(row))
                return
            }
            if unretained.count == 1 {
                // One item: each of its values is a case; there is nothing to pair.
                unretained[0]._withUnsafeGuaranteedRef { reader in
                    reader.forEachValue(in: record) { value in
                        row.initializeElement(at: 0, to: value)
                        body(UnsafeBufferPointer(row))
                    }
                }
                return
            }
            if deepest == 1, numbersHoldEveryLoopItem(of: record) {
                forEachNumberedCase(in: record, row: row, body)
                return
            }
            var byKey: [[String: Double]] = []
            var caseKeys: [String] = []
            var seenKeys = Set<String>()
            var scratch: [ItemReader.Keyed] = []
            for (index, reader) in readers.enumerated() {
                scratch.removeAll(keepingCapacity: true)
                reader.values(in: record, into: &scratch)
                var map: [String: Double] = [:]
                for keyed in scratch where map[keyed.key] == nil {
                    map[keyed.key] = keyed.value
                    if depths[index] == deepest, seenKeys.insert(keyed.key).inserted { caseKeys.append(keyed.key) }
                }
                byKey.append(map)
            }
            for key in caseKeys {
                let components = key.split(separator: ItemReader.separator, omittingEmptySubsequences: false)
                for index in readers.indices {
                    let depth = depths[index]
                    let lookup = depth == deepest ? key : components.prefix(depth).joined(separator: String(ItemReader.separator))
                    row.initializeElement(at: index, to: byKey[index][lookup])
                }
                body(UnsafeBufferPointer(row))
            }
        }
    }

    /// Whether every item in the (one) loop has its values in `record.numbers`.
    private func numbersHoldEveryLoopItem(of record: CheckedResponse) -> Bool {
        for index in readers.indices where depths[index] == 1 && !record.isNumbered(readers[index].slot) { return false }
        return true
    }

    /// `forEachCase` for one loop whose items are all numbered: the cases are paired by loop option index
    /// instead of by key text, in the same order (options as first met, item by item) and with the same
    /// choice where an option repeats (its first value).
    private func forEachNumberedCase(in record: CheckedResponse, row: UnsafeMutableBufferPointer<Double?>,
                                     _ body: (UnsafeBufferPointer<Double?>) -> Void) {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: max(record.numbers.count, 1)) { options in
            var cases = 0
            for index in unretained.indices where depths[index] == 1 {
                unretained[index]._withUnsafeGuaranteedRef { reader in
                    reader.forEachNumber(in: record) { option, _ in
                        for known in 0..<cases where options[known] == option { return }
                        options[cases] = option
                        cases += 1
                    }
                }
            }
            for index in unretained.indices where depths[index] == 0 {
                row.initializeElement(at: index, to: unretained[index]._withUnsafeGuaranteedRef { $0.flatValue(in: record) })
            }
            for known in 0..<cases {
                let option = options[known]
                for index in unretained.indices where depths[index] == 1 {
                    row.initializeElement(at: index, to: unretained[index]._withUnsafeGuaranteedRef { $0.firstNumber(in: record, option: option) })
                }
                body(UnsafeBufferPointer(row))
            }
        }
    }
}
