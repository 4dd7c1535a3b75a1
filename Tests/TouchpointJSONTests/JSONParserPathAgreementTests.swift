import Testing
@testable import TouchpointJSON

/// Every way into the JSON parser (the tree, the fast check, the object reader with and without selected
/// keys) accepts and rejects the same lines, whatever sits before or after an escape.
@Suite struct JSONParserPathAgreementTests {
    /// The outcome of each path on one line: true when it accepted.
    static func outcomes(_ line: [UInt8]) -> [String: Bool] {
        let parser = JSONParser(rejectsDuplicateKeys: true)
        var result: [String: Bool] = [:]
        result["parse"] = (try? parser.parse(line)) != nil
        result["parseObject"] = (try? parser.parseObject(line)) != nil
        result["keeping"] = (try? parser.parseObject(line, keeping: JSONKeySet(["respondent", ""]))) != nil
        result["keeping others"] = (try? parser.parseObject(line, keeping: JSONKeySet(["other"]))) != nil
        result["validate"] = line.withUnsafeBytes { buffer in
            do { try parser.validate(buffer); return true } catch { return false }
        }
        return result
    }

    @Test func aBadByteBeforeTheFirstEscapeIsRejectedByEveryPath() {
        // The line of issue 13: {"":"<FC>\""}
        let line: [UInt8] = [0x7B, 0x22, 0x22, 0x3A, 0x22, 0xFC, 0x5C, 0x22, 0x22, 0x7D]
        #expect(Self.outcomes(line).values.allSatisfy { !$0 }, "\(Self.outcomes(line))")
    }

    @Test func twoIDsThatDifferOnlyInBadBytesAreBothRejectedNotMerged() throws {
        for bad: UInt8 in [0xFC, 0xFD] {
            let line = Array(#"{"response_id":"a"#.utf8) + [bad] + Array(#"\"","respondent":"x"}"#.utf8)
            #expect(throws: JSONError.self) { try JSONParser().parse(line) }
        }
    }

    @Test func everyPathAgreesWhereverABadSequenceSitsAroundEscapes() {
        // Good and bad pieces, put together in every order of three: each path must give the same answer,
        // and a line is accepted exactly when it holds no bad piece (each bad piece is bad on its own).
        let good: [[UInt8]] = [Array("a".utf8), Array("é".utf8), Array("中".utf8), Array("😀".utf8), Array(#"\""#.utf8),
                               Array(#"\u00e9"#.utf8), Array(#"\ud83d\ude00"#.utf8), Array("abcdefghij".utf8)]
        let bad: [[UInt8]] = [[0xFC], [0xC3, 0x41], [0xE4, 0xB8, 0x5C, 0x6E], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0x80],
                              [0xC3, 0x5C, 0x22, 0xA9]]
        let pieces = good.map { ($0, true) } + bad.map { ($0, false) }
        var checked = 0
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let body = a.0 + b.0 + c.0
                    let valid = a.1 && b.1 && c.1
                    for line in [Array(#"{"respondent":""#.utf8) + body + Array(#""}"#.utf8),
                                 Array(#"{""#.utf8) + body + Array(#"":1}"#.utf8)] {
                        let seen = Self.outcomes(line)
                        #expect(seen.values.allSatisfy { $0 == valid }, "\(String(decoding: line, as: UTF8.self)) \(line): \(seen)")
                        checked += 1
                    }
                }
            }
        }
        #expect(checked == 2 * 16 * 16 * 16)
    }
}
