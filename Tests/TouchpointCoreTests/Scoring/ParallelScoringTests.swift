import Foundation
import Testing
@testable import TouchpointCore

/// A large file is scored on several cores; the report and the rejected lines are those of reading it in order.
@Suite struct ParallelScoringTests {
    static func run(_ path: String, parts: Int, options: ScoreOptions = ScoreOptions(groupBy: ["meta.segment"]))
        throws -> (json: String, rejections: [String])
    {
        let checked = try ScoringFixture.load()
        var engine = try ScoreEngine(checked, options: options)
        engine.parallelism = parts
        engine.minimumPartBytes = 1024
        var rejections: [String] = []
        try engine.read(.file(path)) { rejections.append($0.description) }
        return (JSONWriter().string(engine.report().json), rejections)
    }

    static func fixtureLines() throws -> [String] {
        let text = try String(contentsOfFile: ScoringFixture.responsesPath, encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    @Test(arguments: [2, 3, 4])
    func partsGiveTheSameReportAsOneCore(parts: Int) throws {
        var lines = try Self.fixtureLines()
        lines.insert("", at: 40)
        lines.insert("{not json", at: 70)
        let file = try ResponseFile(lines)
        let sequential = try Self.run(file.path, parts: 1)
        let parallel = try Self.run(file.path, parts: parts)
        #expect(parallel.json == sequential.json)
        #expect(parallel.rejections == sequential.rejections)
        #expect(sequential.rejections.count == 1 && sequential.rejections[0].contains(":71:"))
        let weighted = ScoreOptions(groupBy: ["meta.region"], weight: "meta.weight")
        #expect(try Self.run(file.path, parts: parts, options: weighted).json == Self.run(file.path, parts: 1, options: weighted).json)
    }

    @Test func aDuplicateAcrossPartsIsRejectedAsInOrder() throws {
        var lines = try Self.fixtureLines()
        lines.append(lines[0])
        lines.append(lines[3])
        let file = try ResponseFile(lines)
        let sequential = try Self.run(file.path, parts: 1)
        let parallel = try Self.run(file.path, parts: 2)
        #expect(parallel.json == sequential.json)
        #expect(parallel.rejections == sequential.rejections)
        #expect(sequential.rejections.count == 2 && sequential.rejections[0].contains(":91: duplicate response_id"))
    }

    @Test func aPartWithManyRejectionsIsReadAgainInOrder() throws {
        var lines = try Self.fixtureLines()
        lines += Array(repeating: "[]", count: ScoreEngine.rejectionsKeptPerWorker + 5)
        let file = try ResponseFile(lines)
        let sequential = try Self.run(file.path, parts: 1)
        let parallel = try Self.run(file.path, parts: 2)
        #expect(parallel.json == sequential.json)
        #expect(parallel.rejections == sequential.rejections)
    }
}
