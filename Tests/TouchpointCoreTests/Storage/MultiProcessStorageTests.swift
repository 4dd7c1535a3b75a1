#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TouchpointCore

/// Durability that only several processes can show: interviewers sharing one file, and `ulimit -f`.
///
/// Each test starts this very test binary again, filtered to `StorageChildProcess/act()`, with the role in the
/// environment; no helper executable is needed and the file-size limit stays inside the child process, where it
/// cannot disturb other tests running in parallel.
@Suite(.serialized, .enabled(if: StorageChildProcess.canSpawn))
struct MultiProcessStorageTests {
    typealias Support = StorageTestSupport

    @Test func fourProcessesAppendingAtOnceLeaveEveryLineWholeAndRepairATornTailOnce() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared/survey.jsonl")
        try FileManager.default.createDirectory(atPath: folder.file("shared"), withIntermediateDirectories: false)
        try Support.write("{\"torn\":", to: path)
        let workers = 4, perWorker = 500

        let children = try (0..<workers).map { worker in
            try StorageChildProcess.start(role: "append", path: path, extra: [
                "TOUCHPOINT_STORAGE_WORKER": String(worker), "TOUCHPOINT_STORAGE_COUNT": String(perWorker),
            ])
        }
        for child in children {
            let outcome = child.finish()
            #expect(outcome.exitedCleanly, "child failed: \(outcome.output)")
        }

        let lines = String(decoding: try Support.contents(path), as: UTF8.self)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "{\"torn\":")
        #expect(lines.last == "")
        let records = lines.dropFirst().dropLast()
        #expect(records.count == workers * perWorker)
        var expected = Set((0..<workers).flatMap { worker in
            (0..<perWorker).map { StorageChildProcess.line(worker: worker, number: $0) }
        })
        var lastNumber = [Int](repeating: -1, count: workers)
        for record in records {
            #expect(expected.remove(record) != nil, "a line is torn, glued or repeated: \(record.prefix(60))…")
            if let (worker, number) = StorageChildProcess.parse(record) {
                #expect(number > lastNumber[worker], "worker \(worker)'s lines are out of order")
                lastNumber[worker] = number
            }
        }
        #expect(expected.isEmpty)
    }

    @Test func aLineCutShortByTheFileSizeLimitIsRemovedAndThePreviousLinesStay() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("responses/survey.jsonl")
        let store = ResponseStore(outputPath: path)
        try store.appendResponse(line: Support.bytes("{\"response_id\":\"a\"}\n"))
        try store.appendResponse(line: Support.bytes("{\"response_id\":\"b\"}\n"))
        try store.saveCheckpoint(id: "R3", bytes: Support.bytes("{}"))
        let before = try Support.contents(path)

        // The limit falls inside the new line, so the kernel writes part of it before refusing the rest.
        let outcome = try StorageChildProcess.start(role: "append-limited", path: path, extra: [
            "TOUCHPOINT_STORAGE_LIMIT": String(before.count + 100), "TOUCHPOINT_STORAGE_SIZE": "3000",
            "TOUCHPOINT_STORAGE_CHECKPOINT": "R3",
        ]).finish()

        #expect(outcome.exitedCleanly, "the child did not survive the size limit: \(outcome.output)")
        #expect(outcome.result.hasPrefix("fileTooLarge|"))
        #expect(outcome.result.contains(path))
        #expect(outcome.result.contains("ulimit -f"))
        #expect(outcome.result.hasSuffix("your answers are kept in \(store.checkpointPath(id: "R3"))"))
        #expect(try Support.contents(path) == before)
    }

    @Test func aFileAlreadyAtTheSizeLimitRefusesTheLineAndKeepsItsTornTail() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("{\"response_id\":\"a\"}\n{\"respo", to: path)
        let before = try Support.contents(path)

        let outcome = try StorageChildProcess.start(role: "append-limited", path: path, extra: [
            "TOUCHPOINT_STORAGE_LIMIT": String(before.count), "TOUCHPOINT_STORAGE_SIZE": "200",
        ]).finish()

        #expect(outcome.exitedCleanly, "the child did not survive the size limit: \(outcome.output)")
        #expect(outcome.result.hasPrefix("fileTooLarge|"))
        #expect(try Support.contents(path) == before)
    }

    @Test func aCheckpointCutShortByTheFileSizeLimitLeavesThePreviousOneWhole() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes("{\"answers\":{\"recommend\":9}}"))

        let outcome = try StorageChildProcess.start(role: "checkpoint-limited", path: store.outputPath, extra: [
            "TOUCHPOINT_STORAGE_LIMIT": "512", "TOUCHPOINT_STORAGE_SIZE": "4000",
            "TOUCHPOINT_STORAGE_CHECKPOINT": "R1",
        ]).finish()

        #expect(outcome.exitedCleanly, "the child did not survive the size limit: \(outcome.output)")
        #expect(outcome.result.hasPrefix("fileTooLarge|"))
        #expect(outcome.result.hasSuffix("the answers saved before this one are kept in \(store.checkpointPath(id: "R1"))"))
        #expect(try store.loadCheckpoint(id: "R1") == Support.bytes("{\"answers\":{\"recommend\":9}}"))
        #expect(Support.entries(store.partialFolder) == ["R1.json"])
    }
}

