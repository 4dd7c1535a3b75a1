import Testing
@testable import TouchpointCore

@Suite("a grid row read from a stored answer")
struct GridRowValueTests {
    @Test("outside loops the row's value, inside a loop that row of each iteration, null when no row has it")
    func rowsAreReadThroughLoops() {
        let grid: Value = .keyed(["speed": .number(4), "care": .number(2)])
        #expect(grid.gridRow("speed", loopDepth: 0) == .number(4))
        #expect(grid.gridRow("price", loopDepth: 0) == .null)
        let looped: Value = .keyed(["app": grid, "store": .keyed(["care": .number(5)])])
        #expect(looped.gridRow("speed", loopDepth: 1) == .keyed(["app": .number(4)]))
        #expect(looped.gridRow("care", loopDepth: 1) == .keyed(["app": .number(2), "store": .number(5)]))
        #expect(looped.gridRow("price", loopDepth: 1) == .null)
        #expect(Value.number(3).gridRow("speed", loopDepth: 0) == .null)
    }
}
