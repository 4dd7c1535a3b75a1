import Foundation
import Testing
@testable import TouchpointJSON

/// The JSON parser against the accept (y) and reject (n) classes of JSONTestSuite, as written afresh in
/// `Fixtures/json-suite/cases.tsv` (by its `make_cases.py`): every path must accept each y case and reject
/// each n case.
@Suite struct JSONSuiteTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var accept: Bool
        var name: String
        var bytes: [UInt8]
        var testDescription: String { "\(accept ? "y" : "n")_\(name)" }
    }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/json-suite/cases.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 else { return nil }
            var bytes: [UInt8] = []
            var hex = fields[2].utf8.makeIterator()
            while let high = hex.next(), let low = hex.next() {
                guard let byte = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(byte)
            }
            return Case(accept: fields[0] == "y", name: String(fields[1]), bytes: bytes)
        }
    }()

    @Test func theFixtureHoldsBothKinds() {
        #expect(Self.cases.filter(\.accept).count >= 90)
        #expect(Self.cases.filter { !$0.accept }.count >= 190)
    }

    @Test(arguments: cases)
    func everyPathAgreesWithTheSuite(_ c: Case) {
        let parser = JSONParser()
        let tree = (try? parser.parse(c.bytes)) != nil
        let checked = c.bytes.withUnsafeBytes { buffer in
            do { try parser.validate(buffer); return true } catch { return false }
        }
        #expect(tree == c.accept, "parse")
        #expect(checked == c.accept, "validate")
        if c.bytes.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }) == UInt8(ascii: "{") {
            #expect(((try? parser.parseObject(c.bytes)) != nil) == c.accept, "parseObject")
            #expect(((try? parser.parseObject(c.bytes, keeping: JSONKeySet(["k", "a"]))) != nil) == c.accept, "parseObject keeping")
        }
    }
}
