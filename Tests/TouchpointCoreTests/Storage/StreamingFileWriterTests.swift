import Foundation
import Testing
import TouchpointCore

#if canImport(Glibc)
import Glibc
#endif

/// `simulate --out` writes its lines as they are made and replaces the file durably at the end.
@Suite("Streaming whole-file writes")
struct StreamingFileWriterTests {
    @Test func theBytesAppendedInManyPiecesAreTheFilesContent() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("sim.jsonl")
        let writer = try StreamingFileWriter(target)
        var expected: [UInt8] = []
        // More than one background chunk, in pieces of varied length.
        for i in 0..<30_000 {
            let line = Array("{\"n\":\(i),\"pad\":\"\(String(repeating: "x", count: i % 97))\"}\n".utf8)
            expected += line
            writer.append(line)
        }
        try writer.finish()
        #expect(try Array(Data(contentsOf: URL(fileURLWithPath: target))) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sim.jsonl"])
    }

    @Test func aMissingFolderIsReportedBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("nowhere/sim.jsonl")
        do {
            _ = try StreamingFileWriter(target)
            Issue.record("making the writer should have failed")
        } catch {
            #expect(error.message.contains("the folder \(folder.file("nowhere")) does not exist; create it first"))
        }
    }

    @Test func aFailedWriteLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("sim.jsonl")
        try WholeFileWriter.replace(target, with: Array("old\n".utf8))
        let writer = try StreamingFileWriter(target, calls: Faults.writesFail(afterBytes: 100, errno: ENOSPC))
        for _ in 0..<20_000 { writer.append(Array("0123456789012345678901234567890123456789012345678901234567890123456789\n".utf8)) }
        do {
            try writer.finish()
            Issue.record("the write should have failed")
        } catch {
            #expect(error.message.contains("the disk is full"))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sim.jsonl"])
    }

    @Test func aFailedSyncLeavesTheOldFileAndNoTemporaryFile() throws {
        let folder = try TemporaryFolder()
        let target = folder.file("sim.jsonl")
        try WholeFileWriter.replace(target, with: Array("old\n".utf8))
        let writer = try StreamingFileWriter(target, calls: Faults.fileSyncFails(errno: EIO))
        writer.append(Array("new\n".utf8))
        do {
            try writer.finish()
            Issue.record("the write should have failed")
        } catch {
            #expect(error.message.contains("input/output error"))
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["sim.jsonl"])
    }
}
