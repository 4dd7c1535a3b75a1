import Testing
@testable import TouchpointCore

/// The set of ids already scored: exact, with where each was first seen.
@Suite struct ResponseIDSetTests {
    static func uuid(_ number: Int) -> String {
        let hex = String(number, radix: 16)
        let digits = String(repeating: "0", count: 32 - hex.count) + hex
        let parts = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { range in
            String(digits[digits.index(digits.startIndex, offsetBy: range.lowerBound)..<digits.index(digits.startIndex, offsetBy: range.upperBound)])
        }
        return parts.joined(separator: "-")
    }

    @Test func theFirstLocationOfEachIdIsKept() {
        var set = ResponseIDSet()
        let first = ResponseLocation(sourceIndex: 0, line: 3)
        #expect(set.insert("8d88348a-7eed-4d14-b06d-3fef701966a0", at: first) == nil)
        #expect(set.insert("8d88348a-7eed-4d14-b06d-3fef701966a0", at: ResponseLocation(sourceIndex: 1, line: 9)) == first)
        #expect(set.insert("R-17", at: ResponseLocation(sourceIndex: 2, line: 1_000_000)) == nil)
        #expect(set.location(of: "R-17") == ResponseLocation(sourceIndex: 2, line: 1_000_000))
        #expect(set.count == 2)
    }

    @Test func idsDifferingOnlyInCaseAreDifferentIds() {
        var set = ResponseIDSet()
        set.insert("8d88348a-7eed-4d14-b06d-3fef701966a0", at: ResponseLocation(sourceIndex: 0, line: 1))
        #expect(set.location(of: "8D88348A-7EED-4D14-B06D-3FEF701966A0") == nil)
        #expect(set.location(of: "8d88348a-7eed-4d14-b06d-3fef701966a1") == nil)
    }

    @Test func manySequentialIdsAreAllFoundAfterTheTableGrows() {
        var set = ResponseIDSet()
        for number in 0..<20_000 { set.insert(Self.uuid(number), at: ResponseLocation(sourceIndex: 0, line: number + 1)) }
        #expect(set.count == 20_000)
        #expect((0..<20_000).allSatisfy { set.location(of: Self.uuid($0))?.line == $0 + 1 })
        #expect(set.location(of: Self.uuid(20_000)) == nil)
    }

    @Test func setsOfTwoPartsOverlapOnlyWhenTheyShareAnId() {
        var first = ResponseIDSet()
        var second = ResponseIDSet()
        for number in 0..<500 { first.insert(Self.uuid(number), at: ResponseLocation(sourceIndex: 0, line: number + 1)) }
        for number in 500..<900 { second.insert(Self.uuid(number), at: ResponseLocation(sourceIndex: 0, line: number + 1)) }
        second.insert("plain", at: ResponseLocation(sourceIndex: 0, line: 901))
        #expect(!first.overlaps(second))
        first.formUnion(second)
        #expect(first.count == 901 && first.location(of: Self.uuid(899))?.line == 900 && first.location(of: "plain") != nil)
        var third = ResponseIDSet()
        third.insert(Self.uuid(42), at: ResponseLocation(sourceIndex: 0, line: 2000))
        #expect(first.overlaps(third))
    }
}

/// The small string maps of the checker match exactly as a `Dictionary` would.
@Suite struct StringLookupTests {
    @Test func keysAreFoundAsADictionaryWouldFindThem() {
        let options = StringLookup(["app", "store", "web", "K"])
        #expect(options.contains("store") && !options.contains("stor") && !options.contains("Store"))
        #expect(options.contains("\u{212A}"), "the Kelvin sign is canonically a K, as String == says")
        let accented = StringLookup(["caf\u{E9}"])
        #expect(accented.contains("cafe\u{301}"), "a decomposed é equals the composed one")
        let many = StringLookup((0..<40).map { "option_\($0)" })
        #expect(many.contains("option_39") && !many.contains("option_40"))
    }
}
