#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Where `touchpoint run` keeps interviews: finished ones as lines of the output file, unfinished ones as checkpoints.
///
/// No accepted answer may be lost (SPEC section 4, "Durability"):
/// - a checkpoint `<out folder>/.partial/<id>.json` is replaced whole or not at all: written to a new temporary
///   file, synced, renamed over the old one, and the folder synced;
/// - a finished interview is appended as one line in one `write(2)` under an exclusive `flock(2)`, so interviewers
///   on one machine may share a file, then synced; a write cut short is truncated away so no torn line remains;
/// - files are created 0600 and folders 0700, and every new entry is made durable by syncing its folder.
///
/// A crash of another tool can leave the output file ending in a torn line without its "\n". The next append then
/// starts with a "\n", so the new record is never glued to that garbage; `touchpoint verify` and `score` report the
/// torn line on its own.
///
/// The store locks with `flock(2)`, which other touchpoint processes honour; a writer that appends without the lock
/// between our size check and a failed write could see its bytes truncated with ours.
public struct ResponseStore: Sendable {
    /// The JSON-lines file that finished interviews are appended to.
    public let outputPath: String
    /// The folder holding `outputPath`.
    public let folder: String
    /// The folder holding checkpoints: `<folder>/.partial`.
    public let partialFolder: String

    private let files: DurableFiles

    /// A store writing to `outputPath`.
    public init(outputPath: String) {
        self.init(outputPath: outputPath, calls: .posix)
    }

    /// A store writing to `outputPath` through the given system calls (tests inject failures here).
    package init(outputPath: String, calls: SystemCalls) {
        self.outputPath = outputPath
        folder = DurableFiles.parentFolder(of: outputPath)
        partialFolder = DurableFiles.join(folder, ".partial")
        files = DurableFiles(calls: calls)
    }

    /// The output file used when `--out` is not given: `responses/<questionnaire id>.jsonl`.
    public static func defaultOutputPath(questionnaireID: String) -> String {
        "responses/\(questionnaireID).jsonl"
    }

