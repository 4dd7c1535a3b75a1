#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TouchpointCore

@Suite struct AppendResponseTests {
    typealias Support = StorageTestSupport

    @Test func linesAreAppendedInOrder() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.appendResponse(line: Support.bytes("{\"response_id\":\"a\"}\n"))
        try store.appendResponse(line: Support.bytes("{\"response_id\":\"b\"}\n"))
        #expect(try Support.contents(store.outputPath) == Support.bytes("{\"response_id\":\"a\"}\n{\"response_id\":\"b\"}\n"))
    }

    @Test func aNewResponseFileAndItsFoldersAreReadableByTheOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("field/week1/survey.jsonl"))
        try store.appendResponse(line: Support.bytes("{}\n"))
        #expect(Support.mode(folder.file("field")) == 0o700)
        #expect(Support.mode(folder.file("field/week1")) == 0o700)
        #expect(Support.mode(store.outputPath) == 0o600)
    }

    @Test func anExistingSharedFileKeepsItsPermissions() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("shared.jsonl")
        try Support.write("{}\n", to: path)
        #expect(chmod(path, 0o660) == 0)
        try ResponseStore(outputPath: path).appendResponse(line: Support.bytes("{}\n"))
        #expect(Support.mode(path) == 0o660)
    }

    @Test func theDefaultOutputPathIsInTheResponsesFolder() {
        let store = ResponseStore(outputPath: ResponseStore.defaultOutputPath(questionnaireID: "service_visit"))
        #expect(store.outputPath == "responses/service_visit.jsonl")
        #expect(store.folder == "responses")
        #expect(store.partialFolder == "responses/.partial")
        #expect(ResponseStore(outputPath: "bare.jsonl").partialFolder == ".partial")
        #expect(ResponseStore(outputPath: "/bare.jsonl").partialFolder == "/.partial")
    }

    @Test func aTornLastLineFromACrashIsClosedBeforeOurLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("{\"response_id\":\"a\"}\n{\"response_id\":\"tor", to: path)
        try ResponseStore(outputPath: path).appendResponse(line: Support.bytes("{\"response_id\":\"b\"}\n"))
        let lines = String(decoding: try Support.contents(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines == ["{\"response_id\":\"a\"}", "{\"response_id\":\"tor", "{\"response_id\":\"b\"}", ""])
    }

    @Test func anEmptyExistingFileGetsNoBlankLine() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("", to: path)
        try ResponseStore(outputPath: path).appendResponse(line: Support.bytes("{}\n"))
        #expect(try Support.contents(path) == Support.bytes("{}\n"))
    }

    @Test(arguments: ["{}", "{}\n{}\n", "\n{}\n", ""])
    func aRecordThatIsNotExactlyOneLineIsRefusedWithoutTouchingTheFile(text: String) throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        let error = try #require(throws: StorageError.self) { try store.appendResponse(line: Support.bytes(text)) }
        #expect(error.reason == .malformedLine)
        #expect(!FileManager.default.fileExists(atPath: folder.file("responses")))
    }

    @Test func interruptedAndShortWritesStillAppendTheWholeLine() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"), calls: Faults.interruptedShortWrites())
        try store.appendResponse(line: Support.bytes("{\"reason\":\"slow service\"}\n"))
        #expect(try Support.contents(store.outputPath) == Support.bytes("{\"reason\":\"slow service\"}\n"))
    }

    @Test(arguments: [ENOSPC, EDQUOT, EFBIG, EIO])
    func aLineCutShortIsRemovedAndTheFileIsAsBefore(code: Int32) throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("{\"response_id\":\"a\"}\n", to: path)
        let failing = ResponseStore(outputPath: path, calls: Faults.writesFail(afterBytes: 7, errno: code))
        let error = try #require(throws: StorageError.self) {
            try failing.appendResponse(line: Support.bytes("{\"response_id\":\"b\",\"answers\":{}}\n"))
        }
        #expect(error.reason == StorageError.Reason(errno: code))
        #expect(error.path == path)
        #expect(try Support.contents(path) == Support.bytes("{\"response_id\":\"a\"}\n"))
    }

    @Test func aFailedRepairOfATornTailLeavesTheFileAsItWas() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("{\"a\":1}\n{\"to", to: path)
        let failing = ResponseStore(outputPath: path, calls: Faults.writesFail(afterBytes: 1, errno: ENOSPC))
        #expect(throws: StorageError.self) { try failing.appendResponse(line: Support.bytes("{\"b\":2}\n")) }
        #expect(try Support.contents(path) == Support.bytes("{\"a\":1}\n{\"to"))
    }

    @Test func aLineWhoseSyncFailedIsRemovedSoAResumeDoesNotDuplicateIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("survey.jsonl")
        try Support.write("{\"response_id\":\"a\"}\n", to: path)
        let failing = ResponseStore(outputPath: path, calls: Faults.fileSyncFails(errno: EIO))
        let error = try #require(throws: StorageError.self) {
            try failing.appendResponse(line: Support.bytes("{\"response_id\":\"b\"}\n"))
        }
        #expect(error.reason == .ioError)
        #expect(try Support.contents(path) == Support.bytes("{\"response_id\":\"a\"}\n"))
    }

    @Test func aFailureNamesTheFileAndTheCheckpointThatKeepsTheAnswers() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("responses/survey.jsonl")
        try ResponseStore(outputPath: path).saveCheckpoint(id: "R1", bytes: Support.bytes("{}"))
        let failing = ResponseStore(outputPath: path, calls: Faults.writesFail(afterBytes: 0, errno: ENOSPC))
        let error = try #require(throws: StorageError.self) {
            try failing.appendResponse(line: Support.bytes("{}\n"), checkpointID: "R1")
        }
        #expect(error.message == "the disk holding \(path) is full (or your disk quota is used up); free some space, "
            + "then run the same `touchpoint run` command with --resume — your answers are kept in "
            + folder.file("responses/.partial/R1.json"))
    }

    @Test func aFolderGivenAsTheOutputFileIsRefused() throws {
        let folder = try TemporaryFolder()
        let error = try #require(throws: StorageError.self) {
            try ResponseStore(outputPath: folder.path).appendResponse(line: Support.bytes("{}\n"))
        }
        #expect(error.reason == .notARegularFile)
    }

    @Test func aFifoGivenAsTheOutputFileIsRefusedWithoutWritingToIt() throws {
        let folder = try TemporaryFolder()
        let path = folder.file("pipe")
        #expect(mkfifo(path, 0o600) == 0)
        // Keep a reader open so that opening the pipe cannot block.
        let reader = open(path, O_RDONLY | O_NONBLOCK)
        defer { close(reader) }
        let error = try #require(throws: StorageError.self) {
            try ResponseStore(outputPath: path).appendResponse(line: Support.bytes("{}\n"))
        }
        #expect(error.reason == .notARegularFile)
        var byte: UInt8 = 0
        #expect(read(reader, &byte, 1) <= 0)
    }
}
