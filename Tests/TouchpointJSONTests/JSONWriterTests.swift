import Testing
@testable import TouchpointJSON

@Suite("JSON writer")
struct JSONWriterTests {
    let writer = JSONWriter()
    let parser = JSONParser()

    @Test func writesTheSpecsResponseRecordCompactlyInKeyOrder() {
        let record: JSONValue = [
            "questionnaire": "service_visit", "version": "2026.11", "response_id": "R-1", "status": "complete",
            "language": "zh", "meta": ["segment": "regular"],
            "answers": ["solved": true, "ease": 2, "recommend": 3, "reason": "太慢了", "used": ["app"], "channel_sat": ["app": 2]],
            "missing": .object(JSONObject()), "computed": ["promoter": false],
            "durations_ms": ["solved": 2100], "warnings": [],
        ]
        let expected = #"{"questionnaire":"service_visit","version":"2026.11","response_id":"R-1","status":"complete","language":"zh","meta":{"segment":"regular"},"answers":{"solved":true,"ease":2,"recommend":3,"reason":"太慢了","used":["app"],"channel_sat":{"app":2}},"missing":{},"computed":{"promoter":false},"durations_ms":{"solved":2100},"warnings":[]}"#
        #expect(writer.string(record) == expected)
        #expect(writer.line(record) == Array(expected.utf8) + [0x0A])
    }

    @Test(arguments: [
        (3.0, "3"), (-12.0, "-12"), (0.0, "0"), (-0.0, "0"), (2100.0, "2100"), (0.1, "0.1"), (-2.5, "-2.5"),
        (1e-7, "1e-07"), (123456789012345.0, "123456789012345"), (9_007_199_254_740_992.0, "9007199254740992"),
        (9_999_999_999_999_998.0, "9999999999999998"), (1e16, "1e+16"), (1.5e300, "1.5e+300"),
        (1000000000000000.5, "1000000000000000.5"), (0.30000000000000004, "0.30000000000000004"),
        (.leastNonzeroMagnitude, "5e-324"), (.nan, "null"), (.infinity, "null"), (-.infinity, "null"),
    ])
    func writesNumbersWithoutNeedlessFractions(number: Double, expected: String) {
        #expect(writer.string(.number(number)) == expected)
    }

    @Test(arguments: [
        ("plain", #""plain""#),
        ("quote \" and backslash \\", #""quote \" and backslash \\""#),
        ("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#),
        ("\u{0}\u{1}\u{1F}", #""\u0000\u0001\u001f""#),
        ("del \u{7F}", #""del \u007f""#),
        ("c1 \u{80}\u{9B}\u{9F} then \u{A0}", "\"c1 \\u0080\\u009b\\u009f then \u{A0}\""),
        ("separators \u{2028} \u{2029}", #""separators \u2028 \u2029""#),
        ("中文 😀 é", "\"中文 😀 é\""),
        ("a/b", #""a/b""#),
        ("", #""""#),
    ])
    func escapesWhatJSONAndTerminalsNeedAndKeepsTheRestAsUTF8(text: String, expected: String) {
        #expect(writer.string(.string(text)) == expected)
    }

    @Test func escapesKeysLikeValues() {
        #expect(writer.string(["a\"b\n": 1]) == #"{"a\"b\n":1}"#)
    }

    @Test func keepsRepeatedKeys() {
        var object = JSONObject()
        object.append(key: "a", value: 1)
        object.append(key: "a", value: 2)
        #expect(writer.string(.object(object)) == #"{"a":1,"a":2}"#)
    }

    @Test func readsBackWhatItWrites() throws {
        var random = JSONTestRandom(seed: 2026)
        for _ in 0..<2_000 {
            let value = randomValue(&random, depth: 0)
            let bytes = writer.bytes(value)
            let parsed = try parser.parse(bytes)
            #expect(parsed == value, "\(writer.string(value))")
            // A second round gives the same bytes: the output is deterministic.
            #expect(writer.bytes(parsed) == bytes)
        }
    }

    @Test func readsBackEveryScalarThroughAnEscape() throws {
        // Every control character, both separators and a sample of the rest of Unicode.
        var scalars = (0..<0x100).compactMap(Unicode.Scalar.init)
        scalars += [0x2028, 0x2029, 0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF].compactMap(Unicode.Scalar.init)
        let text = String(String.UnicodeScalarView(scalars))
        #expect(try parser.parse(writer.bytes(.string(text))) == .string(text))
    }

    /// The writer's escapes, scalar by scalar, as the type describes them: the reference for the fast path
    /// that skips plain ASCII eight bytes at a time.
    private static func referenceEscaped(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    @Test func escapesEveryStringAsTheReferenceDoesWhereverItsSpecialBytesFall() {
        // Runs of plain ASCII of every length around quotes, controls, DEL, C1 controls, separators and Chinese.
        let pieces: [String] = ["a", "plain text", "0123456789abcdef", "\"", "\\", "\n", "\u{01}", "\u{7F}", "\u{85}", "\u{A0}",
                                "\u{2028}", "送货太慢", "é", "😀", " "]
        for seed in UInt64(1)...300 {
            var random = JSONTestRandom(seed: seed)
            var text = ""
            for _ in 0..<random.below(12) { text += pieces[random.below(pieces.count)] }
            #expect(writer.string(.string(text)) == Self.referenceEscaped(text), "seed \(seed): \(text.debugDescription)")
        }
    }

    private func randomValue(_ random: inout JSONTestRandom, depth: Int) -> JSONValue {
        switch random.below(depth > 3 ? 5 : 7) {
        case 0: return .null
        case 1: return .bool(random.below(2) == 0)
        case 2:
            switch random.below(3) {
            case 0: return .number(Double(random.below(2_000_001)) - 1_000_000)
            case 1: return .number(Double(random.below(1_000_000)) / 1000)
            default:
                let value = Double(bitPattern: random.next())
                return .number(value.isFinite ? value : 0)
            }
        case 3, 4: return .string(randomString(&random))
        case 5: return .array((0..<random.below(5)).map { _ in randomValue(&random, depth: depth + 1) })
        default:
            let members = (0..<random.below(6)).map { _ in
                JSONObject.Member(key: randomString(&random), value: randomValue(&random, depth: depth + 1))
            }
            return .object(JSONObject(members: members))
        }
    }

    private func randomString(_ random: inout JSONTestRandom) -> String {
        let pool: [Unicode.Scalar] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{0}", "\u{1F}", "\u{7F}", "\u{85}",
                                      "é", "中", "文", "\u{2028}", "\u{2029}", "😀", "\u{FEFF}", "\u{10FFFF}"]
        let scalars = (0..<random.below(24)).map { _ in pool[random.below(pool.count)] }
        return String(String.UnicodeScalarView(scalars))
    }
}
