import Foundation
import Testing
import TouchpointJSON
@testable import TouchpointCore

/// A percent rule that is one yes/no question or Boolean compute (`rule: solved`) is scored by a shortcut;
/// it gives what the same rule written as an expression (`solved == true`) gives through the evaluator, with
/// "don't know" in the base and out of it, on lines read from bytes and from the parsed record alike.
@Suite struct PercentRuleTests {
    static let questionnaire = """
    touchpoint: 1
    id: percent_rules
    version: "1"
    meta:
      segment: {type: single, options: [new, regular], text: Segment}
    questions:
      - id: contacted
        type: yes_no
        text: Did you contact us?
      - id: solved
        type: yes_no
        dont_know: true
        when: contacted
        text: Did we solve it?
      - compute: happy
        value: solved
    scores:
      short: {method: percent, rule: solved}
      long: {method: percent, rule: "solved == true"}
      short_known: {method: percent, rule: solved, dont_know: excluded}
      long_known: {method: percent, rule: "solved == true", dont_know: excluded}
      computed_short: {method: percent, rule: happy}
      computed_long: {method: percent, rule: "happy == true"}

    """

    static func line(_ n: Int, _ answers: String, missing: String = "{}", computed: String) -> String {
        #"{"questionnaire":"percent_rules","response_id":"r\#(n)","status":"complete","meta":{"segment":"\#(n % 2 == 0 ? "new" : "regular")"},"answers":\#(answers),"missing":\#(missing),"computed":\#(computed)}"#
    }

    static var lines: [String] {
        var lines: [String] = []
        for n in 0..<40 {
            switch n % 5 {
            case 0: lines.append(line(n, #"{"contacted":true,"solved":true}"#, computed: #"{"happy":true}"#))
            case 1: lines.append(line(n, #"{"contacted":true,"solved":false}"#, computed: #"{"happy":false}"#))
            case 2: lines.append(line(n, #"{"contacted":true}"#, missing: #"{"solved":"dont_know"}"#, computed: "{}"))
            case 3: lines.append(line(n, #"{"contacted":false}"#, computed: "{}"))
            default: lines.append(line(n, #"{"contacted":true,"solved":true}"#, computed: #"{"happy":true}"#))
            }
        }
        return lines
    }

    @Test(arguments: [true, false])
    func theOneNameShortcutGivesWhatTheEvaluatorGives(scansBytes: Bool) throws {
        let report = Validator.validate(Array(Self.questionnaire.utf8))
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let checked = try #require(report.checked)
        let file = try ResponseFile(Self.lines)
        var engine = try ScoreEngine(checked, options: ScoreOptions(groupBy: ["meta.segment"]))
        engine.parallelism = 1
        engine.reader = ResponseReader(schema: engine.schema, checksTimes: false, keepsAllFields: false, scansBytes: scansBytes)
        try engine.read(.file(file.path)) { Issue.record("rejected: \($0.description)") }
        let json = engine.report().json
        let overall = try #require(json["scores"])
        let groups = try #require(json["groups"]?.arrayValue).compactMap { $0["scores"] }
        #expect(groups.count == 2)
        for scores in [overall] + groups {
            for (short, long) in [("short", "long"), ("short_known", "long_known"), ("computed_short", "computed_long")] {
                #expect(scores[short] == scores[long], "\(short) \(String(describing: scores[short])) vs \(long) \(String(describing: scores[long]))")
            }
        }
        // 32 of the 40 were asked (8 had not contacted us), 8 of them don't know, 16 said yes; the compute
        // exists where the question was answered.
        #expect(overall["short"]?["n"] == .number(32) && overall["short"]?["count"] == .number(16), "\(overall)")
        #expect(overall["short_known"]?["n"] == .number(24) && overall["short_known"]?["count"] == .number(16), "\(overall)")
        #expect(overall["computed_short"]?["n"] == .number(24), "\(overall)")
    }
}