#if canImport(Glibc)
private let fileSizeResource = __rlimit_resource_t(RLIMIT_FSIZE.rawValue)
#else
private let fileSizeResource = RLIMIT_FSIZE
#endif

/// The other side of `MultiProcessStorageTests`: a test that runs only in a child process started by them.
@Suite struct StorageChildProcess {
    static let environment = ProcessInfo.processInfo.environment
    static let role = environment["TOUCHPOINT_STORAGE_ROLE"]
    static let canSpawn = FileManager.default.fileExists(atPath: "/proc/self/exe")

    /// The record worker `worker` appends as its `number`th line, padded so a torn write would show.
    static func line(worker: Int, number: Int) -> String {
        "{\"worker\":\(worker),\"n\":\(number),\"pad\":\"" + String(repeating: String(worker), count: 4000) + "\"}"
    }

    static func parse(_ record: String) -> (worker: Int, number: Int)? {
        let fields = record.split(separator: ",").prefix(2).compactMap { $0.split(separator: ":").last.flatMap { Int($0) } }
        return fields.count == 2 ? (fields[0], fields[1]) : nil
    }

    @Test(.enabled(if: role != nil)) func act() throws {
        let env = Self.environment
        let store = ResponseStore(outputPath: try #require(env["TOUCHPOINT_STORAGE_PATH"]))
        let resultPath = try #require(env["TOUCHPOINT_STORAGE_RESULT"])
        var result = "ok"
        switch Self.role {
        case "append":
            let worker = try #require(env["TOUCHPOINT_STORAGE_WORKER"].flatMap { Int($0) })
            let count = try #require(env["TOUCHPOINT_STORAGE_COUNT"].flatMap { Int($0) })
            for number in 0..<count {
                try store.appendResponse(line: Array((Self.line(worker: worker, number: number) + "\n").utf8))
            }
        case "append-limited", "checkpoint-limited":
            let limit = try #require(env["TOUCHPOINT_STORAGE_LIMIT"].flatMap { rlim_t($0) })
            let size = try #require(env["TOUCHPOINT_STORAGE_SIZE"].flatMap { Int($0) })
            let checkpoint = env["TOUCHPOINT_STORAGE_CHECKPOINT"]
            ResponseStore.ignoreFileSizeSignal()
            // Test threads block asynchronous signals; the command line writes from a thread that does not, so
            // unblock SIGXFSZ here to see what it would see had the signal not been ignored.
            var fileSizeSignal = sigset_t()
            sigemptyset(&fileSizeSignal)
            sigaddset(&fileSizeSignal, SIGXFSZ)
            var previousMask = sigset_t()
            #expect(pthread_sigmask(SIG_UNBLOCK, &fileSizeSignal, &previousMask) == 0)
            defer { pthread_sigmask(SIG_SETMASK, &previousMask, nil) }
            var saved = rlimit()
            #expect(getrlimit(fileSizeResource, &saved) == 0)
            var lowered = saved
            lowered.rlim_cur = limit
            #expect(setrlimit(fileSizeResource, &lowered) == 0)
            do {
                if Self.role == "append-limited" {
                    try store.appendResponse(line: Array((String(repeating: "x", count: size) + "\n").utf8), checkpointID: checkpoint)
                } else {
                    try store.saveCheckpoint(id: try #require(checkpoint), bytes: Array(repeating: 0x7B, count: size))
                }
            } catch let error as StorageError {
                result = "\(error.reason)|\(error.message)"
            }
            // Restore the limit before reporting, or the report itself could be refused.
            #expect(setrlimit(fileSizeResource, &saved) == 0)
        default:
            Issue.record("unknown role \(Self.role ?? "")")
        }
        try Data(result.utf8).write(to: URL(fileURLWithPath: resultPath))
    }

    /// A running child and what it reported.
    struct Child {
        let process: Process
        let output: Pipe
        let resultPath: String

        /// Waits for the child; `output` is everything it printed, `result` what `act()` reported.
        func finish() -> (exitedCleanly: Bool, output: String, result: String) {
            let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            let result = (try? String(contentsOfFile: resultPath, encoding: .utf8)) ?? ""
            try? FileManager.default.removeItem(atPath: resultPath)
            let clean = process.terminationReason == .exit && process.terminationStatus == 0 && !result.isEmpty
            return (clean, printed, result)
        }
    }

    /// Starts this test binary again running only `act()` in `role`.
    static func start(role: String, path: String, extra: [String: String]) throws -> Child {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        process.arguments = ["--testing-library", "swift-testing", "--filter", "StorageChildProcess/act"]
        let resultPath = NSTemporaryDirectory() + "touchpoint-storage-result-\(UUID().uuidString)"
        var env = environment
        env["TOUCHPOINT_STORAGE_ROLE"] = role
        env["TOUCHPOINT_STORAGE_PATH"] = path
        env["TOUCHPOINT_STORAGE_RESULT"] = resultPath
        env.merge(extra) { _, new in new }
        process.environment = env
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        return Child(process: process, output: output, resultPath: resultPath)
    }
}
