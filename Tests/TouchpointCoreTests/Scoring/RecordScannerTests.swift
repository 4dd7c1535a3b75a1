import Foundation
import Testing
import TouchpointJSON
@testable import TouchpointCore

/// The scoring fast path (`RecordScanner`) accepts a line only when the record checks accept it, with the
/// same values, and accepts the ordinary lines it exists for.
///
/// Seeded and bounded: valid lines of two questionnaires, and many copies changed byte by byte and value by
/// value; a failure names the seed and the line. `TOUCHPOINT_PROPERTY_SEED=N` replays one seed.
@Suite("record scanner: the fast path agrees with the record checks")
struct RecordScannerTests {
    /// The two paths for one questionnaire, set up as `ScoreEngine` sets up its reader.
    struct Paths {
        let schema: ResponseSchema
        let scanner: RecordScanner
        let checker: RecordChecker
        let parser: JSONParser
        let keys: JSONKeySet

        init(_ checked: CheckedQuestionnaire, options: ScoreOptions = ScoreOptions()) {
            let unslotted = ResponseSchema(checked)
            schema = ResponseSchema(checked, slots: ScorePlan.slots(for: checked.questionnaire, options: options, schema: unslotted))
            let checksTimes = options.period != nil
            parser = JSONParser(strings: RecordKey.stringTable)
            scanner = RecordScanner(schema: schema, parser: parser, checksTimes: checksTimes)
            checker = RecordChecker(schema: schema, checksTimes: checksTimes)
            keys = JSONKeySet(RecordKey.checked.filter { checksTimes || $0 != .completedAt }.map(\.rawValue))
        }

        /// The slow path's record, or nil when it rejects the line.
        func slow(_ line: [UInt8]) -> CheckedResponse? {
            line.withUnsafeBytes { bytes in
                guard let object = try? parser.parseObject(bytes, keeping: keys) else { return nil }
                return try? checker.check(object, source: .standardInput, line: 1)
            }
        }

        /// The record the fast path fills, one for all the lines of these paths as the reader keeps one, so
        /// that a value left from an earlier line (accepted or given up half-way) would show.
        final class Scratch: @unchecked Sendable {
            var record: CheckedResponse?
        }

        let scratch = Scratch()

        func fast(_ line: [UInt8]) -> CheckedResponse? {
            var record = scratch.record ?? scanner.emptyRecord(source: .standardInput)
            scratch.record = nil
            defer { scratch.record = record }
            let passed = line.withUnsafeBytes { scanner.scan($0, into: &record, source: .standardInput, line: 1) }
            return passed ? record : nil
        }
    }

    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func journey() throws -> CheckedQuestionnaire {
        let bytes = Array(try Data(contentsOf: repository.appendingPathComponent("questionnaires/customer_journey.yaml")))
        return try #require(Validator.validate(bytes).checked)
    }

