import Foundation
import TouchpointCore

/// Fuzzes what `score` and `verify` do with a JSON-lines file: the JSON parser's paths, the record checks,
/// duplicate ids, the replay, and scoring with groups, periods and weights.
///
/// Invariants: the parser's fast check, its tree and its object reader agree on every line; a tree written
/// back out parses to the same tree; a file that `verify` finds clean is scored in full; score (with its
/// byte-level fast path) rejects exactly the lines, with the messages, that the record checks alone reject.
public enum ResponsesHarness {
    /// The questionnaire the records are checked against (a copy of Tests' scoring fixture).
    static let questionnaireYAML = """
touchpoint: 1
id: scoring_fixture
version: "1"
meta:
  segment: {type: single, options: [new, regular], text: Segment}
  region: {type: text, text: Region}
  weight: {type: number, min: 0, text: Weight}
questions:
  - id: eligible
    type: yes_no
    text: Did you buy from us this year?
  - end: screened_out
    when: not eligible
    text: Thank you.
  - id: solved
    type: yes_no
    text: Did we solve your problem?
  - id: ease
    type: scale
    min: 1
    max: 7
    text: It was easy.
  - id: effort_hard
    type: scale
    min: 1
    max: 7
    text: It took a lot of effort.
  - id: clarity
    type: scale
    min: 1
    max: 7
    required: false
    text: The information was clear.
  - id: recommend
    type: nps
    text: Would you recommend us?
  - id: tier
    type: single
    options: [1, 2, 3]
    text: Which plan do you have?
  - id: used
    type: multi
    options: [app, store, web]
    text: Which channels did you use?
  - section: per_channel
    for_each: used
    questions:
      - {id: channel_sat, type: scale, min: 1, max: 5, text: "How satisfied with {item}?"}
      - {id: channel_nps, type: nps, text: "Would you recommend {item}?"}
  - id: service
    type: grid
    min: 1
    max: 5
    rows:
      - {id: speed, text: Speed}
      - {id: staff, text: Staff}
    text: Rate our service.
  - compute: promoter
    value: recommend >= 9
scores:
  nps: {method: nps, item: recommend}
  channel_nps: {method: nps, item: channel_nps}
  ease_top2: {method: top_box, item: ease, top: 2}
  ease_bottom3: {method: bottom_box, item: ease, bottom: 3}
  csat: {method: top_box, item: channel_sat, top: 2}
  tier_top: {method: top_box, item: tier, top: 1}
  success: {method: percent, rule: solved}
  loyal_new: {method: percent, rule: "meta.segment == 'new' and recommend >= 9"}
  ces: {method: mean, items: [ease, {item: effort_hard, reverse: true}, clarity], min_answered: 2}
  ces_sum: {method: sum, items: [ease, {item: effort_hard, reverse: true}]}
  channel_mean: {method: mean, items: [channel_sat]}
  channel_service: {method: mean, items: [channel_sat, service.speed]}
  service: {method: mean, items: [service]}
  drivers: {method: drivers, target: recommend, items: [ease, solved, clarity, channel_sat, promoter]}
"""

    /// The fixture, validated once.
    static let fixture: CheckedQuestionnaire = {
        let report = Validator.validate(Array(questionnaireYAML.utf8))
        guard let checked = report.checked, !report.hasErrors else {
            FuzzFinding.fail("the harness's questionnaire does not validate: \(report.diagnostics.map(\.message))")
        }
        return checked
    }()

    /// Runs one input.
    public static func run(_ bytes: [UInt8]) {
        var start = 0
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            checkParserPaths(Array(bytes[start..<end]))
            start = end + 1
        }
        let path = NSTemporaryDirectory() + "touchpoint-fuzz-\(getpid()).jsonl"
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { FuzzFinding.fail("cannot write \(path)") }
        defer { unlink(path) }
        var verifier = ResponseVerifier(fixture)
        try? verifier.verify(.file(path)) { _ in }
        // The record checks alone (no fast path): score must reject exactly these lines, with these messages.
        var reader = ResponseReader(fixture)
        var checked: [String] = []
        try? reader.read(.file(path), accept: { _ in }, reject: { checked.append($0.description) })
        let options = [
            ScoreOptions(),
            ScoreOptions(groupBy: ["meta.segment", "tier"], period: .week, weight: "meta.weight", interval: .adjustedWald),
            ScoreOptions(period: .day, weight: "ease"),
        ]
        for (index, option) in options.enumerated() {
            guard var engine = try? ScoreEngine(fixture, options: option) else { continue }
            engine.parallelism = 1
            var rejections: [String] = []
            try? engine.read(.file(path)) { rejections.append($0.description) }
            let report = engine.report()
            if index == 0, rejections != checked {
                FuzzFinding.fail("score's fast path and the record checks disagree: \(rejections.prefix(3)) against \(checked.prefix(3))")
            }
            _ = JSONWriter().string(report.json)
            if index == 0, verifier.counts.rejected == 0, report.responses.rejected > 0 {
                FuzzFinding.fail("verify found every line clean, but score rejected \(report.responses.rejected)")
            }
        }
    }

    /// The parser's three ways into a line must agree, and what it reads must survive a round trip.
    static func checkParserPaths(_ line: [UInt8]) {
        let parser = JSONParser(rejectsDuplicateKeys: true)
        var value: JSONValue?
        var treeError: JSONError?
        do { value = try parser.parse(line) } catch { treeError = error }
        var checkError: (any Error)?
        line.withUnsafeBytes { buffer in
            do { try parser.validate(buffer) } catch { checkError = error }
        }
        if let checkError, treeError == nil { FuzzFinding.fail("parse accepts a line that validate rejects: \(checkError)") }
        if let treeError, checkError == nil { FuzzFinding.fail("validate accepts a line that parse rejects: \(treeError)") }
        guard let value else { return }
        if case .object = value {
            do { _ = try parser.parseObject(line) } catch { FuzzFinding.fail("parseObject rejects an object that parse accepts: \(error)") }
        }
        let written = JSONWriter().string(value)
        guard let back = try? JSONParser().parse(written) else { FuzzFinding.fail("written JSON does not parse: \(written)") }
        if back != value { FuzzFinding.fail("a round trip changes the value: \(written)") }
    }
}
