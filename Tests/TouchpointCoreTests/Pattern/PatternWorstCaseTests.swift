import Testing
import TouchpointCore

/// Patterns that make backtracking engines take exponential time must answer correctly with linear work.
///
/// The work is counted, not timed: `Pattern.matches(_:steps:)` counts the automaton states entered and the
/// threads tested, which for a Pike VM is at most `2 × stateCount × (scalars + 1)` whatever the pattern; a
/// backtracking engine needs exponentially many steps on these inputs. Doubling the input must at most
/// double the work (plus a little). The only clock is a hang guard of a minute, far beyond any machine's load.
@Suite("Pattern worst cases")
struct PatternWorstCaseTests {
    static let long = 10_000

    /// Matches `text`, checking the work against the automaton's bound; returns the verdict and the steps.
    @discardableResult
    private func match(_ p: Pattern, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> (Bool, Int) {
        var steps = 0
        var result = false
        let elapsed = ContinuousClock().measure { result = p.matches(text, steps: &steps) }
        let bound = 2 * p.stateCount * (text.unicodeScalars.count + 1)
        #expect(steps <= bound, "\(steps) steps for \(text.unicodeScalars.count) scalars and \(p.stateCount) states", sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(60), "hang guard: took \(elapsed)", sourceLocation: sourceLocation)
        return (result, steps)
    }

    /// The work on `text(2n)` is at most about twice the work on `text(n)`: linear, not exponential or quadratic.
    private func expectLinear(_ p: Pattern, _ text: (Int) -> String, sourceLocation: SourceLocation = #_sourceLocation) {
        let (_, small) = match(p, text(Self.long / 2), sourceLocation: sourceLocation)
        let (_, large) = match(p, text(Self.long), sourceLocation: sourceLocation)
        #expect(Double(large) <= 2.1 * Double(small) + 100, "work grew from \(small) to \(large) steps", sourceLocation: sourceLocation)
    }

    @Test func nestedPlusFailsWithLinearWorkOnARunOfAs() throws {
        let p = try Pattern("(a+)+b")
        #expect(!match(p, String(repeating: "a", count: Self.long)).0)
        #expect(match(p, String(repeating: "a", count: Self.long - 1) + "b").0)
        expectLinear(p) { String(repeating: "a", count: $0) }
    }

    @Test func overlappingAlternativesFailWithLinearWork() throws {
        let p = try Pattern("(a|a)*c")
        #expect(!match(p, String(repeating: "a", count: Self.long)).0)
        #expect(match(p, String(repeating: "a", count: Self.long - 1) + "c").0)
        expectLinear(p) { String(repeating: "a", count: $0) }
    }

    @Test func nestedStarsFailWithLinearWork() throws {
        let p = try Pattern("(a*)*b")
        #expect(!match(p, String(repeating: "a", count: Self.long)).0)
        #expect(match(p, String(repeating: "a", count: Self.long) + "b").0)
        expectLinear(p) { String(repeating: "a", count: $0) }
    }

    @Test func repeatedDotStarAnswersWithLinearWork() throws {
        let p = try Pattern("(.*a){20}")
        #expect(match(p, String(repeating: "a", count: Self.long)).0)
        #expect(!match(p, String(repeating: "a", count: Self.long) + "b").0)
        #expect(!match(p, String(repeating: "a", count: 19) + String(repeating: "b", count: Self.long - 19)).0)
        #expect(match(p, String(repeating: "ba", count: Self.long / 2)).0)
        expectLinear(p) { String(repeating: "a", count: $0) + "b" }
    }

    @Test func emailPatternFailsWithLinearWorkOnALongAlmostAddress() throws {
        let p = try Pattern(#"([\w.+-]+)+@([\w-]+\.)+[\w-]{2,}"#)
        #expect(!match(p, String(repeating: "a.", count: Self.long / 2) + "@").0)
        #expect(match(p, String(repeating: "a", count: Self.long) + "@example.com").0)
        expectLinear(p) { String(repeating: "a.", count: $0 / 2) + "@" }
    }

    @Test func largestAllowedPatternMatchesALongTextWithinTheBound() throws {
        let p = try Pattern(#"(\w|\d){0,60}.{0,1000}"#)
        #expect(match(p, String(repeating: "字", count: 1060)).0)
        #expect(!match(p, String(repeating: "字", count: Self.long)).0)
    }

    @Test func repeatingNothingManyTimesCompilesToABoundedAutomaton() throws {
        for source in ["((((){1000}){1000}){1000}){1000}", "(((a{0}){1000}){1000}){1000}b", "(((|){9}){9}){9}"] {
            #expect(throws: Never.self) {
                let p = try Pattern(source)
                #expect(p.stateCount <= 2_501, "\(source) compiled to \(p.stateCount) states")
                #expect(match(p, source.hasSuffix("b") ? "b" : "").0)
                #expect(!match(p, "a").0)
            }
        }
    }
}
