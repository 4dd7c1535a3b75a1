import Testing
@testable import TouchpointCore

@Suite("first seen")
struct FirstSeenTests {
    @Test("a key seen before gives its first position, below and above the number of keys compared one by one", arguments: [3, 16, 17, 60])
    func aRepeatedKeyGivesWhereItWasFirstSeen(count: Int) {
        var seen = FirstSeen<String>()
        for i in 0..<count {
            #expect(seen.insert("k\(i)", at: SourcePosition(line: i + 1, column: 1)) == nil)
        }
        for i in stride(from: count - 1, through: 0, by: -1) {
            #expect(seen.insert("k\(i)", at: SourcePosition(line: 1_000, column: 1)) == SourcePosition(line: i + 1, column: 1))
        }
        #expect(seen.insert("new", at: SourcePosition(line: 2_000, column: 1)) == nil)
        #expect(seen.insert("new", at: SourcePosition(line: 3_000, column: 1)) == SourcePosition(line: 2_000, column: 1))
    }
}
