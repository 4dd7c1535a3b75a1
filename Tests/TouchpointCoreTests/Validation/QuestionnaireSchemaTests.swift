import Foundation
import Testing
@testable import TouchpointCore

/// docs/questionnaire.schema.json holds exactly the keys the parser accepts, no more and no fewer.
///
/// (That every bundled questionnaire and docs example validates against it is checked with check-jsonschema in
/// Tests/interop/checks/questionnaire-schema.sh.)
@Suite("The questionnaire JSON Schema")
struct QuestionnaireSchemaTests {
    let schema: [String: Any]

    init() {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/questionnaire.schema.json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            schema = [:]
            return
        }
        schema = object
    }

    func def(_ name: String) -> [String: Any] {
        ((schema["$defs"] as? [String: Any])?[name] as? [String: Any]) ?? [:]
    }

    func keys(_ object: [String: Any]?) -> Set<String> {
        Set(((object?["properties"] as? [String: Any]) ?? [:]).keys)
    }

    /// The mapping branch of a definition that is "a scalar or a mapping".
    func mappingBranch(_ name: String) -> [String: Any] {
        let branches = (def(name)["anyOf"] as? [[String: Any]]) ?? []
        return branches.first { $0["type"] as? String == "object" } ?? [:]
    }

    /// The `then` properties of the `if` branch that applies when `key` is `value`.
    func branchKeys(_ object: [String: Any], key: String, value: String) -> Set<String> {
        let branches = (object["allOf"] as? [[String: Any]]) ?? []
        for branch in branches {
            let condition = ((branch["if"] as? [String: Any])?["properties"] as? [String: Any])?[key] as? [String: Any]
            if condition?["const"] as? String == value { return keys(branch["then"] as? [String: Any]) }
        }
        return []
    }

    @Test func theSchemaIsDraft2020_12AndReadable() {
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
    }

    @Test func theTopLevelHasExactlyTheParsersKeys() {
        #expect(keys(schema) == Set(QuestionnaireParser.topKeys))
        #expect(Set(schema["required"] as? [String] ?? []) == ["touchpoint", "id", "questions"])
    }

    @Test(arguments: QuestionType.allCases)
    func eachQuestionTypeHasExactlyTheParsersKeys(type: QuestionType) {
        let common = keys(def("questionKeys"))
        let own = branchKeys(def("questionKeys"), key: "type", value: type.rawValue)
        #expect(common.union(own).union(keys(def("question"))) == Set(ItemParser.allowedByType[type] ?? []))
        let meta = common.union(own).union(keys(mappingBranch("metaField")))
        #expect(meta == Set(ItemParser.allowedByType[type] ?? []).subtracting(["id"]).union(FormatKeys.metaExtra))
    }

    @Test func theTypeAndMethodAndStatusNamesAreTheModelsNames() {
        let type = (def("questionKeys")["properties"] as? [String: Any])?["type"] as? [String: Any]
        #expect(Set(type?["enum"] as? [String] ?? []) == Set(QuestionType.allCases.map(\.rawValue)))
        let method = (def("score")["properties"] as? [String: Any])?["method"] as? [String: Any]
        #expect(Set(method?["enum"] as? [String] ?? []) == Set(ScoreMethod.allCases.map(\.rawValue)))
        let end = (def("end")["properties"] as? [String: Any])?["end"] as? [String: Any]
        #expect(Set(end?["enum"] as? [String] ?? []) == Set(EndStatus.allCases.map(\.rawValue)))
    }

    @Test(arguments: ScoreMethod.allCases)
    func eachScoreMethodHasExactlyTheParsersKeys(method: ScoreMethod) {
        let all = keys(def("score")).union(branchKeys(def("score"), key: "method", value: method.rawValue))
        #expect(all == Set(["method"] + (ScoreParser.methodKeys[method] ?? [])))
    }

    @Test func everySmallerMappingHasExactlyTheParsersKeys() {
        let root = schema["properties"] as? [String: Any]
        #expect(keys(root?["defaults"] as? [String: Any]) == Set(FormatKeys.defaults))
        #expect(keys(root?["budget"] as? [String: Any]) == Set(FormatKeys.budget))
        #expect(keys(mappingBranch("option")) == Set(FormatKeys.option))
        #expect(keys(def("gridRow")) == Set(FormatKeys.gridRow))
        #expect(keys(def("check")) == Set(FormatKeys.check))
        #expect(keys(def("section")) == Set(FormatKeys.section))
        #expect(keys(def("end")) == Set(FormatKeys.end))
        #expect(keys(def("compute")) == Set(FormatKeys.compute))
        #expect(keys(def("quota")) == Set(FormatKeys.quota))
        #expect(keys(def("test")) == Set(FormatKeys.test))
        #expect(keys((def("test")["properties"] as? [String: Any])?["expect"] as? [String: Any]) == Set(FormatKeys.expect))
        let scored = (((def("score")["allOf"] as? [[String: Any]])?.compactMap {
            (($0["then"] as? [String: Any])?["properties"] as? [String: Any])?["items"] as? [String: Any]
        }.first?["items"] as? [String: Any])?["anyOf"] as? [[String: Any]])?.first { $0["type"] as? String == "object" }
        #expect(keys(scored) == Set(FormatKeys.scoredItem))
    }

    @Test func everyKeyHasADescription() {
        var missing: [String] = []
        func walk(_ value: Any, path: String) {
            if let object = value as? [String: Any] {
                if let properties = object["properties"] as? [String: Any] {
                    for (key, schema) in properties {
                        guard let s = schema as? [String: Any] else { continue }
                        if s["description"] == nil, s["$ref"] == nil, s["const"] == nil { missing.append("\(path).\(key)") }
                    }
                }
                for (key, inner) in object { walk(inner, path: path + "/" + key) }
            } else if let array = value as? [Any] {
                for (i, inner) in array.enumerated() { walk(inner, path: path + "[\(i)]") }
            }
        }
        walk(schema, path: "")
        #expect(missing.isEmpty, "keys without a description: \(missing)")
    }

    @Test func validateAcceptsASchemaKeyAndTheLanguageServerComment() {
        let source = """
        # yaml-language-server: $schema=../docs/questionnaire.schema.json
        $schema: ../docs/questionnaire.schema.json
        touchpoint: 1
        id: t
        questions:
          - {id: a, type: yes_no, text: Hi}
        """
        let report = Validator.validate(Array(source.utf8))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.fullMessage))")
    }
}
