#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a JSON-lines file could not be opened or read.
public struct JSONLinesError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's path, or "standard input", as the user named it.
    public var source: String
    /// The system's error number (`errno`).
    public var errorNumber: Int32
    /// The line being read when reading failed, or 0 if the file could not be opened.
    public var lineNumber: Int
    /// What went wrong, in words.
    public var reason: String

    public init(source: String, errorNumber: Int32, lineNumber: Int, reason: String) {
        self.source = source
        self.errorNumber = errorNumber
        self.lineNumber = lineNumber
        self.reason = reason
    }

    public var description: String {
        lineNumber > 0 ? "\(source): could not read line \(lineNumber): \(reason)" : "\(source): \(reason)"
    }

    /// The error for `errno` value `code`.
    static func system(_ code: Int32, source: String, lineNumber: Int) -> JSONLinesError {
        let reason: String
        switch code {
        case ENOENT: reason = "no such file or folder"
        case EACCES, EPERM: reason = "permission denied"
        case EISDIR: reason = "is a folder, not a file"
        case ENOTDIR: reason = "a part of the path is not a folder"
        case EIO: reason = "input/output error; the disk or network share may be failing"
        default: reason = String(cString: strerror(code))
        }
        return JSONLinesError(source: source, errorNumber: code, lineNumber: lineNumber, reason: reason)
    }
}
