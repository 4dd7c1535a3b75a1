#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
import TouchpointCore

@Suite struct CheckpointTests {
    typealias Support = StorageTestSupport

    @Test func aSavedCheckpointLoadsBackByteForByte() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        let state = Support.bytes("{\"answers\":{\"recommend\":9},\"text\":\"满意\"}")
        try store.saveCheckpoint(id: "R1", bytes: state)
        #expect(try store.loadCheckpoint(id: "R1") == state)
        #expect(store.checkpointPath(id: "R1") == folder.file("responses/.partial/R1.json"))
    }

    @Test func savingAgainReplacesTheWholeCheckpoint() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes(String(repeating: "long answer ", count: 100)))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes("short"))
        #expect(try store.loadCheckpoint(id: "R1") == Support.bytes("short"))
        #expect(Support.entries(folder.file(".partial")) == ["R1.json"])
    }

    @Test func checkpointsAreReadableByTheirOwnerOnly() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes("{}"))
        #expect(Support.mode(folder.file("responses")) == 0o700)
        #expect(Support.mode(folder.file("responses/.partial")) == 0o700)
        #expect(Support.mode(store.checkpointPath(id: "R1")) == 0o600)
    }

    @Test func anEmptyCheckpointIsStillACheckpoint() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: [])
        #expect(try store.loadCheckpoint(id: "R1") == [])
    }

    @Test func interruptedAndShortWritesStillProduceTheWholeCheckpoint() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"), calls: Faults.interruptedShortWrites())
        let state = Support.bytes(String(repeating: "0123456789", count: 50))
        try store.saveCheckpoint(id: "R1", bytes: state)
        #expect(try store.loadCheckpoint(id: "R1") == state)
    }

    @Test(arguments: [ENOSPC, EDQUOT, EFBIG, EIO])
    func aWriteThatFailsHalfwayKeepsThePreviousCheckpoint(code: Int32) throws {
        let folder = try TemporaryFolder()
        let out = folder.file("responses/survey.jsonl")
        try ResponseStore(outputPath: out).saveCheckpoint(id: "R1", bytes: Support.bytes("previous answers"))

        let failing = ResponseStore(outputPath: out, calls: Faults.writesFail(afterBytes: 10, errno: code))
        let error = try #require(throws: StorageError.self) {
            try failing.saveCheckpoint(id: "R1", bytes: Support.bytes(String(repeating: "new answers ", count: 20)))
        }
        #expect(error.reason == StorageError.Reason(errno: code))
        #expect(error.keptIn == failing.checkpointPath(id: "R1"))
        #expect(try failing.loadCheckpoint(id: "R1") == Support.bytes("previous answers"))
        #expect(Support.entries(folder.file("responses/.partial")) == ["R1.json"])
    }

    @Test func aFailedFileSyncKeepsThePreviousCheckpoint() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("survey.jsonl")
        try ResponseStore(outputPath: out).saveCheckpoint(id: "R1", bytes: Support.bytes("previous"))
        let failing = ResponseStore(outputPath: out, calls: Faults.fileSyncFails(errno: EIO))
        let error = try #require(throws: StorageError.self) {
            try failing.saveCheckpoint(id: "R1", bytes: Support.bytes("next"))
        }
        #expect(error.reason == .ioError)
        #expect(try failing.loadCheckpoint(id: "R1") == Support.bytes("previous"))
        #expect(Support.entries(folder.file(".partial")) == ["R1.json"])
    }

    @Test func aFailedRenameKeepsThePreviousCheckpointAndLeavesNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("survey.jsonl")
        try ResponseStore(outputPath: out).saveCheckpoint(id: "R1", bytes: Support.bytes("previous"))
        let failing = ResponseStore(outputPath: out, calls: Faults.renameFails(errno: EIO))
        #expect(throws: StorageError.self) { try failing.saveCheckpoint(id: "R1", bytes: Support.bytes("next")) }
        #expect(try failing.loadCheckpoint(id: "R1") == Support.bytes("previous"))
        #expect(Support.entries(folder.file(".partial")) == ["R1.json"])
    }

    @Test func aFailedFolderSyncIsReportedEvenThoughTheRenameHappened() throws {
        let folder = try TemporaryFolder()
        let out = folder.file("survey.jsonl")
        try ResponseStore(outputPath: out).saveCheckpoint(id: "R1", bytes: Support.bytes("previous"))
        let failing = ResponseStore(outputPath: out, calls: Faults.folderSyncFails(errno: EIO))
        let error = try #require(throws: StorageError.self) {
            try failing.saveCheckpoint(id: "R1", bytes: Support.bytes("next"))
        }
        #expect(error.reason == .ioError)
        // Whichever name survives a crash, it holds a whole checkpoint.
        #expect(try failing.loadCheckpoint(id: "R1") == Support.bytes("next"))
    }

    @Test func aFirstCheckpointThatFailsLeavesNothingBehind() throws {
        let folder = try TemporaryFolder()
        let failing = ResponseStore(outputPath: folder.file("survey.jsonl"), calls: Faults.writesFail(afterBytes: 3, errno: ENOSPC))
        let error = try #require(throws: StorageError.self) {
            try failing.saveCheckpoint(id: "R1", bytes: Support.bytes("first answer"))
        }
        #expect(error.keptIn == nil)
        #expect(error.message.contains("start the interview again"))
        #expect(Support.entries(folder.file(".partial")).isEmpty)
        #expect(try failing.listCheckpoints().isEmpty)
    }

    @Test(arguments: ["", "../escape", "a/b", ".hidden", "R1.json", "R 1", "é", String(repeating: "a", count: 129)])
    func idsThatCouldLeaveThePartialFolderAreRefused(id: String) throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        let error = try #require(throws: StorageError.self) { try store.saveCheckpoint(id: id, bytes: [1]) }
        #expect(error.reason == .invalidCheckpointID)
        #expect(throws: StorageError.self) { try store.loadCheckpoint(id: id) }
        #expect(throws: StorageError.self) { try store.removeCheckpoint(id: id) }
        #expect(Support.entries(folder.path).isEmpty)
    }

    @Test func uuidsAndInterviewerIdsAreValidCheckpointIds() {
        #expect(ResponseStore.isValidCheckpointID(UUID().uuidString.lowercased()))
        #expect(ResponseStore.isValidCheckpointID("R1_field-7"))
        #expect(ResponseStore.isValidCheckpointID(String(repeating: "a", count: 128)))
    }

    @Test func listingShowsCheckpointsWithSizesAndIgnoresTemporaryAndForeignFiles() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.saveCheckpoint(id: "older", bytes: Support.bytes("12345"))
        try store.saveCheckpoint(id: "newer", bytes: Support.bytes("123"))
        // Make the order independent of the clock's resolution.
        var times = [timespec(tv_sec: 1_700_000_000, tv_nsec: 0), timespec(tv_sec: 1_700_000_000, tv_nsec: 0)]
        #expect(utimensat(AT_FDCWD, store.checkpointPath(id: "older"), &times, 0) == 0)
        try Support.write("half", to: folder.file(".partial/.newer.1f2e.tmp"))
        try Support.write("notes", to: folder.file(".partial/notes.txt"))
        try FileManager.default.createDirectory(atPath: folder.file(".partial/folder.json"), withIntermediateDirectories: false)

        let listed = try store.listCheckpoints()
        #expect(listed.map(\.id) == ["newer", "older"])
        #expect(listed.map(\.bytes) == [3, 5])
        #expect(listed[1].modified == Date(timeIntervalSince1970: 1_700_000_000))
        #expect(abs(listed[0].modified.timeIntervalSinceNow) < 600)
    }

    @Test func listingWithoutAPartialFolderIsEmpty() throws {
        let folder = try TemporaryFolder()
        #expect(try ResponseStore(outputPath: folder.file("survey.jsonl")).listCheckpoints().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: folder.file(".partial")))
    }

    @Test func removingACheckpointDeletesItAndRemovingTwiceIsHarmless() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes("{}"))
        try store.saveCheckpoint(id: "R2", bytes: Support.bytes("{}"))
        try store.removeCheckpoint(id: "R1")
        try store.removeCheckpoint(id: "R1")
        #expect(try store.listCheckpoints().map(\.id) == ["R2"])
    }

    @Test func removingACheckpointAlsoRemovesTemporaryFilesACrashLeftBehind() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("survey.jsonl"))
        try store.saveCheckpoint(id: "R1", bytes: Support.bytes("{}"))
        try store.saveCheckpoint(id: "R10", bytes: Support.bytes("{}"))
        try Support.write("half", to: folder.file(".partial/.R1.5e1f.tmp"))
        try Support.write("half", to: folder.file(".partial/.R10.77aa.tmp"))
        try store.removeCheckpoint(id: "R1")
        #expect(Support.entries(folder.file(".partial")) == [".R10.77aa.tmp", "R10.json"])
    }

    @Test func loadingAMissingCheckpointSaysThereIsNoSavedInterview() throws {
        let folder = try TemporaryFolder()
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        let error = try #require(throws: StorageError.self) { try store.loadCheckpoint(id: "R9") }
        #expect(error.reason == .notFound)
        #expect(error.message.contains("no saved interview \(folder.file("responses/.partial/R9.json"))"))
    }

    @Test func aFileWhereTheFolderShouldBeIsReported() throws {
        let folder = try TemporaryFolder()
        try Support.write("not a folder", to: folder.file("responses"))
        let store = ResponseStore(outputPath: folder.file("responses/survey.jsonl"))
        let error = try #require(throws: StorageError.self) { try store.saveCheckpoint(id: "R1", bytes: [1]) }
        #expect(error.reason == .notAFolder)
        #expect(try Support.contents(folder.file("responses")) == Support.bytes("not a folder"))
    }
}
