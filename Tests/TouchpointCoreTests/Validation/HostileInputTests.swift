import Foundation
import Testing
import TouchpointCore

/// Hostile files end in a clear error quickly, never in a hang or a crash (SPEC section 7).
///
/// The time bounds are generous guards against exponential blow-up or a hang, not benchmarks.
@Suite("Hostile questionnaire files")
struct HostileInputTests {
    /// Validates `bytes`, returning the report and how long it took.
    func validate(_ bytes: [UInt8], fileSize: Int? = nil) -> (Validator.Report, Duration) {
        var report: Validator.Report?
        let elapsed = ContinuousClock().measure { report = Validator.validate(bytes, fileSize: fileSize) }
        return (report ?? Validator.Report(questionnaire: nil, diagnostics: [], effort: nil, table: nil), elapsed)
    }

    func codes(_ report: Validator.Report) -> [DiagnosticCode] { report.diagnostics.map(\.code) }

    @Test func aliasBombIsRefusedQuickly() {
        var yaml = "touchpoint: 1\nid: bomb\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...12 { yaml += "lol\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "questions: []\n"
        let (report, elapsed) = validate(Array(yaml.utf8))
        #expect(codes(report) == [.yamlAliasLimit])
        #expect(report.diagnostics.first?.message.contains("1000000 values") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func flowNesting100000DeepIsRefusedQuickly() {
        let yaml = "touchpoint: 1\nid: deep\nquestions: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let (report, elapsed) = validate(Array(yaml.utf8))
        #expect(codes(report) == [.yamlTooDeep])
        #expect(report.diagnostics.first?.position.line == 3)
        #expect(elapsed < .seconds(2))
    }

    @Test func blockNesting100000DeepIsRefusedQuickly() {
        let yaml = "touchpoint: 1\nid: deep\nquestions:\n  " + String(repeating: "- ", count: 100_000) + "x\n"
        let (report, elapsed) = validate(Array(yaml.utf8))
        #expect(codes(report) == [.yamlTooDeep])
        #expect(elapsed < .seconds(2))
    }

    @Test func fiftyMegabyteScalarIsRefusedBeforeParsing() {
        var bytes = Array("touchpoint: 1\nid: big\nquestions:\n  - {id: a, type: text, text: \"".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 50 * 1024 * 1024)
        bytes += Array("\"}\n".utf8)
        let (report, elapsed) = validate(bytes)
        #expect(codes(report) == [.fileTooLarge])
        #expect(report.diagnostics.first?.message.contains("50.0 MB") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func twentyMegabyteFileIsRefusedFromItsSizeAlone() {
        // FileReader hands over only the first limit + 1 bytes of a large file, with its real size.
        let (report, elapsed) = validate(Array(repeating: UInt8(ascii: "#"), count: 8 * 1024 * 1024 + 1), fileSize: 20 * 1024 * 1024)
        #expect(codes(report) == [.fileTooLarge])
        #expect(report.diagnostics.first?.message.contains("20.0 MB") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test func longScalarWithinTheFileLimitIsRefused() {
        let yaml = "touchpoint: 1\nid: long\nquestions:\n  - {id: a, type: text, text: " + String(repeating: "y", count: 300_000) + "}\n"
        let (report, _) = validate(Array(yaml.utf8))
        #expect(codes(report) == [.scalarTooLong])
        #expect(report.diagnostics.first?.position == SourcePosition(line: 4, column: 31))
    }

    @Test func binaryGarbageIsRefused() {
        var rng = SeededRandom(seed: 42)
        let bytes = (0..<100_000).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        let (report, elapsed) = validate(bytes)
        #expect(codes(report) == [.encoding])
        #expect(elapsed < .seconds(2))
    }

    @Test func emptyFileIsRefused() {
        #expect(codes(validate([]).0) == [.fileEmpty])
        #expect(codes(validate(Array("  \n\n".utf8)).0) == [.fileEmpty])
        #expect(codes(validate(Array("# only a comment\n".utf8)).0) == [.fileEmpty])
    }

    @Test func utf16IsRefusedWithAnExplanation() {
        let text = "touchpoint: 1\nid: s\nquestions: []\n"
        var withBOM: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { withBOM += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let withoutBOM = Array(withBOM.dropFirst(2))
        for bytes in [withBOM, withoutBOM] {
            let report = validate(bytes).0
            #expect(codes(report) == [.encoding])
            #expect(report.diagnostics.first?.message.contains("UTF-16") == true)
        }
    }

    @Test func invalidUTF8IsRefusedAtItsPosition() {
        let bytes = Array("touchpoint: 1\nid: s\ntitle: caf".utf8) + [0xE9] + Array("\nquestions: []\n".utf8)
        let report = validate(bytes).0
        #expect(codes(report) == [.encoding])
        #expect(report.diagnostics.first?.position == SourcePosition(line: 3, column: 11))
    }

    @Test func catastrophicPatternIsHarmless() throws {
        let yaml = """
        touchpoint: 1
        id: s
        questions:
          - {id: code, type: text, pattern: "(a+)+b", text: Code?}
        """
        let (report, _) = validate(Array(yaml.utf8))
        #expect(!report.hasErrors)
        var interview = Interview(try #require(report.checked))
        let answer = String(repeating: "a", count: 30_000)
        var feedback: Feedback?
        let elapsed = ContinuousClock().measure { feedback = interview.submit(answer) }
        guard case .invalid = feedback else {
            Issue.record("a text that does not match the pattern must be refused, got \(String(describing: feedback))")
            return
        }
        #expect(elapsed < .seconds(2))
        #expect(interview.submit("aaab") == .accepted)
    }
}

/// Numbers too large for an integer never trap: they are refused where a count is needed and shown as written elsewhere.
@Suite("Huge numbers in a questionnaire")
struct HugeNumberTests {
    @Test func hugeNumberRangeIsShownAndAsked() throws {
        let yaml = "touchpoint: 1\nid: big\nquestions:\n  - {id: n, type: number, min: 0, max: 1e300, text: How many?}\n"
        let report = Validator.validate(Array(yaml.utf8))
        #expect(!report.hasErrors)
        let checked = try #require(report.checked)
        #expect(ScriptRenderer(checked).render().contains("0-1e+300"))
        var interview = Interview(checked)
        guard case .invalid(let message) = interview.submit("-1") else { Issue.record("out of range accepted"); return }
        #expect(message.contains("1e+300"))
    }

    @Test func hugeScaleEndsAreRefusedAtTheirPosition() {
        let yaml = "touchpoint: 1\nid: big\nquestions:\n  - {id: s, type: scale, min: 1, max: 1e300, text: Rate}\n"
        let report = Validator.validate(Array(yaml.utf8))
        #expect(report.diagnostics.map(\.code) == [.badRange])
        #expect(report.diagnostics.first?.position == SourcePosition(line: 4, column: 39))
    }
}
