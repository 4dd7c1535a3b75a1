import Foundation
import Testing
@testable import TouchpointCore

/// `verify` on several cores reports exactly what it reports on one: the same problems, in the same order, with
/// the same counts, duplicates across the parts of the file included.
@Suite struct ParallelVerifyTests {
    static func verify(_ lines: [String], parallelism: Int) throws -> (problems: [String], counts: ResponseReader.Counts) {
        let checked = try ScoringFixture.load()
        let file = try ResponseFile(lines)
        var verifier = ResponseVerifier(checked)
        verifier.parallelism = parallelism
        verifier.minimumPartBytes = 64
        var problems: [String] = []
        try verifier.verify(file.source) { problems.append("\($0.line) \($0.problem.kind.rawValue) \($0.problem.message)") }
        return (problems, verifier.counts)
    }

    static var lines: [String] {
        var lines: [String] = []
        for i in 0..<40 {
            switch i % 9 {
            case 3: lines.append(ScoringFixture.line(id: "bad\(i)") { ResponseRejectionTests.answer(&$0, "ease", 8) })
            case 5: lines.append(ScoringFixture.line(id: "s\(i)") { $0["status"] = "screened_out" })
            case 7: lines.append("{not json")
            default: lines.append(ScoringFixture.line(id: "r\(i)"))
            }
        }
        return lines
    }

    @Test func partsVerifiedAtOnceGiveTheOneCoreResult() throws {
        let one = try Self.verify(Self.lines, parallelism: 1)
        for parts in [2, 3, 4] {
            let many = try Self.verify(Self.lines, parallelism: parts)
            #expect(many.problems == one.problems, "\(parts) parts")
            #expect(many.counts == one.counts, "\(parts) parts")
        }
        #expect(!one.problems.isEmpty)
    }

    @Test func aDuplicateIdAcrossPartsIsFoundAsOnOneCore() throws {
        var lines = Self.lines
        lines.append(ScoringFixture.line(id: "r1"))
        lines.append(ScoringFixture.line(id: "r0"))
        lines.insert(ScoringFixture.line(id: "r38"), at: 2)
        let one = try Self.verify(lines, parallelism: 1)
        let many = try Self.verify(lines, parallelism: 3)
        #expect(many.problems == one.problems)
        #expect(many.counts == one.counts)
        #expect(one.problems.contains { $0.contains("duplicate_id") })
    }
}
