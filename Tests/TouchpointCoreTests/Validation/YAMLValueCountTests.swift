import Testing
@testable import TouchpointCore

/// The YAML value limit counts each value once, expanding aliases, not once per nesting level.
@Suite struct YAMLValueCountTests {
    static func values(_ n: Int) -> String { Array(repeating: "1", count: n).joined(separator: ",") }

    func codes(_ yaml: String) -> [DiagnosticCode] {
        YAMLLoader.load(Array(yaml.utf8), limits: .standard).diagnostics.map(\.code)
    }

    @Test func threeHundredThousandValuesNestedFourDeepAreNotRefused() {
        // Counted once per level, as before issue 13, these were 1.2 million.
        let yaml = "x: [[[[" + Self.values(300_000) + "]]]]\n"
        #expect(!codes(yaml).contains(.yamlAliasLimit))
    }

    @Test func aFlatFileOfFortyThousandQuestionsIsNotRefused() {
        var yaml = "touchpoint: 1\nid: flat\nquestions:\n"
        for i in 0..<40_000 { yaml += "  - {id: q\(i), type: yes_no, text: Q?}\n" }
        #expect(!codes(yaml).contains(.yamlAliasLimit))
    }

    @Test func aliasesCountTheirWholeExpansion() throws {
        let yaml = "a: &a [" + Self.values(300_000) + "]\nb: [*a, *a, *a, *a]\n"
        let result = YAMLLoader.load(Array(yaml.utf8), limits: .standard)
        #expect(result.diagnostics.map(\.code) == [.yamlAliasLimit])
        #expect(result.diagnostics.first?.message.contains("aliases repeated inside aliases") == true)
    }

    @Test func moreThanAMillionPlainValuesAreRefusedWithoutBlamingAliases() throws {
        let yaml = "x: [" + Self.values(1_000_001) + "]\n"
        let result = YAMLLoader.load(Array(yaml.utf8), limits: .standard)
        #expect(result.diagnostics.map(\.code) == [.yamlAliasLimit])
        #expect(result.diagnostics.first?.message.contains("alias") == false)
    }
}
