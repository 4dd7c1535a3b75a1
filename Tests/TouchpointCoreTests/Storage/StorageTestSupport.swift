#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Synchronization
import TouchpointCore

/// A fresh folder under the system's temporary folder, removed with everything in it when released.
final class TemporaryFolder {
    let path: String

    init() throws {
        var template = Array((NSTemporaryDirectory() + "touchpoint-storage-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw CocoaError(.fileWriteUnknown)
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// `name` inside the folder.
    func file(_ name: String) -> String { path + "/" + name }
}

enum StorageTestSupport {
    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func contents(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    /// The permission bits of a file or folder, or nil when it does not exist.
    static func mode(_ path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }

    static func entries(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    static func isRegularFile(_ fd: Int32) -> Bool {
        var info = stat()
        return fstat(fd, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}

/// System calls that fail on cue, so the failure paths of `ResponseStore` run for real.
enum Faults {
    /// Regular-file writes accept `budget` bytes in all, in pieces, and then fail with `code`.
    static func writesFail(afterBytes budget: Int, errno code: Int32) -> SystemCalls {
        let written = Mutex(0)
        var calls = SystemCalls.posix
        calls.write = { fd, buffer in
            let allowed = written.withLock { total -> Int in
                let take = min(buffer.count, budget - total)
                total += max(take, 0)
                return take
            }
            if allowed <= 0 {
                errno = code
                return -1
            }
            return SystemCalls.posix.write(fd, UnsafeRawBufferPointer(rebasing: buffer[..<allowed]))
        }
        return calls
    }

    /// Every write is first interrupted by a signal (`EINTR`) and then takes at most three bytes.
    static func interruptedShortWrites() -> SystemCalls {
        let interruptNext = Mutex(true)
        var calls = SystemCalls.posix
        calls.write = { fd, buffer in
            let interrupt = interruptNext.withLock { flag -> Bool in
                defer { flag.toggle() }
                return flag
            }
            if interrupt {
                errno = EINTR
                return -1
            }
            return SystemCalls.posix.write(fd, UnsafeRawBufferPointer(rebasing: buffer[..<min(3, buffer.count)]))
        }
        return calls
    }

    /// fsync(2) of regular files fails with `code`; folders sync normally.
    static func fileSyncFails(errno code: Int32) -> SystemCalls {
        var calls = SystemCalls.posix
        calls.fsync = { fd in
            guard StorageTestSupport.isRegularFile(fd) else { return SystemCalls.posix.fsync(fd) }
            errno = code
            return -1
        }
        return calls
    }

    /// fsync(2) of folders fails with `code`; files sync normally.
    static func folderSyncFails(errno code: Int32) -> SystemCalls {
        var calls = SystemCalls.posix
        calls.fsync = { fd in
            guard !StorageTestSupport.isRegularFile(fd) else { return SystemCalls.posix.fsync(fd) }
            errno = code
            return -1
        }
        return calls
    }

    /// rename(2) fails with `code`.
    static func renameFails(errno code: Int32) -> SystemCalls {
        var calls = SystemCalls.posix
        calls.rename = { _, _ in
            errno = code
            return -1
        }
        return calls
    }
}
