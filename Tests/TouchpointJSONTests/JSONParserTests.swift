import Testing
@testable import TouchpointJSON

@Suite("JSON parser")
struct JSONParserTests {
    let parser = JSONParser()

    private func parse(_ bytes: [UInt8]) -> Result<JSONValue, JSONError> {
        Result { () throws(JSONError) in try parser.parse(bytes) }
    }

    private func error(_ text: String) -> JSONError? {
        error(Array(text.utf8))
    }

    private func error(_ bytes: [UInt8]) -> JSONError? {
        if case .failure(let error) = parse(bytes) { return error }
        return nil
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parser.parse(#" {"a": [1, -2.5, true, false, null, "x"], "b": {}, "c": []} "#)
        #expect(value == [
            "a": [1, -2.5, true, false, nil, "x"],
            "b": .object(JSONObject()),
            "c": [],
        ])
    }

    @Test func keepsKeyOrderAsWritten() throws {
        let object = try parser.parseObject(Array(#"{"z":1,"a":2,"m":3}"#.utf8))
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["a"] == 2)
        #expect(object["missing"] == nil)
    }

    @Test func keepsRepeatedKeysSoCheckersCanReportThem() throws {
        let object = try parser.parseObject(Array(#"{"a":1,"b":2,"a":3}"#.utf8))
        #expect(object.count == 3)
        #expect(object["a"] == 1)
        #expect(object.duplicateKeys == ["a"])
    }

    @Test func rejectsRepeatedKeysWhenAsked() {
        let strict = JSONParser(rejectsDuplicateKeys: true)
        let text = #"{"a":1,"b":{"c":1,"c":2}}"#
        let result = Result { () throws(JSONError) in try strict.parse(text) }
        guard case .failure(let error) = result else {
            Issue.record("a repeated key was accepted")
            return
        }
        #expect(error.column == 19)
        #expect(error.message.contains("`c` appears twice"))
        // The skipping paths find it too.
        let validated = Array(text.utf8).withUnsafeBytes { raw in
            Result { () throws(JSONError) in try strict.validate(raw) }
        }
        #expect(validated.failureColumn == 19)
    }

    @Test func findsRepeatedKeysInLargeObjects() {
        let strict = JSONParser(rejectsDuplicateKeys: true)
        let members = (0..<100).map { "\"k\($0)\":\($0)" } + ["\"k42\":0"]
        let text = "{" + members.joined(separator: ",") + "}"
        let result = Result { () throws(JSONError) in try strict.parse(text) }
        guard case .failure(let error) = result else {
            Issue.record("a repeated key was accepted")
            return
        }
        #expect(error.message.contains("`k42` appears twice"))
    }

    // MARK: Numbers

    @Test(arguments: [
        ("0", 0.0), ("-0", -0.0), ("7", 7), ("-12", -12), ("3.25", 3.25), ("1e3", 1000), ("1E+3", 1000),
        ("25e-1", 2.5), ("0.1", 0.1), ("9007199254740993", 9_007_199_254_740_992),
        ("123456789012345678901234567890", 1.2345678901234568e29), ("1e-400", 0), ("2.2250738585072014e-308", 2.2250738585072014e-308),
        ("0.30000000000000004", 0.30000000000000004), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("0.000001", 0.000001), ("123.456e-7", 123.456e-7),
    ])
    func readsNumbersToTheNearestDouble(text: String, expected: Double) throws {
        #expect(try parser.parse(text) == .number(expected))
    }

    @Test func readsTheSmallestSubnormal() throws {
        #expect(try parser.parse("4.9e-324") == .number(.leastNonzeroMagnitude))
        #expect(try parser.parse("5e-324") == .number(.leastNonzeroMagnitude))
    }

    @Test func keepsIntegersExactUpTo2To53() throws {
        let largest = 9_007_199_254_740_992.0
        #expect(try parser.parse("9007199254740992").doubleValue == largest)
        #expect(try parser.parse("-9007199254740992").doubleValue == -largest)
        #expect(try parser.parse("1234567890123").intValue == 1_234_567_890_123)
    }

    @Test func readsBackTheShortestFormOfRandomDoubles() throws {
        var random = JSONTestRandom(seed: 7)
        for _ in 0..<20_000 {
            let value = Double(bitPattern: random.next())
            guard value.isFinite else { continue }
            let text = value.description
            #expect(try parser.parse(text).doubleValue == value, "\(text)")
        }
    }

    // MARK: Strings

    @Test(arguments: [
        (#""\"\\\/\b\f\n\r\t""#, "\"\\/\u{08}\u{0C}\n\r\t"),
        (#""\u0041\u00e9\u4E2D""#, "Aé中"),
        (#""\ud83d\ude00 \uD834\uDD1E""#, "😀 𝄞"),
        (#""\u0000""#, "\u{0}"),
        (#""中文 and text""#, "中文 and text"),
        (#""a long string with an escape at the end, past the first eight bytes\n""#,
         "a long string with an escape at the end, past the first eight bytes\n"),
        (#""""#, ""),
    ])
    func decodesEscapesAndUnicode(text: String, expected: String) throws {
        #expect(try parser.parse(text) == .string(expected))
    }

    @Test func readsStringsOfEveryLengthAroundTheEightByteStep() throws {
        for length in 0...40 {
            for special in ["", "\\n", "é", "中"] {
                let body = String(repeating: "x", count: length) + special
                let expected = String(repeating: "x", count: length) + (special == "\\n" ? "\n" : special)
                #expect(try parser.parse("[\"\(body)\",1]") == [.string(expected), 1])
            }
        }
    }

    // MARK: Strictness

    /// Each input must be rejected, at this column, with a message containing this text.
    static let invalidInputs: [(String, Int, String)] = [
        ("", 1, "empty"),
        ("   ", 4, "text ends"),
        ("[1,]", 3, "trailing comma before `]`"),
        (#"{"a":1,}"#, 7, "trailing comma before `}`"),
        ("[01]", 2, "leading zero"),
        ("[-01]", 2, "leading zero"),
        ("[NaN]", 2, "`NaN` is not a JSON number"),
        ("[Infinity]", 2, "`Infinity` is not a JSON number"),
        ("[-Infinity]", 2, "`-Infinity` is not a JSON number"),
        ("[True]", 2, "lowercase"),
        ("[None]", 2, "null"),
        ("[undefined]", 2, "null"),
        ("[hello]", 2, "double quotes"),
        ("['a']", 2, "double quotes"),
        ("{'a':1}", 2, "double quotes"),
        ("{a:1}", 2, "expected a key in double quotes, found `a`"),
        ("{,}", 2, "expected a key"),
        ("[1 2]", 4, "expected `,` or `]` after an array element, found `2`"),
        (#"{"a" 1}"#, 6, "expected `:` after the key"),
        (#"{"a":1 "b":2}"#, 8, "expected `,` or `}` after a value"),
        (#"{"a":}"#, 6, "expected a value, found `}`"),
        ("[1,,2]", 4, "expected a value, found `,`"),
        ("[1.]", 4, "digit after the decimal point"),
        ("[1.e5]", 4, "digit after the decimal point"),
        ("[1e]", 4, "exponent"),
        ("[1e+]", 5, "exponent"),
        ("[-]", 3, "digit after `-`"),
        ("[+1]", 2, "may not start with `+`"),
        ("[.5]", 2, "`0.5`"),
        ("[1e999]", 2, "too large"),
        ("[-1e400]", 2, "too large"),
        (#"{"a":1}x"#, 8, "after the end of the JSON value"),
        (#"{"a":1}{"b":2}"#, 8, "after the end of the JSON value"),
        (#"["abc"#, 2, "never closed"),
        (#"["abc\"#, 2, "never closed"),
        ("[1,2", 1, "array is never closed"),
        (#"{"a":1"#, 1, "object is never closed"),
        (#"{"a""#, 5, "expected `:` after the key, but the text ends"),
        ("// comment\n{}", 1, "comments"),
        ("/* c */ {}", 1, "comments"),
        ("nul", 1, "did you mean `null`?"),
        ("[tru]", 2, "did you mean `true`?"),
        ("[\"a\u{01}\"]", 4, "U+0001 must be escaped"),
        ("[\"a\tb\"]", 4, "write `\\t`"),
        ("[\"line\nbreak\"]", 7, "write `\\n`"),
        (#"["\x"]"#, 3, "`\\x` is not a JSON escape"),
        (#"["\u12"]"#, 3, "four hex digits"),
        (#"["\u12G4"]"#, 3, "four hex digits"),
        (#"["\ud800"]"#, 3, "first half of a surrogate pair"),
        (#"["\ud800\u0041"]"#, 3, "first half of a surrogate pair"),
        (#"["\ud800x"]"#, 3, "first half of a surrogate pair"),
        (#"["\udc00"]"#, 3, "second half of a surrogate pair"),
        ("{\"名字\":1,}", 8, "trailing comma"),
        ("[\"中文\", 1 2]", 10, "expected `,` or `]`"),
        ("\u{FEFF}[1,]", 4, "trailing comma"),
    ]

    @Test(arguments: invalidInputs)
    func rejectsInvalidInputAtItsColumn(text: String, column: Int, message: String) {
        guard let error = error(text) else {
            Issue.record("accepted \(text.debugDescription)")
            return
        }
        #expect(error.column == column, "\(text.debugDescription): \(error)")
        #expect(error.message.contains(message), "\(text.debugDescription): \(error)")
        #expect(error.description.hasSuffix("at column \(column)"))
    }

    @Test(arguments: invalidInputs)
    func validatingRejectsTheSameInputAtTheSamePlace(text: String, column: Int, message: String) {
        let result = Array(text.utf8).withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parser.validate(raw) }
        }
        #expect(result.failureColumn == column, "\(text.debugDescription)")
    }

    @Test(arguments: invalidInputs)
    func skippingAValueRejectsTheSameInputs(text: String, column: Int, message: String) {
        // Put the value under a key nobody asked for, so `parseObject(_:keeping:)` skips it.
        guard text.hasPrefix("[") || text.hasPrefix("{") else { return }
        let wrapped = Array(#"{"skipped":"#.utf8) + Array(text.utf8) + Array("}".utf8)
        let keys = JSONKeySet(["other"])
        let result = wrapped.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parser.parseObject(raw, keeping: keys) }
        }
        guard case .failure = result else {
            Issue.record("accepted \(text.debugDescription) when skipping it")
            return
        }
    }

    @Test func countsLinesAndColumnsInTextSpanningLines() {
        guard let error = error("{\n  \"a\": 1,\n}") else {
            Issue.record("a trailing comma was accepted")
            return
        }
        #expect(error.line == 2)
        #expect(error.column == 9)
        #expect(error.offset == 10)
        #expect(error.description == "trailing comma before `}`; remove the comma at line 2, column 9")
    }

    @Test func reportsTheByteOffsetOfTheProblem() {
        #expect(error("[1, 2, x]")?.offset == 7)
    }

    // MARK: UTF-8

    /// Bytes that are not UTF-8 (RFC 3629), with the column of the first bad byte.
    static let invalidUTF8: [([UInt8], Int)] = [
        ([0x22, 0x61, 0xFF, 0x62, 0x22], 3),  // 0xFF never appears
        ([0x22, 0xC0, 0xAF, 0x22], 2),  // overlong "/"
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], 2),  // overlong, three bytes
        ([0x22, 0xED, 0xA0, 0x80, 0x22], 2),  // an encoded surrogate
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], 2),  // above U+10FFFF
        ([0x22, 0xE4, 0xB8, 0x22], 2),  // cut short
        ([0x22, 0x80, 0x22], 2),  // a lone continuation byte
        ([0x22] + Array("long enough to use the fast path ".utf8) + [0xFE, 0x22], 35),
        ([0x5B, 0xFF, 0x5D], 2),  // outside a string
    ]

    @Test(arguments: invalidUTF8)
    func rejectsInvalidUTF8(bytes: [UInt8], column: Int) {
        guard let error = error(bytes) else {
            Issue.record("accepted \(bytes)")
            return
        }
        #expect(error.column == column, "\(bytes): \(error)")
        #expect(error.message.contains("UTF-8"), "\(error)")
        let validated = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parser.validate(raw) }
        }
        #expect(validated.failureColumn == column)
    }

    /// A byte that can never start a character is named alone; a good lead whose next bytes do not fit names the
    /// sequence it starts.
    static let utf8Messages: [([UInt8], String)] = [
        ([0x22, 0x61, 0xFF, 0x62, 0x22], "the byte 0xFF is not valid UTF-8"),
        ([0x22, 0xC0, 0xAF, 0x22], "the byte 0xC0 is not valid UTF-8"),
        ([0x22, 0x80, 0x22], "the byte 0x80 is not valid UTF-8"),
        ([0x22, 0xE0, 0x80, 0xAF, 0x22], "the bytes starting with 0xE0 are not valid UTF-8"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "the bytes starting with 0xED are not valid UTF-8"),
        ([0x22, 0xE4, 0xB8, 0x22], "the bytes starting with 0xE4 are not valid UTF-8"),
        ([0x22, 0xC3, 0x78, 0x22], "the bytes starting with 0xC3 are not valid UTF-8"),
    ]

    @Test(arguments: utf8Messages)
    func namesTheByteOrTheSequenceThatIsNotUTF8(bytes: [UInt8], message: String) {
        #expect(error(bytes)?.message.hasPrefix(message) == true, "\(bytes): \(String(describing: error(bytes)))")
    }

    @Test func rejectsInvalidUTF8InAStringWithEscapes() {
        let bytes: [UInt8] = Array(#""a\n"#.utf8) + [0xC3] + Array(#"x""#.utf8)
        #expect(error(bytes)?.offset == 4)
    }

    @Test func acceptsEveryKindOfValidUTF8() throws {
        let text = "\"é中😀\u{10FFFF}\u{FFFD}\""
        #expect(try parser.parse(text) == .string("é中😀\u{10FFFF}\u{FFFD}"))
    }

    // MARK: Depth

    @Test func acceptsNestingUpToTheBound() throws {
        let text = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try parser.parse(text) != .null)
        let objects = String(repeating: #"{"a":"#, count: 64) + "1" + String(repeating: "}", count: 64)
        #expect(try parser.parse(objects) != .null)
    }

    @Test func rejectsNestingBeyondTheBound() {
        let text = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(error(text)?.column == 65)
        #expect(error(text)?.message.contains("more than 64 levels") == true)
    }

    @Test func rejectsAHundredThousandOpenBracketsQuickly() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let started = ContinuousClock.now
        let parsed = error(bytes)
        let validated = bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parser.validate(raw) }
        }
        let elapsed = ContinuousClock.now - started
        // The work is bounded by where it stops (column 65, past the depth limit); the clock only guards a hang.
        #expect(parsed?.column == 65)
        #expect(validated.failureColumn == 65)
        #expect(elapsed < .seconds(60))
    }

    @Test func capsALargerDepthBoundAt256() throws {
        let deep = JSONParser(maxDepth: 100_000)
        let inside = String(repeating: #"{"a":["#, count: 128) + "1" + String(repeating: "]}", count: 128)
        #expect(try deep.parse(inside) != .null)
        let over = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        let result = Result { () throws(JSONError) in try deep.parse(over) }
        #expect(result.failureColumn == 257)
    }

    @Test func honoursASmallerDepthBound() {
        let shallow = JSONParser(maxDepth: 2)
        let result = Result { () throws(JSONError) in try shallow.parse("[[[1]]]") }
        #expect(result.failureColumn == 3)
    }

    // MARK: Entry points

    @Test func skipsAByteOrderMarkAtTheStart() throws {
        #expect(try parser.parse([0xEF, 0xBB, 0xBF] + Array("[1]".utf8)) == [1])
    }

    @Test func parseObjectRejectsOtherTopLevelValues() {
        let result = Result { () throws(JSONError) in try parser.parseObject(Array("[1]".utf8)) }
        #expect(result.failureMessage?.contains("expected a JSON object") == true)
    }

    @Test func keepsOnlyTheRequestedKeysInDocumentOrder() throws {
        let text = #"{"a":1,"skip":{"deep":[1,2,{"x":"y"}]},"c":"三","b":[true],"z":null}"#
        let object = try parser.parseObject(Array(text.utf8), keeping: JSONKeySet(["b", "a", "c", "absent"]))
        #expect(object == ["a": 1, "c": "三", "b": [true]])
    }

    @Test func keepsRequestedKeysWrittenWithEscapes() throws {
        let object = try parser.parseObject(Array(#"{"\u0061b":1,"ab\n":2}"#.utf8), keeping: JSONKeySet(["ab"]))
        #expect(object == ["ab": 1])
    }

    @Test func matchesLongKeysOnEveryByte() throws {
        let text = #"{"questionnaire_sha_256":1,"questionnaire_sha256":2,"questionnaire_xyz256":3}"#
        let keys = JSONKeySet(["questionnaire_sha256"])
        #expect(try parser.parseObject(Array(text.utf8), keeping: keys) == ["questionnaire_sha256": 2])
    }

    @Test func sharedStringsGiveTheSameValuesAsBuiltOnes() throws {
        let table = JSONStringTable(["questionnaire", "status", "answers", "complete"]).adding(["ok", "中文值", "a key longer than sixteen bytes", "short"])
        let shared = JSONParser(strings: table)
        let text = #"{"status":"complete","ok":"中文值","a key longer than sixteen bytes":"short","a key longex than sixteen bytes":"shorter","k":"o"}"#
        #expect(try shared.parse(text) == (try parser.parse(text)))
        #expect(table.contains("中文值"))
        #expect(!table.contains("中文"))
    }

    @Test func parsesFromAString() throws {
        #expect(try parser.parse(#"{"k":"v"}"#) == ["k": "v"])
    }
}
