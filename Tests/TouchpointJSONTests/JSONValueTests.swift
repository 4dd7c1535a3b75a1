import Testing
@testable import TouchpointJSON

@Suite("JSON values")
struct JSONValueTests {
    @Test func objectLiteralsKeepTheirOrder() {
        let value: JSONValue = ["z": 1, "a": 2, "m": 3]
        #expect(value.objectValue?.keys == ["z", "a", "m"])
    }

    @Test func settingAKeyReplacesItInPlaceOrAppendsIt() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["a"] = 10
        object["c"] = 3
        #expect(object.keys == ["a", "b", "c"])
        #expect(object["a"] == 10)
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(!object.contains(key: "b"))
    }

    @Test func objectsWithTheSameMembersInAnotherOrderDiffer() {
        let first: JSONObject = ["a": 1, "b": 2]
        let second: JSONObject = ["b": 2, "a": 1]
        #expect(first != second)
        #expect(first == ["a": 1, "b": 2])
    }

    @Test func iteratesMembersAsKeyValuePairs() {
        let object: JSONObject = ["a": 1, "b": "two"]
        var seen: [String] = []
        for (key, value) in object { seen.append("\(key)=\(value)") }
        #expect(seen == ["a=1", #"b="two""#])
    }

    @Test func buildsObjectsFromPairsAsTheCommandLineDoes() {
        let object = JSONObject([("file", .string("a.yaml")), ("line", .number(3))])
        #expect(JSONWriter().string(.object(object)) == #"{"file":"a.yaml","line":3}"#)
    }

    @Test func accessorsAnswerOnlyForTheirOwnKind() {
        let value: JSONValue = ["n": 3, "f": 3.5, "s": "x", "b": true, "a": [1], "z": nil]
        #expect(value["n"]?.intValue == 3)
        #expect(value["f"]?.intValue == nil)
        #expect(value["f"]?.doubleValue == 3.5)
        #expect(value["s"]?.stringValue == "x")
        #expect(value["s"]?.intValue == nil)
        #expect(value["b"]?.boolValue == true)
        #expect(value["a"]?[0] == 1)
        #expect(value["a"]?[1] == nil)
        #expect(value["z"]?.isNull == true)
        #expect(value["missing"] == nil)
        #expect(value["a"]?.kindDescription == "an array")
    }

    @Test func describesItselfAsCompactJSON() {
        let value: JSONValue = ["a": [1, "b", nil]]
        #expect(value.description == #"{"a":[1,"b",null]}"#)
    }
}
