#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why saving, loading or appending interview data failed, with a message that says what to do.
///
/// `path` is the file or folder the failing call touched. `keptIn` is the checkpoint that still holds the
/// respondent's answers, when one exists, so the message can tell the interviewer nothing is lost.
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, independent of the file.
    public enum Reason: Sendable, Hashable {
        /// `ENOSPC` or `EDQUOT`: the disk or the user's quota is full.
        case noSpace
        /// `EFBIG`: the file reached the size limit (`ulimit -f`, or the file system's maximum).
        case fileTooLarge
        /// `EACCES` or `EPERM`.
        case permissionDenied
        /// `EROFS`.
        case readOnlyFileSystem
        /// `EIO`: the device reported an error; data written may not have reached it.
        case ioError
        /// `ENOENT`: a checkpoint (or a folder on the way to it) does not exist.
        case notFound
        /// A part of the path exists but is not a folder (`ENOTDIR`, or a file where a folder must be created).
        case notAFolder
        /// The output path names something other than a regular file (a folder, a pipe, a device).
        case notARegularFile
        /// A checkpoint id that could name a file outside `.partial` or is not an id touchpoint makes.
        case invalidCheckpointID
        /// A response record that is not exactly one line ending in "\n" (a bug in the caller).
        case malformedLine
        /// Any other `errno` value.
        case other(errno: Int32)

        /// The reason for an `errno` value.
        public init(errno code: Int32) {
            switch code {
            case ENOSPC, EDQUOT: self = .noSpace
            case EFBIG: self = .fileTooLarge
            case EACCES, EPERM: self = .permissionDenied
            case EROFS: self = .readOnlyFileSystem
            case EIO: self = .ioError
            case ENOENT: self = .notFound
            case ENOTDIR: self = .notAFolder
            case EISDIR: self = .notARegularFile
            default: self = .other(errno: code)
            }
        }
    }

    /// What the program was doing, which decides the advice in the message.
    public enum Action: String, Sendable, Hashable {
        case saveCheckpoint, loadCheckpoint, listCheckpoints, removeCheckpoint, appendResponse
        /// Counting the output file's completes for a quota.
        case countQuotas
    }

    public var reason: Reason
    public var action: Action
    /// The file or folder involved; for `.invalidCheckpointID`, the id that was refused.
    public var path: String
    /// The checkpoint that still holds the respondent's answers, if there is one.
    public var keptIn: String?

    public init(_ reason: Reason, action: Action, path: String, keptIn: String? = nil) {
        self.reason = reason
        self.action = action
        self.path = path
        self.keptIn = keptIn
    }

    /// The error for a failed system call, from the `errno` it left.
    public init(errno code: Int32, action: Action, path: String, keptIn: String? = nil) {
        self.init(Reason(errno: code), action: action, path: path, keptIn: keptIn)
    }

    public var description: String { message }

    /// The sentence shown to the interviewer: what happened to which file, what to do, and where the answers are.
    public var message: String {
        var text = problem + "; " + advice
        if let keptIn { text += " — " + (action == .saveCheckpoint ? "the answers saved before this one are kept in " : "your answers are kept in ") + keptIn }
        return text
    }

    private var problem: String {
        switch reason {
        case .noSpace: return "the disk holding \(path) is full (or your disk quota is used up)"
        case .fileTooLarge: return "\(path) has reached the largest file size this process may write (see `ulimit -f`)"
        case .permissionDenied: return "you do not have permission to \(verb) \(path)"
        case .readOnlyFileSystem: return "\(path) is on a read-only file system"
        case .ioError: return "the disk reported an input/output error on \(path), so the data may not have been stored"
        case .notFound:
            return action == .loadCheckpoint || action == .removeCheckpoint
                ? "there is no saved interview \(path)" : "\(path) does not exist"
        case .notAFolder: return "\(path) cannot be used: a part of it exists but is not a folder"
        case .notARegularFile: return "\(path) is not a regular file (it is a folder, a pipe or a device)"
        case .invalidCheckpointID:
            return "`\(path)` is not a saved-interview id: ids are 1 to 128 letters, digits, '-' or '_'"
        case .malformedLine:
            return "a response record for \(path) is not exactly one line ending in a newline; this is a bug in touchpoint"
        case .other(let code):
            return "could not \(verb) \(path): \(String(cString: strerror(code))) (errno \(code))"
        }
    }

    private var verb: String {
        switch action {
        case .saveCheckpoint, .appendResponse: return "write to"
        case .loadCheckpoint, .countQuotas: return "read"
        case .listCheckpoints: return "list"
        case .removeCheckpoint: return "remove"
        }
    }

    private var advice: String {
        let retry: String
        switch action {
        case .saveCheckpoint, .appendResponse:
            if keptIn == nil && action == .saveCheckpoint {
                retry = "then start the interview again"
            } else if keptIn == nil {
                // A headless batch: nothing of it was written, and the answers file is still there to replay.
                retry = "then run the same command again for the respondents that were not saved"
            } else {
                retry = "then run the same `touchpoint run` command with --resume"
            }
        case .loadCheckpoint, .listCheckpoints, .removeCheckpoint:
            retry = "then try again"
        case .countQuotas:
            retry = "then run the same `touchpoint run` command with --resume (the answers so far are saved)"
        }
        switch reason {
        case .noSpace: return "free some space, \(retry)"
        case .fileTooLarge: return "raise the limit (`ulimit -f unlimited`) or move older responses to another file, \(retry)"
        case .permissionDenied: return "ask the owner for access or use --out with a folder of your own, \(retry)"
        case .readOnlyFileSystem: return "remount it writable or use --out with a folder on another disk, \(retry)"
        case .ioError: return "the disk may be failing: copy the responses folder to another disk, \(retry)"
        case .notFound:
            return action == .loadCheckpoint || action == .removeCheckpoint
                ? "check the id; `--resume` without an id continues the most recent one" : "create it or check the path, \(retry)"
        case .notAFolder: return "move the file that is in the way or choose another path with --out, \(retry)"
        case .notARegularFile: return "give --out a file name such as responses/survey.jsonl, \(retry)"
        case .invalidCheckpointID: return "copy the id from the file name in the .partial folder, without `.json`"
        case .malformedLine: return "please report it; the answers have not been written"
        case .other: return "fix the problem, \(retry)"
        }
    }
}
