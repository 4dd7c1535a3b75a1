#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, written for people.
public struct FileReadError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// Reads whole files with a size bound, without Foundation's unbounded `Data(contentsOf:)`.
public enum FileReader {
    /// The bytes of `path`, refusing files larger than `maxBytes` before reading them.
    ///
    /// A file over the bound is returned truncated to `maxBytes + 1` bytes so that the caller's own size check
    /// reports it (with the file's real size in `realSize`) without the whole file being read.
    public static func read(_ path: String, maxBytes: Int) throws(FileReadError) -> (bytes: [UInt8], realSize: Int) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw FileReadError(path: path, reason: describe(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw FileReadError(path: path, reason: describe(errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw FileReadError(path: path, reason: "is a folder, not a file") }
        let realSize = Int(info.st_size)
        let limit = maxBytes + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(max(realSize, 4096), limit))
        var chunk = [UInt8](repeating: 0, count: 65536)
        while bytes.count < limit {
            let want = min(chunk.count, limit - bytes.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileReadError(path: path, reason: describe(errno))
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return (bytes, max(realSize, bytes.count))
    }

    /// Whether `path` names a folder.
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Every questionnaire file (`*.yaml`, `*.yml`, `*.json`) below a folder, sorted, hidden folders skipped.
    public static func questionnaireFiles(in folder: String) throws(FileReadError) -> [String] {
        var result: [String] = []
        var pending = [folder]
        var visited = 0
        while let dir = pending.popLast() {
            visited += 1
            if visited > 100_000 { throw FileReadError(path: folder, reason: "holds more than 100,000 folders; name a smaller one") }
            guard let handle = opendir(dir) else {
                if dir == folder { throw FileReadError(path: dir, reason: describe(errno)) }
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name.hasPrefix(".") { continue }
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var info = stat()
                // lstat: symbolic links are not followed, so a link loop cannot trap the walk.
                guard lstat(path, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    pending.append(path)
                } else if kind == S_IFREG, name.hasSuffix(".yaml") || name.hasSuffix(".yml") || name.hasSuffix(".json") {
                    result.append(path)
                }
            }
        }
        return result.sorted()
    }

    /// A sentence for an errno value, for messages.
    public static func describe(_ code: Int32) -> String {
        switch code {
        case ENOENT: return "no such file or folder"
        case EACCES, EPERM: return "permission denied"
        case EISDIR: return "is a folder, not a file"
        case ENOTDIR: return "a part of the path is not a folder"
        default: return String(cString: strerror(code))
        }
    }
}
