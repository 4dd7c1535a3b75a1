#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls whose failure decides whether an answer survives, replaceable so that tests can make them fail.
///
/// Disk-full, I/O errors and failed renames cannot be provoked reliably on a developer's machine, yet they are the
/// paths that must never lose an answer; `ResponseStore` therefore makes these three calls through this value, and
/// the tests inject short writes, `EINTR`, `ENOSPC` and `EIO` to walk every failure branch for real. Each closure
/// behaves like its POSIX namesake: it returns what the call returns and sets `errno` on failure.
package struct SystemCalls: Sendable {
    /// write(2): the number of bytes written, or -1 with `errno` set.
    package var write: @Sendable (_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int
    /// fsync(2): 0, or -1 with `errno` set.
    package var fsync: @Sendable (_ fd: Int32) -> Int32
    /// rename(2): 0, or -1 with `errno` set.
    package var rename: @Sendable (_ from: String, _ to: String) -> Int32

    package init(write: @escaping @Sendable (_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Int,
                 fsync: @escaping @Sendable (_ fd: Int32) -> Int32,
                 rename: @escaping @Sendable (_ from: String, _ to: String) -> Int32) {
        self.write = write
        self.fsync = fsync
        self.rename = rename
    }

    /// The real calls.
    package static let posix = SystemCalls(
        write: { fd, buffer in
            #if canImport(Glibc)
            Glibc.write(fd, buffer.baseAddress, buffer.count)
            #else
            Darwin.write(fd, buffer.baseAddress, buffer.count)
            #endif
        },
        fsync: { fd in
            #if canImport(Glibc)
            Glibc.fsync(fd)
            #else
            Darwin.fsync(fd)
            #endif
        },
        rename: { from, to in
            #if canImport(Glibc)
            Glibc.rename(from, to)
            #else
            Darwin.rename(from, to)
            #endif
        })
}
