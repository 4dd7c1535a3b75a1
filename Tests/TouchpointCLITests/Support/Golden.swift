import Foundation
import Testing

/// Compares command output with the expected output stored in Fixtures/golden/.
///
/// When the output changes on purpose, re-record every golden file by running the tests with the environment
/// variable `TOUCHPOINT_RECORD_GOLDEN=1`, for example
/// `TOUCHPOINT_RECORD_GOLDEN=1 swift test --filter TouchpointCLITests`, then review the diff before committing.
/// A test that records still fails, so that a recording run is never mistaken for a passing one.
enum Golden {
    static let folder = Workspace.fixtures + "/golden"

    static var isRecording: Bool { ProcessInfo.processInfo.environment["TOUCHPOINT_RECORD_GOLDEN"] == "1" }

    /// Expects `actual` to equal the golden file `name` exactly (or records it).
    static func check(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = folder + "/" + name
        if isRecording {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
            Issue.record("recorded \(name); run again without TOUCHPOINT_RECORD_GOLDEN to check it", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no golden file \(name); run with TOUCHPOINT_RECORD_GOLDEN=1 to record it", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            Issue.record("output differs from golden/\(name) (re-record with TOUCHPOINT_RECORD_GOLDEN=1 if the change is intended)\n\(diff(expected, actual))",
                         sourceLocation: sourceLocation)
        }
    }

    /// The first differing lines, enough to see what changed.
    private static func diff(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for i in 0..<max(e.count, a.count) where out.count < 12 {
            let x = i < e.count ? String(e[i]) : "<none>"
            let y = i < a.count ? String(a[i]) : "<none>"
            if x != y { out += ["line \(i + 1):", "- \(x)", "+ \(y)"] }
        }
        return out.joined(separator: "\n")
    }
}
