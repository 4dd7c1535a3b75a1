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
}
