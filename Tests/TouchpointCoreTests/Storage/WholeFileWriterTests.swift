import Foundation
import Synchronization
import Testing
import TouchpointCore

#if canImport(Glibc)
import Glibc
#endif

/// `simulate --out` replaces its file durably and says clearly when it cannot.
@Suite("Whole-file writes")
struct WholeFileWriterTests {
    /// The real calls, recording which descriptors were synced and which renames were made, in order.
    final class Recorder: Sendable {
        let events = Mutex<[String]>([])
        var calls: SystemCalls {
            var calls = SystemCalls.posix
            calls.fsync = { [self] fd in
                var info = stat()
                fstat(fd, &info)
                self.events.withLock { $0.append((info.st_mode & S_IFMT) == S_IFDIR ? "sync folder" : "sync file") }
                return SystemCalls.posix.fsync(fd)
            }
            calls.rename = { [self] from, to in
                self.events.withLock { $0.append("rename") }
                return SystemCalls.posix.rename(from, to)
            }
            return calls
        }
    }

    @Test func theFileIsSyncedThenRenamedThenItsFolderSynced() throws {
        let folder = try TemporaryFolder()
        let recorder = Recorder()
        try WholeFileWriter.replace(folder.file("sim.jsonl"), with: Array("{}\n".utf8), calls: recorder.calls)
        #expect(recorder.events.withLock { $0 } == ["sync file", "rename", "sync folder"])
        #expect(try String(contentsOfFile: folder.file("sim.jsonl"), encoding: .utf8) == "{}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sim.jsonl"])
    }

    @Test func aMissingFolderIsNamedWithTheFix() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("nowhere/sim.jsonl")
        #expect(throws: WholeFileWriter.Failure.self) { try WholeFileWriter.replace(target, with: []) }
        do {
            try WholeFileWriter.replace(target, with: [])
        } catch {
            #expect(error.message.contains("the folder \(folder.file("nowhere")) does not exist; create it first"))
        }
    }

    @Test func aFailedSyncLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("sim.jsonl")
        try WholeFileWriter.replace(target, with: Array("old\n".utf8))
        do {
            try WholeFileWriter.replace(target, with: Array("new\n".utf8), calls: Faults.fileSyncFails(errno: EIO))
            Issue.record("the write should have failed")
        } catch {
            #expect(error.message.contains("input/output error"))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sim.jsonl"])
    }
}
