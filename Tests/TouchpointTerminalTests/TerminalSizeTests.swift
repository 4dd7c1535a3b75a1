import Testing
import TouchpointTerminal

/// Where the wrapping width comes from.
@Suite("TerminalSize")
struct TerminalSizeTests {
    @Test func theWindowSizeWins() {
        #expect(TerminalSize.columns(windowColumns: 120, environmentColumns: "60") == 120)
    }

    @Test func columnsFromTheEnvironmentAreUsedWithoutAWindow() {
        #expect(TerminalSize.columns(windowColumns: nil, environmentColumns: "60") == 60)
        #expect(TerminalSize.columns(windowColumns: 0, environmentColumns: " 72 ") == 72)
    }

    @Test func eightyColumnsWhenNothingSaysOtherwise() {
        #expect(TerminalSize.columns(windowColumns: nil, environmentColumns: nil) == 80)
        #expect(TerminalSize.columns(windowColumns: nil, environmentColumns: "wide") == 80)
        #expect(TerminalSize.columns(windowColumns: nil, environmentColumns: "-5") == 80)
    }
}
