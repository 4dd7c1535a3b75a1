#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The POSIX steps that make a file or a folder entry survive a crash: full writes, syncs, and folders made 0700.
///
/// Every step reports failure as the `errno` it met; `ResponseStore` turns that into a `StorageError` with the
/// action and the path people need to hear about.
struct DurableFiles: Sendable {
    /// A failed step: the `errno` and the path it concerned.
    struct Failure: Error {
        var code: Int32
        var path: String
    }

    let calls: SystemCalls

    /// Writes every byte, resuming after `EINTR` and short writes.
    ///
    /// The first call is for the whole buffer; a regular file takes it in one `write(2)` unless the kernel is about
    /// to fail (disk full, size limit) or a signal arrives, and the next call then reports the error or finishes.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var done = 0
        while done < bytes.count {
            let result = bytes.withUnsafeBytes { raw in
                let rest = UnsafeRawBufferPointer(rebasing: raw[done...])
                let n = calls.write(fd, rest)
                return (n, n < 0 ? errno : 0)
            }
            if result.0 < 0 {
                if result.1 == EINTR { continue }
                throw Failure(code: result.1, path: path)
            }
            // A regular file never accepts zero bytes of a non-empty write without an error; treat it as one
            // rather than loop forever.
            if result.0 == 0 { throw Failure(code: EIO, path: path) }
            done += result.0
        }
    }

    /// Flushes a file's data and metadata to the device.
    func sync(_ fd: Int32, path: String) throws(Failure) {
        while calls.fsync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            throw Failure(code: code, path: path)
        }
    }

    /// Makes the entries of a folder (new files, renames, removals) durable.
    ///
    /// Some file systems cannot sync a folder and answer `EINVAL`; there is nothing more to do on those, so it is
    /// not an error.
    func syncFolder(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(code: errno, path: path) }
        defer { close(fd) }
        while calls.fsync(fd) != 0 {
            let code = errno
            if code == EINTR { continue }
            if code == EINVAL { return }
            throw Failure(code: code, path: path)
        }
    }

    /// Creates a folder and any missing parents with mode 0700, syncing each parent that gained an entry.
    func ensureFolder(_ path: String) throws(Failure) {
        if mkdir(path, 0o700) == 0 {
            try syncFolder(Self.parentFolder(of: path))
            return
        }
        let code = errno
        switch code {
        case EEXIST:
            guard Self.isFolder(path) else { throw Failure(code: ENOTDIR, path: path) }
        case ENOENT:
            let parent = Self.parentFolder(of: path)
            guard parent != path else { throw Failure(code: code, path: path) }
            try ensureFolder(parent)
            if mkdir(path, 0o700) == 0 {
                try syncFolder(parent)
                return
            }
            let again = errno
            // Another process may have created it in between; that is as good as creating it ourselves.
            guard again == EEXIST, Self.isFolder(path) else { throw Failure(code: again == EEXIST ? ENOTDIR : again, path: path) }
        default:
            throw Failure(code: code, path: path)
        }
    }

    /// Reads a whole file.
    func readAll(_ path: String) throws(Failure) -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(code: errno, path: path) }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                let code = errno
                if code == EINTR { continue }
                throw Failure(code: code, path: path)
            }
            if n == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// The folder part of a path: "." for a bare name, "/" for a name at the root.
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var head = trimmed[..<slash]
        while head.count > 1, head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// `name` inside `folder`, without a doubled slash or a leading "./".
    static func join(_ folder: String, _ name: String) -> String {
        if folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}
