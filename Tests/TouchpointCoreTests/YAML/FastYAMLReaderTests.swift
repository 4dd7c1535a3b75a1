import Foundation
import Testing
@testable import TouchpointCore

/// Our own YAML reader either declines a file or reads exactly the tree libyaml reads, positions included.
///
/// Random cases are seeded: a failure prints its seed, and `TOUCHPOINT_YAML_SEED=N` replays that one case
/// (`TOUCHPOINT_YAML_CASES=N` sets how many random cases run; `TOUCHPOINT_YAML_DEBUG=1` prints where each declined).
@Suite struct FastYAMLReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A difference between the two readers' results, described for a person, or nil when they agree.
    static func difference(_ bytes: [UInt8]) -> String? {
        let slow = YAMLLoader.load(bytes, watcher: nil, reader: .libyaml)
        let fast = YAMLLoader.load(bytes, watcher: nil, reader: .fastest)
        if slow.diagnostics != fast.diagnostics {
            return "diagnostics differ: libyaml \(slow.diagnostics) fast \(fast.diagnostics)"
        }
        switch (slow.root, fast.root) {
        case (nil, nil): return nil
        case (let a?, let b?): return difference(a, b, path: "root")
        default: return "one root is missing"
        }
    }

    /// Compares every field of two trees, scalar text byte by byte.
    static func difference(_ a: YAMLNode, _ b: YAMLNode, path: String) -> String? {
        if a.position != b.position { return "\(path): position libyaml \(a.position) fast \(b.position)" }
        switch (a.content, b.content) {
        case (.scalar(let x), .scalar(let y)):
            if Array(x.text.utf8) != Array(y.text.utf8) { return "\(path): text libyaml \(x.text.debugDescription) fast \(y.text.debugDescription)" }
            if x.style != y.style || x.tag != y.tag { return "\(path): style libyaml \(x.style) fast \(y.style)" }
            return nil
        case (.sequence(let x), .sequence(let y)):
            if x.count != y.count { return "\(path): \(x.count) items vs \(y.count)" }
            for k in x.indices {
                if let d = difference(x[k], y[k], path: "\(path)[\(k)]") { return d }
            }
            return nil
        case (.mapping(let x), .mapping(let y)):
            if x.count != y.count { return "\(path): \(x.count) pairs vs \(y.count)" }
            for k in x.indices {
                if let d = difference(x[k].key, y[k].key, path: "\(path).key\(k)") { return d }
                if let d = difference(x[k].value, y[k].value, path: "\(path).value\(k)") { return d }
            }
            return nil
        default:
            return "\(path): kinds differ"
        }
    }

    /// Whether the fast reader takes the bytes (rather than declining).
    static func taken(_ bytes: [UInt8]) -> Bool {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        return body.withUnsafeBufferPointer { FastYAMLReader.events($0, limits: .standard) != nil }
    }

    /// Every YAML file of the repository, and the YAML blocks of the documentation.
    static func corpus() -> [(String, [UInt8])] {
        var files: [(String, [UInt8])] = []
        let fm = FileManager.default
        for folder in ["questionnaires", "Tests", "docs", "examples", "bench/out"] {
            let root = repository.appendingPathComponent(folder)
            guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: nil) else { continue }
            for case let url as URL in walker {
                let name = url.lastPathComponent
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml"), let data = fm.contents(atPath: url.path) {
                    files.append((url.path, Array(data)))
                } else if name.hasSuffix(".md"), folder == "docs", let data = fm.contents(atPath: url.path) {
                    let text = String(decoding: data, as: UTF8.self)
                    var block: [Substring]?
                    var count = 0
                    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                        if block == nil, line.hasPrefix("```yaml") {
                            block = []
                        } else if block != nil, line.hasPrefix("```") {
                            count += 1
                            files.append(("\(url.path) block \(count)", Array((block ?? []).joined(separator: "\n").utf8) + [0x0A]))
                            block = nil
                        } else if block != nil {
                            block?.append(line)
                        }
                    }
                }
            }
        }
        return files
    }

    @Test func everyRepositoryFileReadsTheSameAsWithLibyaml() {
        let files = Self.corpus()
        #expect(files.count > 20)
        for (name, bytes) in files {
            if let d = Self.difference(bytes) { Issue.record("\(name): \(d)") }
        }
    }

    @Test func theShippedQuestionnairesTakeTheFastPath() throws {
        let folder = Self.repository.appendingPathComponent("questionnaires")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }
        #expect(!names.isEmpty)
        for name in names {
            let bytes = Array(FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) ?? Data())
            let offset = bytes.withUnsafeBufferPointer { FastYAMLReader.declineOffset($0, limits: .standard) }
            #expect(offset == nil, "\(name) was declined at byte \(offset ?? 0)")
        }
    }

    @Test func aLargeGeneratedQuestionnaireTakesTheFastPathAndReadsTheSame() {
        var yaml = "touchpoint: 1\nid: big\ntitle: \"Big form\"\ndefaults: {required: true, dont_know: false}\nquestions:\n"
        for k in 0..<400 {
            yaml += "  - id: q\(k)\n    type: single\n    text: \"How was part \(k)? It's fine\"\n"
            yaml += "    help: Think of the last time, in plain words\n      over two lines.\n"
            yaml += "    options:\n      - {value: a\(k), label: \"Good\"}\n      - {value: b, label: 'Bad, really'}\n"
            yaml += "    checks:\n    - {rule: \"q\(k) != 'b'\", message: \"Sure?\", soft: true}\n    when: q0 == 1 # comment\n\n"
        }
        let bytes = Array(yaml.utf8)
        #expect(Self.taken(bytes))
        #expect(Self.difference(bytes) == nil)
    }

    @Test func seededRandomAndMutatedDocumentsReadTheSameOrAreDeclined() {
        let env = ProcessInfo.processInfo.environment
        let cases = env["TOUCHPOINT_YAML_CASES"].flatMap { Int($0) } ?? 4000
        let seeds: [UInt64] = env["TOUCHPOINT_YAML_SEED"].flatMap { UInt64($0) }.map { [$0] }
            ?? (0..<UInt64(cases)).map { 0x5EED_0000 + $0 }
        var taken = 0
        var failures = 0
        for seed in seeds {
            let bytes = RandomYAML.document(seed: seed)
            if let d = Self.difference(bytes) {
                failures += 1
                if failures <= 5 {
                    Issue.record("seed \(seed) (replay: TOUCHPOINT_YAML_SEED=\(seed)): \(d)\n---\n\(String(decoding: bytes, as: UTF8.self))\n---")
                }
            }
            if Self.taken(bytes) {
                taken += 1
            } else if env["TOUCHPOINT_YAML_DEBUG"] != nil {
                let at = bytes.withUnsafeBufferPointer { FastYAMLReader.declineOffset($0, limits: .standard) } ?? 0
                let lo = max(0, at - 30), hi = min(bytes.count, at + 10)
                print("DECLINE \(seed) at \(at): \(String(decoding: bytes[lo..<at], as: UTF8.self).debugDescription) ^ \(String(decoding: bytes[at..<hi], as: UTF8.self).debugDescription)")
            }
        }
        // The generator must exercise the fast path, not only the declines.
        if seeds.count > 100 { #expect(taken * 8 > seeds.count, "only \(taken) of \(seeds.count) taken") }
    }

    @Test func handWrittenEdgeCasesReadTheSame() {
        let cases = [
            "a: 1\nb:\nc: ~\n", "a:\n- 1\n-\n- - x\n  - y\nb: 2\n", "- a: 1\n  b: 2\n- c\n", "a: b\n  c\n\n  d\n",
            "a: 'it''s'\nb: \"\\u00e9\\x41\\N\\t\"\n", "a: [1, [2, 3], {b: c}]\n", "a: {}\nb: []\n", "a:    x   # c\n",
            "é: ü\nkey: ñ value\n", "a:b\n", "a: b: c\n", "a: 1\na: 2\n", "- \n- # c\n-\n", "  a: 1\n  b: 2\n",
            "a:\n  - x\n  -\n    y: 1\n", "a: -5\nb: -x\nc: 1.5e3\n", "a: x#y\n", "a: \"x\"#y\n", "a: [a, b,]\n",
            "a: {x: 1, y: }\n", "q: \"What is it\"\nr: 'x'\n", "a: http://x.y/z\n", "a: 12:30\n", "a: [x:y]\n",
            "a:\n\n\n  b: 1\n", "# only\n", "a: 1\n...\n", "a: \"\\ud800\"\n", "a: \"\\U0001F600\"\n", "a: \"x\\\n y\"\n",
        ]
        for text in cases {
            if let d = Self.difference(Array(text.utf8)) { Issue.record("\(text.debugDescription): \(d)") }
        }
    }
}
