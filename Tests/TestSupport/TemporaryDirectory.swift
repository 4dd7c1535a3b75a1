@preconcurrency import Glibc

/// A fresh directory under /tmp, removed with everything in it on deinit.
public final class TemporaryDirectory {
    /// The directory's absolute path.
    public let path: String

    /// Creates a new, empty directory readable by its owner only.
    public init() throws {
        var template = Array("/tmp/touchpoint-test-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw PseudoTerminal.Failure(message: "cannot create a temporary directory", transcript: "")
        }
        path = String(cString: created)
    }

    /// Creates a file in the directory with `contents`.
    public func createFile(_ name: String, contents: String = "") throws {
        try createFile(name, bytes: Array(contents.utf8))
    }

    /// Creates (or replaces) a file in the directory holding exactly `bytes`.
    public func createFile(_ name: String, bytes: [UInt8]) throws {
        let descriptor = open(path + "/" + name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw PseudoTerminal.Failure(message: "cannot create \(name): \(String(cString: strerror(errno)))", transcript: "")
        }
        defer { close(descriptor) }
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw PseudoTerminal.Failure(message: "cannot write \(name): \(String(cString: strerror(errno)))", transcript: "")
            }
            remaining = remaining.dropFirst(written)
        }
    }

    deinit {
        Self.removeTree(path)
    }

    /// Removes `path` and, when it is a directory, everything below it (symbolic links are not followed).
    private static func removeTree(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if let directory = opendir(path) {
                var names: [String] = []
                while let entry = readdir(directory) {
                    let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                        String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                    }
                    if name != "." && name != ".." { names.append(name) }
                }
                closedir(directory)
                for name in names { removeTree(path + "/" + name) }
            }
            rmdir(path)
        } else {
            unlink(path)
        }
    }
}