    /// Lines in the shape `touchpoint run` writes for the customer journey, as the benchmark's generator makes them.
    static let journeyLines: [String] = [
        #"{"questionnaire":"customer_journey","version":"2026.11","questionnaire_sha256":"dd66","response_id":"547c17d3-0e3a-455f-a073-1ab24c8b1eb4","status":"complete","respondent":null,"interviewer":"garcia","mode":"headless","language":"en","started_at":"2026-10-17T20:02:12Z","completed_at":"2026-10-17T20:03:41Z","meta":{"segment":"regular","store":"Online"},"answers":{"customer_12m":true,"purchases":2,"stages":["awareness","acquisition","use","feedback"],"stage_success":{"awareness":true,"acquisition":true,"use":true,"feedback":false},"stage_effort":{"awareness":5,"acquisition":5,"use":5,"feedback":4},"stage_emotion":{"awareness":3,"acquisition":1,"use":3,"feedback":3},"need_met":true,"recommend":7},"missing":{},"computed":{"promoter":false,"mean_effort":4.75,"mean_emotion":2.5},"path":["customer_12m","purchases","stages"],"durations_ms":{"customer_12m":2227,"need_met":1889},"option_order":{},"warnings":[]}"#,
        #"{"questionnaire":"customer_journey","response_id":"a1","status":"complete","language":"zh","meta":{"segment":"new","store":"上海南京路店"},"answers":{"customer_12m":true,"stages":["use"],"stage_success":{"use":true},"stage_effort":{"use":2},"stage_emotion":{"use":1},"need_met":false,"recommend":3,"reason":"送货太慢了，包装也破损了。"},"missing":{"purchases":"dont_know"},"computed":{"promoter":false,"mean_effort":2,"mean_emotion":1}}"#,
        #"{"questionnaire":"customer_journey","response_id":"a2","status":"screened_out","language":"en","meta":{"segment":"high_value"},"answers":{"customer_12m":false},"missing":{},"computed":{}}"#,
        #"{"questionnaire":"customer_journey","response_id":"a3","status":"complete","meta":{"segment":"regular","store":null},"answers":{"customer_12m":true,"purchases":0,"stages":["awareness","use"],"stage_success":{"awareness":true},"stage_effort":{"awareness":7,"use":6},"stage_emotion":{"awareness":4,"use":5},"need_met":true,"recommend":10,"reason":"Too many steps to return a product."},"missing":{"stage_success":{"use":"dont_know"}},"computed":{"promoter":true,"mean_effort":6.5,"mean_emotion":4.5}}"#,
        // Keys out of the order records are written in (record fields, answers, loop options), an unknown field,
        // and a key that starts like an expected one: the scanner expects the usual order and must not depend on it.
        #"{"response_id":"a5","questionnaire":"customer_journey","extra":1,"status":"complete","meta":{"store":"Online","segment":"new"},"answers":{"recommend":6,"customer_12m":true,"stages":["use","awareness"],"stage_effort":{"use":3,"awareness":5},"stage_emotion":{"use":2,"awareness":4},"stage_success":{"use":true,"awareness":false},"need_met":true},"missing":{"purchases":"refused"},"computed":{"mean_emotion":3,"promoter":false,"mean_effort":4},"questionnaire_sha256":"ab","completed_at":null,"language":"en","mode":"headless"}"#,
        #"{"questionnaire":"customer_journey","response_id":"a4","status":"complete","meta":{"segment":"high_value","store":"Online"},"answers":{"customer_12m":true,"stages":["awareness","use","feedback"],"stage_success":{"awareness":true},"stage_effort":{"awareness":7,"use":6,"feedback":4},"stage_emotion":{"awareness":4,"use":5,"feedback":2},"need_met":true,"recommend":9},"missing":{"purchases":"refused","stage_success":{"use":"dont_know","feedback":"dont_know"}},"computed":{"promoter":true,"mean_effort":5.666666666666667,"mean_emotion":3.6666666666666665}}"#,
    ]

    static var seeds: [UInt64] {
        if let text = ProcessInfo.processInfo.environment["TOUCHPOINT_PROPERTY_SEED"], let seed = UInt64(text) { return [seed] }
        return (1...UInt64(12)).map { $0 &* 104_729 }
    }

