@preconcurrency import Glibc
import Foundation
import TestSupport
import TouchpointCore

/// What one finished run of `touchpoint` left behind.
struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// A throwaway folder a test runs `touchpoint` in (as its current folder), with the fixtures it needs.
///
/// Every test gets its own, so tests may run in parallel and never write into the repository.
final class Workspace {
    private let directory: TemporaryDirectory

    /// The folder's absolute path.
    var path: String { directory.path }

    /// The built binary under test.
    static let binary = PseudoTerminal.builtProduct("touchpoint")

    /// The repository root, found from this file's place in it.
    static let repositoryRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }   // Support, TouchpointCLITests, Tests, root
        return url.path
    }()

    /// Tests/TouchpointCLITests/Fixtures.
    static let fixtures = repositoryRoot + "/Tests/TouchpointCLITests/Fixtures"

    /// A predictable environment: UTF-8, no colour, 200 columns (so prompts do not wrap), no inherited settings.
    static var environment: [String: String] {
        ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
         "COLUMNS": "200", "NO_COLOR": "1"]
    }

    init() throws {
        directory = try TemporaryDirectory()
    }

    // MARK: Files

    /// Copies a fixture (a path below Fixtures/) into the workspace under `name` (default: its file name).
    @discardableResult
    func copyFixture(_ fixture: String, as name: String? = nil) throws -> String {
        let target = name ?? (fixture as NSString).lastPathComponent
        try write(target, bytes: try Self.readBytes(Self.fixtures + "/" + fixture))
        return target
    }

    /// Copies a bundled questionnaire into `questionnaires/` of the workspace; returns its relative path.
    @discardableResult
    func copyBundled(_ name: String) throws -> String {
        let target = "questionnaires/\(name).yaml"
        try write(target, bytes: try Self.readBytes(Self.repositoryRoot + "/questionnaires/\(name).yaml"))
        return target
    }

    /// Writes a file (creating folders on the way).
    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, bytes: Array(text.utf8))
    }

    func write(_ relativePath: String, bytes: [UInt8]) throws {
        let url = URL(fileURLWithPath: path + "/" + relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The bytes of a file in the workspace.
    func bytes(_ relativePath: String) throws -> [UInt8] {
        try Self.readBytes(path + "/" + relativePath)
    }

    func exists(_ relativePath: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relativePath)
    }

    /// Names of the files in a folder of the workspace (empty when it does not exist).
    func list(_ relativePath: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + "/" + relativePath)) ?? []).sorted()
    }

    /// The checkpoint ids saved in `<folder>/.partial`.
    func checkpoints(in folder: String = "responses") -> [String] {
        list(folder + "/.partial").filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }
    }

    /// The checkpoint saved for `id`, parsed.
    func checkpoint(_ id: String, in folder: String = "responses") throws -> JSONValue {
        try JSONParser().parse(try bytes("\(folder)/.partial/\(id).json"))
    }

    /// The response records of a JSON-lines file, each parsed; the file must hold only whole lines.
    func records(_ relativePath: String) throws -> [JSONValue] {
        try ResponseLines.parse(try bytes(relativePath), file: relativePath)
    }

    static func readBytes(_ absolutePath: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: absolutePath) else {
            throw PseudoTerminal.Failure(message: "cannot read \(absolutePath)", transcript: "")
        }
        return Array(data)
    }

    // MARK: Running

    /// Runs `touchpoint` with `arguments` to the end, feeding `input` on standard input.
    @discardableResult
    func run(_ arguments: [String], input: String = "", environment: [String: String] = [:],
             timeout: Duration = .seconds(60)) throws -> RunResult {
        try run(arguments, inputBytes: Array(input.utf8), environment: environment, timeout: timeout)
    }

    /// Runs `touchpoint` to the end; `environment` adds to (or replaces) variables of `Workspace.environment`.
    @discardableResult
    func run(_ arguments: [String], inputBytes: [UInt8], environment: [String: String] = [:],
             timeout: Duration = .seconds(60)) throws -> RunResult {
        let process = try start(arguments, environment: environment)
        process.send(inputBytes)
        process.closeInput()
        let status = try process.waitForExit(timeout: timeout)
        return RunResult(status: status, stdout: process.output, stderr: process.errorOutput)
    }

    /// Starts `touchpoint` with pipes for its standard streams, to be driven step by step.
    func start(_ arguments: [String], environment: [String: String] = [:]) throws -> PipedProcess {
        try PipedProcess(executable: Self.binary, arguments: arguments,
                         environment: Self.environment.merging(environment) { $1 }, currentDirectory: path)
    }

    /// Runs a `/bin/sh` script in the workspace; `$TOUCHPOINT` names the binary.
    @discardableResult
    func shell(_ script: String, input: String = "", timeout: Duration = .seconds(60)) throws -> RunResult {
        var environment = Self.environment
        environment["TOUCHPOINT"] = Self.binary
        let process = try PipedProcess(executable: "/bin/sh", arguments: ["-c", script], environment: environment, currentDirectory: path)
        process.send(input)
        process.closeInput()
        let status = try process.waitForExit(timeout: timeout)
        return RunResult(status: status, stdout: process.output, stderr: process.errorOutput)
    }

    /// Starts `touchpoint` on a new pseudo-terminal, as a person at a keyboard would use it.
    func terminal(_ arguments: [String], columns: Int = 120) throws -> PseudoTerminal {
        try PseudoTerminal(executable: Self.binary, arguments: arguments, currentDirectory: path, columns: columns, rows: 40)
    }

    /// The SHA-256 of a file, as `sha256sum` computes it (an oracle independent of the product).
    func sha256(_ relativePath: String) throws -> String {
        let result = try shell("sha256sum -- " + relativePath.shellQuoted)
        return String(result.stdout.prefix(64))
    }
}

extension String {
    /// The string in single quotes for /bin/sh.
    var shellQuoted: String { "'" + replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
