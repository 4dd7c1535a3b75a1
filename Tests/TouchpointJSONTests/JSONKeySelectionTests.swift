import Testing
@testable import TouchpointJSON

@Suite("JSON parser, keeping selected keys")
struct JSONKeySelectionTests {
    let parser = JSONParser()

    @Test func selectsInsideNestedObjects() throws {
        let text = #"{"questionnaire":"q","answers":{"a":1,"b":{"deep":true},"c":[1,2]},"meta":"not an object","path":["a"]}"#
        let keys = JSONKeySet(["questionnaire"], nested: ["answers": JSONKeySet(["c", "a"]), "meta": JSONKeySet(["x"])])
        let object = try parser.parseObject(Array(text.utf8), keeping: keys)
        #expect(object == ["questionnaire": "q", "answers": ["a": 1, "c": [1, 2]], "meta": "not an object"])
        #expect(keys.nested("answers")?.keys == ["c", "a"])
        #expect(keys.nested("questionnaire") == nil)
    }

    @Test func stillChecksTheMembersItSkipsInsideNestedObjects() {
        let text = #"{"answers":{"a":1,"b":[1,]}}"#
        let keys = JSONKeySet([], nested: ["answers": JSONKeySet(["a"])])
        let result = Result { () throws(JSONError) in try parser.parseObject(Array(text.utf8), keeping: keys) }
        #expect(result.failureColumn == 25)
    }

    @Test func rejectsRepeatedKeysAmongSkippedMembersWhenAsked() {
        let strict = JSONParser(rejectsDuplicateKeys: true)
        let text = #"{"kept":1,"other":2,"other":3}"#
        let result = Result { () throws(JSONError) in try strict.parseObject(Array(text.utf8), keeping: JSONKeySet(["kept"])) }
        #expect(result.failureColumn == 21)
    }

    @Test func skipsNumbersExactlyAsStrictlyAsItParsesThem() {
        let keys = JSONKeySet(["kept"])
        for number in ["1e400", "-", "01", "1.", "1e", "-1e999", String(repeating: "9", count: 400)] {
            let text = #"{"other":\#(number),"kept":1}"#
            let result = Result { () throws(JSONError) in try parser.parseObject(Array(text.utf8), keeping: keys) }
            #expect(result.failureColumn != nil, "\(number) was skipped without an error")
        }
        let long = #"{"other":0."# + String(repeating: "9", count: 400) + #","kept":1}"#
        let result = Result { () throws(JSONError) in try parser.parseObject(Array(long.utf8), keeping: keys) }
        #expect((try? result.get()) == ["kept": 1])
    }

    @Test func skippingLeavesOutOnlyTheNamedMembersAndKeepsUnknownOnes() throws {
        let text = #"{"path":["a","b"],"answers":{"a":1},"durations_ms":{"a":2},"surprise":[true],"answers2":null}"#
        let keys = JSONKeySet(["path", "durations_ms"])
        let value = try parser.parse(Array(text.utf8), skipping: keys)
        #expect(value == .object(["answers": ["a": 1], "surprise": [true], "answers2": .null]))
        // Not an object: the value as `parse` gives it.
        let array = try parser.parse(Array(#"[1,{"path":2}]"#.utf8), skipping: keys)
        #expect(array == [1, ["path": 2]])
    }

    @Test func skippingStillChecksWhatItSkipsAndFindsRepeatedKeys() {
        let keys = JSONKeySet(["path"])
        // The same error, at the same place, as when the member is built.
        let text = Array(#"{"path":["a",],"answers":{}}"#.utf8)
        let broken = Result { () throws(JSONError) in try parser.parse(text, skipping: keys) }
        let built = Result { () throws(JSONError) in try parser.parse(text) }
        #expect(broken.failureColumn != nil)
        #expect(broken.failureColumn == built.failureColumn)
        #expect(broken.failureMessage == built.failureMessage)
        let strict = JSONParser(rejectsDuplicateKeys: true)
        for text in [#"{"path":1,"path":2}"#, #"{"kept":1,"kept":2}"#] {
            let repeated = Result { () throws(JSONError) in try strict.parse(Array(text.utf8), skipping: keys) }
            #expect(repeated.failureColumn != nil, "\(text) was read without an error")
        }
    }
}