    @Test func theOrdinaryLinesTakeTheFastPathWithTheCheckersValues() throws {
        let journey = Paths(try Self.journey(), options: ScoreOptions(groupBy: ["meta.segment"]))
        for line in Self.journeyLines.map({ Array($0.utf8) }) {
            let fast = try #require(journey.fast(line), "the fast path gives up on \(String(decoding: line, as: UTF8.self))")
            Self.expectSame(fast, try #require(journey.slow(line)), journey.schema, String(decoding: line, as: UTF8.self))
        }
        let fixture = Paths(try ScoringFixture.load())
        let lines = try ParallelScoringTests.fixtureLines().map { Array($0.utf8) }
        let accepted = lines.filter { fixture.slow($0) != nil }
        let fast = accepted.filter { fixture.fast($0) != nil }
        #expect(fast.count * 10 >= accepted.count * 9, "the fast path takes only \(fast.count) of \(accepted.count) valid fixture lines")
    }

    @Test func aChangedLineIsAcceptedOnlyWhenTheCheckerAcceptsIt() throws {
        let setups: [(Paths, [[UInt8]])] = [
            (Paths(try Self.journey(), options: ScoreOptions(groupBy: ["meta.segment"])), Self.journeyLines.map { Array($0.utf8) }),
            (Paths(try ScoringFixture.load(), options: ScoreOptions(period: .month)),
             try ParallelScoringTests.fixtureLines().map { Array($0.utf8) }),
            (Paths(try Self.loopScoring()), try ParallelScoringTests.fixtureLines().map { Array($0.utf8) }),
        ]
        for seed in Self.seeds {
            var random = SeededRandom(seed: seed)
            var fastAccepted = 0
            for (paths, lines) in setups {
                for _ in 0..<400 {
                    var line = lines[Int(random.next() % UInt64(lines.count))]
                    for _ in 0...(random.next() % 3) { Self.mutate(&line, &random) }
                    let label = "seed \(seed): \(String(decoding: line, as: UTF8.self))"
                    guard let fast = paths.fast(line) else { continue }
                    fastAccepted += 1
                    guard let slow = paths.slow(line) else {
                        Issue.record("the fast path accepts a line the checker rejects; \(label)")
                        continue
                    }
                    Self.expectSame(fast, slow, paths.schema, label)
                }
            }
            #expect(fastAccepted > 0, "seed \(seed): no changed line took the fast path")
        }
    }

    static func expectSame(_ fast: CheckedResponse, _ slow: CheckedResponse, _ schema: ResponseSchema, _ label: String) {
        #expect(fast.responseID == slow.responseID, "\(label)")
        #expect(fast.status == slow.status, "\(label)")
        #expect(fast.language == slow.language, "\(label)")
        #expect(fast.completedAt == slow.completedAt, "\(label)")
        #expect(fast.missingMask == slow.missingMask, "\(label)")
        #expect(fast.missing == slow.missing, "\(label)")
        #expect(slow.numberedMask == 0 && slow.numbers.isEmpty, "the checker keeps JSON values only; \(label)")
        #expect(fast.values.count == slow.values.count, "\(label)")
        for slot in fast.values.indices where slot < slow.values.count {
            guard fast.isNumbered(slot) else {
                #expect(fast.values[slot] == slow.values[slot], "slot \(slot); \(label)")
                continue
            }
            // A numbered slot holds, in `numbers`, what an item reader takes from the checker's JSON.
            #expect(fast.values[slot] == nil, "slot \(slot); \(label)")
            guard let entry = schema.questions.values.first(where: { $0.slot == slot }), entry.isNumbered else {
                Issue.record("slot \(slot) is numbered but its question is not; \(label)")
                continue
            }
            #expect(slow.wasAsked(entry.question.id, slot: slot) == fast.wasAsked(entry.question.id, slot: slot), "\(label)")
            let read = fast.numbers.filter { $0.slot == Int32(slot) }.map { "\(entry.loops[0].orderedKeys[Int($0.option)])=\($0.value)" }
            var expected: [String] = []
            if case .object(let object)? = slow.values[slot] {
                for member in object.members {
                    switch member.value {
                    case .number(let x): expected.append("\(member.key)=\(x)")
                    case .bool(let b): expected.append("\(member.key)=\(b ? 1.0 : 0.0)")
                    default: continue
                    }
                }
            } else {
                Issue.record("slot \(slot): the checker holds \(String(describing: slow.values[slot])); \(label)")
            }
            #expect(read == expected, "slot \(slot); \(label)")
        }
    }

    /// The scoring fixture with scores that read loop answers every way an item reader can: one round of a
    /// loop, reverse-coded, paired with another item of the loop and with items outside it.
    static func loopScoring() throws -> CheckedQuestionnaire {
        var text = try String(contentsOfFile: ScoringFixture.folder.appendingPathComponent("scoring.yaml").path, encoding: .utf8)
        let extra = """
        scores:
          app_sat: {method: mean, items: ["channel_sat[app]"]}
          app_top: {method: top_box, item: "channel_sat[web]", top: 1}
          reversed_one: {method: mean, items: [{item: channel_sat, reverse: true}]}
          reversed_pair: {method: mean, items: [{item: channel_sat, reverse: true}, channel_nps], min_answered: 1}
          mixed: {method: mean, items: [channel_nps, "channel_sat[store]", ease], min_answered: 2}
          round_drivers: {method: drivers, target: recommend, items: ["channel_sat[app]", channel_nps, {item: channel_sat, reverse: true}]}
          loop_drivers: {method: drivers, target: channel_nps, items: [channel_sat, ease, "channel_sat[store]"]}

        """
        text = text.replacingOccurrences(of: "scores:\n", with: extra)
        let report = Validator.validate(Array(text.utf8))
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        return try #require(report.checked)
    }

    /// Scoring `lines` of `checked` through the byte scanner and through the checker gives the same report.
    static func expectBothPathsAgree(_ checked: CheckedQuestionnaire, lines: [String], options: ScoreOptions = ScoreOptions(),
                                     sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let file = try ResponseFile(lines)
        func report(scansBytes: Bool) throws -> String {
            var engine = try ScoreEngine(checked, options: options)
            engine.parallelism = 1
            engine.reader = ResponseReader(schema: engine.schema, checksTimes: options.period != nil, keepsAllFields: false,
                                           scansBytes: scansBytes)
            try engine.read(.file(file.path)) { Issue.record("rejected: \($0.description)", sourceLocation: sourceLocation) }
            return JSONWriter().string(engine.report().json)
        }
        let fast = try report(scansBytes: true)
        #expect(fast == (try report(scansBytes: false)), sourceLocation: sourceLocation)
        return fast
    }

    /// The usability questionnaire without its time-on-task scores (which read durations, so that the scanner
    /// is not used): task outcomes are options of a loop question, read as JSON, never as numbers.
    @Test func usabilityScoresReadTheirLoopAnswersFromBothPaths() throws {
        let path = Self.repository.appendingPathComponent("questionnaires/usability_test.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("time_on_task") && !$0.contains("_time:") }.joined(separator: "\n")
        let report = Validator.validate(Array(text.utf8))
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty, "\(report.diagnostics)")
        let checked = try #require(report.checked)
        #expect(!ResponseSchema(checked).readsDurations, "the scores must leave the byte scanner in use")
        var lines: [String] = []
        let simulator = Simulator(checked)
        _ = simulator.run(count: 120, seed: 7) { interview, id in
            var bytes: [UInt8] = []
            interview.record(InterviewContext(responseID: id, questionnaireSHA256: "00", respondent: nil, mode: .headless,
                                              startedAt: "2026-01-01T00:00:00Z", completedAt: "2026-01-01T00:00:00Z")).write(to: &bytes)
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        let fast = try Self.expectBothPathsAgree(checked, lines: lines)
        #expect(fast.contains("\"task_completion\":{\"method\":\"completion\",\"n\":"), "\(fast)")
        #expect(!fast.contains("\"task_completion\":{\"method\":\"completion\",\"n\":0"), "no outcome was read: \(fast)")
    }

    @Test func scoresReadFromTheNumbersAreThoseReadFromTheJSON() throws {
        let checked = try Self.loopScoring()
        let fast = try Self.expectBothPathsAgree(checked, lines: try ParallelScoringTests.fixtureLines(),
                                                 options: ScoreOptions(groupBy: ["meta.segment"]))
        // The scores above did read numbers: each is scored, none is unavailable.
        for id in ["app_sat", "app_top", "reversed_one", "reversed_pair", "mixed", "round_drivers", "loop_drivers"] {
            #expect(fast.contains("\"\(id)\":{\"method\""), "\(id) is missing from \(fast)")
        }
        #expect(!fast.contains("unavailable"), "\(fast)")
        let paths = Paths(checked, options: ScoreOptions(groupBy: ["meta.segment"]))
        let numbered = try ParallelScoringTests.fixtureLines().compactMap { paths.fast(Array($0.utf8)) }.filter { $0.numberedMask != 0 }
        #expect(numbered.count > 40, "only \(numbered.count) fixture lines kept loop answers as numbers")
    }

    /// Bytes and values that change what a line means: JSON punctuation, escapes, bytes beyond ASCII, other
    /// numbers, literals and option values.
    static let pieces: [String] = [
        "\"", "\\", "{", "}", "[", "]", ",", ":", " ", "0", "7", "-", ".", "e", "n", "\u{0}", "\u{7F}", "é", "K",
        "\u{212A}", "null", "true", "false", "11", "-1", "4.5", "1e2", "07", "\"\"", "\"new\"", "\"use\"", "\"app\"",
        "[]", "{}", "\"dont_know\"", "\"skipped\"", "\"refused\"", "\"a\\u0041\"", "\"\u{212A}\"", "1.0", "-0", "9007199254740993",
        "3.6666666666666665", "-0.1000000000000000055511151231257827", "123456789012345678901234567890", "0.00000000000000000000000001",
    ]

    static func mutate(_ line: inout [UInt8], _ random: inout SeededRandom) {
        guard !line.isEmpty else { return }
        let at = Int(random.next() % UInt64(line.count))
        let piece = Array(pieces[Int(random.next() % UInt64(pieces.count))].utf8)
        switch random.next() % 5 {
        case 0: line.remove(at: at)
        case 1: line.insert(contentsOf: piece, at: at)
        case 2: line.replaceSubrange(at..<min(line.count, at + piece.count), with: piece)
        default:
            // Replace one whole value (after a `:` or a `,` in an array) with the piece.
            guard let colon = line[at...].firstIndex(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: ",") }) else { return }
            var stop = colon + 1
            while stop < line.count, ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]")].contains(line[stop]) { stop += 1 }
            line.replaceSubrange((colon + 1)..<stop, with: piece)
        }
    }
}