    /// Makes the process ignore `SIGXFSZ`, so a write past `ulimit -f` fails with `EFBIG` instead of killing it.
    ///
    /// Without this a file-size limit would end the process mid-interview with no message; the command-line tool
    /// calls it once at start.
    public static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    /// Whether `id` can name a checkpoint: 1 to 128 ASCII letters, digits, '-' or '_'.
    ///
    /// Anything else (a slash, "..", a leading dot) could point outside `.partial` or at a temporary file.
    public static func isValidCheckpointID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        guard (1...128).contains(bytes.count) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }

    /// The path of the checkpoint for `id`.
    public func checkpointPath(id: String) -> String {
        DurableFiles.join(partialFolder, id + ".json")
    }

    // MARK: Checkpoints

    /// Replaces the checkpoint for `id` with `bytes`, durably and atomically.
    ///
    /// On any failure the temporary file is removed and the previous checkpoint, if any, is left as it was.
    public func saveCheckpoint(id: String, bytes: [UInt8]) throws(StorageError) {
        guard Self.isValidCheckpointID(id) else { throw StorageError(.invalidCheckpointID, action: .saveCheckpoint, path: id) }
        let target = checkpointPath(id: id)
        do throws(DurableFiles.Failure) {
            try files.ensureFolder(partialFolder)
            let (fd, temporary) = try createTemporary(for: id)
            do throws(DurableFiles.Failure) {
                defer { close(fd) }
                try files.writeAll(fd, bytes, path: target)
                try files.sync(fd, path: target)
            } catch {
                unlink(temporary)
                throw error
            }
            if files.calls.rename(temporary, target) != 0 {
                let code = errno
                unlink(temporary)
                throw DurableFiles.Failure(code: code, path: target)
            }
            try files.syncFolder(partialFolder)
        } catch {
            throw StorageError(errno: error.code, action: .saveCheckpoint, path: error.path,
                               keptIn: Self.exists(target) ? target : nil)
        }
    }

    /// The bytes of the checkpoint for `id`.
    public func loadCheckpoint(id: String) throws(StorageError) -> [UInt8] {
        guard Self.isValidCheckpointID(id) else { throw StorageError(.invalidCheckpointID, action: .loadCheckpoint, path: id) }
        do throws(DurableFiles.Failure) {
            return try files.readAll(checkpointPath(id: id))
        } catch {
            throw StorageError(errno: error.code, action: .loadCheckpoint, path: error.path)
        }
    }

    /// The saved interviews, most recently saved first; temporary files and other names are ignored.
    public func listCheckpoints() throws(StorageError) -> [(id: String, modified: Date, bytes: Int)] {
        guard let handle = opendir(partialFolder) else {
            let code = errno
            if code == ENOENT { return [] }
            throw StorageError(errno: code, action: .listCheckpoints, path: partialFolder)
        }
        defer { closedir(handle) }
        var found: [(id: String, modified: Date, bytes: Int)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasSuffix(".json") else { continue }
            let id = String(name.dropLast(5))
            guard Self.isValidCheckpointID(id) else { continue }
            var info = stat()
            guard lstat(checkpointPath(id: id), &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            #if canImport(Glibc)
            let modified = info.st_mtim
            #else
            let modified = info.st_mtimespec
            #endif
            let seconds = Double(modified.tv_sec) + Double(modified.tv_nsec) / 1_000_000_000
            found.append((id: id, modified: Date(timeIntervalSince1970: seconds), bytes: Int(info.st_size)))
        }
        return found.sorted { ($0.modified, $1.id) > ($1.modified, $0.id) }
    }

    /// Deletes the checkpoint for `id` durably; a checkpoint that is already gone is not an error.
    ///
    /// Temporary files that a crash in the middle of saving this checkpoint left behind are removed with it.
    public func removeCheckpoint(id: String) throws(StorageError) {
        guard Self.isValidCheckpointID(id) else { throw StorageError(.invalidCheckpointID, action: .removeCheckpoint, path: id) }
        let path = checkpointPath(id: id)
        let leftovers = temporaryFiles(of: id)
        if unlink(path) != 0 {
            let code = errno
            if code != ENOENT { throw StorageError(errno: code, action: .removeCheckpoint, path: path) }
            if leftovers.isEmpty { return }
        }
        for leftover in leftovers { unlink(leftover) }
        do throws(DurableFiles.Failure) {
            try files.syncFolder(partialFolder)
        } catch {
            throw StorageError(errno: error.code, action: .removeCheckpoint, path: error.path)
        }
    }

    /// The paths of temporary files made while saving the checkpoint for `id`.
    private func temporaryFiles(of id: String) -> [String] {
        guard let handle = opendir(partialFolder) else { return [] }
        defer { closedir(handle) }
        var paths: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".\(id).") && name.hasSuffix(".tmp") { paths.append(DurableFiles.join(partialFolder, name)) }
        }
        return paths
    }

    /// A new temporary file beside the checkpoint: `.<id>.<random>.tmp`, created exclusively with mode 0600.
    private func createTemporary(for id: String) throws(DurableFiles.Failure) -> (Int32, String) {
        var code: Int32 = EEXIST
        for _ in 0..<16 {
            let suffix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
            let path = DurableFiles.join(partialFolder, ".\(id).\(suffix).tmp")
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if fd >= 0 { return (fd, path) }
            code = errno
            if code != EEXIST { break }
        }
        throw DurableFiles.Failure(code: code, path: checkpointPath(id: id))
    }

    // MARK: Responses

    /// Appends one finished interview, `line` (one JSON record ending in "\n"), to the output file durably.
    ///
    /// `checkpointID` names the interview's checkpoint, so that a failure message can say where the answers are
    /// kept. When this returns the line is on disk; when it throws, the file is as it was before the call.
    public func appendResponse(line: [UInt8], checkpointID: String? = nil) throws(StorageError) {
        let kept = checkpointID.flatMap { id in
            Self.isValidCheckpointID(id) && Self.exists(checkpointPath(id: id)) ? checkpointPath(id: id) : nil
        }
        guard line.last == 0x0A, !line.dropLast().contains(0x0A) else {
            throw StorageError(.malformedLine, action: .appendResponse, path: outputPath, keptIn: kept)
        }
        try append(line, kept: kept)
    }

    /// Appends several finished interviews at once: `lines` holds whole records, each ending in "\n".
    ///
    /// Headless runs use this to write a batch of respondents in one write and one sync under the lock: each
    /// line is still whole, and the batch is all on disk or, on failure, none of it is.
    public func appendResponses(lines: [UInt8]) throws(StorageError) {
        guard lines.last == 0x0A, !lines.starts(with: [0x0A]),
              !zip(lines, lines.dropFirst()).contains(where: { $0 == 0x0A && $1 == 0x0A }) else {
            throw StorageError(.malformedLine, action: .appendResponse, path: outputPath, keptIn: nil)
        }
        try append(lines, kept: nil)
    }

    private func append(_ line: [UInt8], kept: String?) throws(StorageError) {
        do throws(DurableFiles.Failure) {
            _ = try withLockedOutput { locked throws(DurableFiles.Failure) in try write(line, to: locked) }
        } catch {
            throw StorageError(errno: error.code, action: .appendResponse, path: error.path, keptIn: kept)
        }
    }

    /// The output file, open and locked exclusively: what an append (and a quota count) sees.
    struct LockedOutput {
        let fd: Int32
        /// The file's size when the lock was taken.
        let size: off_t
        let readable: Bool
        let device: UInt64
        let inode: UInt64
    }

    /// Opens (creating it if needed) and locks the output file, runs `body`, and closes it, which releases the lock.
    func withLockedOutput<T>(_ body: (LockedOutput) throws(DurableFiles.Failure) -> T) throws(DurableFiles.Failure) -> T {
        try files.ensureFolder(folder)
        let (fd, created, readable) = try openOutput()
        defer { close(fd) }
        if created { try files.syncFolder(folder) }
        try lockExclusively(fd)
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DurableFiles.Failure(code: errno, path: outputPath) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw DurableFiles.Failure(code: EISDIR, path: outputPath) }
        return try body(LockedOutput(fd: fd, size: info.st_size, readable: readable,
                                     device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
    }

    /// Writes whole lines at the end of the locked file and syncs them; returns the bytes written (a "\n" is put
    /// first when the file ends in a torn line). On failure whatever reached the file is cut off again.
    @discardableResult
    func write(_ line: [UInt8], to locked: LockedOutput) throws(DurableFiles.Failure) -> Int {
        let fd = locked.fd, sizeBefore = locked.size
        var record = line
        if locked.readable, sizeBefore > 0, try lastByte(fd, size: sizeBefore) != 0x0A {
            record.insert(0x0A, at: 0)
        }
        do throws(DurableFiles.Failure) {
            try files.writeAll(fd, record, path: outputPath)
            try files.sync(fd, path: outputPath)
        } catch {
            // Still under the lock: cut off whatever part of the record reached the file, so that neither a
            // torn line nor a record whose durability is unknown remains (a resumed run will append it again).
            while ftruncate(fd, sizeBefore) != 0, errno == EINTR {}
            _ = files.calls.fsync(fd)
            throw error
        }
        return record.count
    }

    /// Opens the output file for appending, creating it 0600 when missing; says whether it is new and readable.
    ///
    /// The file is opened for reading too, to look at its last byte; a shared file that we may append to but not
    /// read is still used, without the torn-tail check.
    private func openOutput() throws(DurableFiles.Failure) -> (fd: Int32, created: Bool, readable: Bool) {
        for _ in 0..<8 {
            var fd = open(outputPath, O_RDWR | O_APPEND | O_CLOEXEC)
            if fd >= 0 { return (fd, false, true) }
            var code = errno
            if code == EACCES {
                fd = open(outputPath, O_WRONLY | O_APPEND | O_CLOEXEC)
                if fd >= 0 { return (fd, false, false) }
                code = errno
            }
            guard code == ENOENT else { throw DurableFiles.Failure(code: code, path: outputPath) }
            fd = open(outputPath, O_RDWR | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 { return (fd, true, true) }
            code = errno
            // EEXIST: another interviewer created it a moment ago; open theirs.
            guard code == EEXIST else { throw DurableFiles.Failure(code: code, path: outputPath) }
        }
        throw DurableFiles.Failure(code: EEXIST, path: outputPath)
    }

    private func lockExclusively(_ fd: Int32) throws(DurableFiles.Failure) {
        while flock(fd, LOCK_EX) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw DurableFiles.Failure(code: code, path: outputPath)
        }
    }

    func lastByte(_ fd: Int32, size: off_t) throws(DurableFiles.Failure) -> UInt8 {
        var byte: UInt8 = 0
        while true {
            let n = pread(fd, &byte, 1, size - 1)
            if n == 1 { return byte }
            let code = n < 0 ? errno : EIO
            if code == EINTR { continue }
            throw DurableFiles.Failure(code: code, path: outputPath)
        }
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }
}
