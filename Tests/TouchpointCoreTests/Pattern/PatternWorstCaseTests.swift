import Testing
import TouchpointCore

/// Patterns that make backtracking engines take exponential time must answer quickly and correctly.
///
/// The time bound is generous on purpose: it guards against exponential blow-up, which would take
/// hours, not against a slow machine.
@Suite("Pattern worst cases")
struct PatternWorstCaseTests {
    static let long = 10_000

    @Test func nestedPlusFailsQuicklyOnARunOfAs() throws {
        let p = try Pattern("(a+)+b")
        expectQuick {
            #expect(!p.matches(String(repeating: "a", count: Self.long)))
            #expect(p.matches(String(repeating: "a", count: Self.long - 1) + "b"))
        }
    }

    @Test func overlappingAlternativesFailQuickly() throws {
        let p = try Pattern("(a|a)*c")
        expectQuick {
            #expect(!p.matches(String(repeating: "a", count: Self.long)))
            #expect(p.matches(String(repeating: "a", count: Self.long - 1) + "c"))
        }
    }

    @Test func nestedStarsFailQuickly() throws {
        let p = try Pattern("(a*)*b")
        expectQuick {
            #expect(!p.matches(String(repeating: "a", count: Self.long)))
            #expect(p.matches(String(repeating: "a", count: Self.long) + "b"))
        }
    }

    @Test func repeatedDotStarAnswersQuickly() throws {
        let p = try Pattern("(.*a){20}")
        expectQuick {
            #expect(p.matches(String(repeating: "a", count: Self.long)))
            #expect(!p.matches(String(repeating: "a", count: Self.long) + "b"))
            #expect(!p.matches(String(repeating: "a", count: 19) + String(repeating: "b", count: Self.long - 19)))
            #expect(p.matches(String(repeating: "ba", count: Self.long / 2)))
        }
    }

    @Test func emailPatternFailsQuicklyOnALongAlmostAddress() throws {
        let p = try Pattern(#"([\w.+-]+)+@([\w-]+\.)+[\w-]{2,}"#)
        expectQuick {
            #expect(!p.matches(String(repeating: "a.", count: Self.long / 2) + "@"))
            #expect(p.matches(String(repeating: "a", count: Self.long) + "@example.com"))
        }
    }

    @Test func largestAllowedPatternMatchesALongTextQuickly() throws {
        let p = try Pattern(#"(\w|\d){0,60}.{0,1000}"#)
        expectQuick {
            #expect(p.matches(String(repeating: "字", count: 1060)))
            #expect(!p.matches(String(repeating: "字", count: Self.long)))
        }
    }

    @Test func repeatingNothingManyTimesCompilesQuickly() throws {
        expectQuick {
            for source in ["((((){1000}){1000}){1000}){1000}", "(((a{0}){1000}){1000}){1000}b", "(((|){9}){9}){9}"] {
                #expect(throws: Never.self) {
                    let p = try Pattern(source)
                    #expect(p.matches(source.hasSuffix("b") ? "b" : ""))
                    #expect(!p.matches("a"))
                }
            }
        }
    }

    private func expectQuick(_ body: () -> Void, sourceLocation: SourceLocation = #_sourceLocation) {
        let elapsed = ContinuousClock().measure(body)
        #expect(elapsed < .seconds(2), "took \(elapsed)", sourceLocation: sourceLocation)
    }
}
