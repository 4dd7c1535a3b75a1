#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a whole file durably: a temporary file beside it, written in full, synced, renamed over the
/// target, and the folder synced so that the rename survives a crash (`simulate --out`).
///
/// The folder must already exist: a typo in `--out` should not create folders silently.
public enum WholeFileWriter {
    /// Why a whole-file write failed, in words for people.
    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var path: String
        public var message: String
        public var description: String { message }
    }

    /// Writes `bytes` as the new content of `path` (created readable by its owner only).
    public static func replace(_ path: String, with bytes: [UInt8]) throws(Failure) {
        try replace(path, with: bytes, calls: .posix)
    }

    /// `replace(_:with:)` through `calls`, so that tests can count the syncs and make them fail.
    package static func replace(_ path: String, with bytes: [UInt8], calls: SystemCalls) throws(Failure) {
        let (folder, temporary, fd) = try createTemporary(for: path)
        do {
            try DurableFiles(calls: calls).writeAll(fd, bytes, path: temporary)
        } catch {
            close(fd)
            unlink(temporary)
            throw failure(error.code, path: path)
        }
        try complete(path, temporary: temporary, fd: fd, folder: folder, calls: calls)
    }

    /// Checks where `path` is to be written and creates, empty, the temporary file beside it that is renamed over
    /// it once written (`complete`): the folder, the temporary file's path and its open descriptor.
    package static func createTemporary(for path: String) throws(Failure) -> (folder: String, temporary: String, fd: Int32) {
        let folder = try checkedFolder(of: path)
        let temporary = temporaryPath(of: path, in: folder)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure(errno, path: path) }
        return (folder, temporary, fd)
    }

    /// The folder `path` is to be written in, after checking that it is a folder and `path` is not one.
    private static func checkedFolder(of path: String) throws(Failure) -> String {
        let folder = DurableFiles.parentFolder(of: path)
        guard DurableFiles.isFolder(folder) else {
            let exists = access(folder, F_OK) == 0
            throw Failure(path: path, message: exists
                ? "cannot write \(path): \(folder) is not a folder"
                : "cannot write \(path): the folder \(folder) does not exist; create it first (mkdir -p \(folder)) or name another file")
        }
        if DurableFiles.isFolder(path) {
            throw Failure(path: path, message: "cannot write \(path): it is a folder; name a file inside it")
        }
        return folder
    }

    /// The temporary file beside `path` that is renamed over it once written.
    private static func temporaryPath(of path: String, in folder: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return DurableFiles.join(folder, ".\(name).\(getpid()).tmp")
    }

    /// Syncs and closes the written temporary file, renames it over `path` and syncs the folder; the temporary
    /// file is removed when a step fails.
    package static func complete(_ path: String, temporary: String, fd: Int32, folder: String,
                                 calls: SystemCalls) throws(Failure) {
        let files = DurableFiles(calls: calls)
        do {
            try files.sync(fd, path: temporary)
        } catch {
            close(fd)
            unlink(temporary)
            throw failure(error.code, path: path)
        }
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(code, path: path)
        }
        guard calls.rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw failure(code, path: path)
        }
        do {
            try files.syncFolder(folder)
        } catch {
            throw failure(error.code, path: path)
        }
    }

    /// The failure to report for `errno` `code` met while writing `path`.
    package static func failure(_ code: Int32, path: String) -> Failure {
        let reason: String = switch StorageError.Reason(errno: code) {
        case .noSpace: "the disk is full (or your disk quota is used up)"
        case .fileTooLarge: "the file reached the largest size this process may write (see `ulimit -f`)"
        case .permissionDenied: "you do not have permission to write there"
        case .readOnlyFileSystem: "it is on a read-only file system"
        case .ioError: "the disk reported an input/output error"
        default: String(cString: strerror(code)) + " (errno \(code))"
        }
        return Failure(path: path, message: "cannot write \(path): \(reason); nothing was written")
    }
}
