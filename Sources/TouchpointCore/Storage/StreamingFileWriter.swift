#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// Replaces a whole file as `WholeFileWriter` does, with the bytes written as they are made: they go to the
/// temporary file on a background queue while the caller makes more (`simulate --out`), and `finish()` syncs
/// the file and renames it over the target.
///
/// The target is checked when the writer is made, so a wrong `--out` fails before any work; a write that fails
/// later is reported by `finish()`, with the same messages as `WholeFileWriter`, and the target is left as it was.
public final class StreamingFileWriter: @unchecked Sendable {
    // @unchecked: `pending` is used only by the thread that owns the writer; `failure` and the file are used
    // only on `queue`, and `finish()` waits for the queue before reading `failure`.
    private let path: String
    private let folder: String
    private let temporary: String
    private let fd: Int32
    private let calls: SystemCalls
    private let queue = DispatchQueue(label: "touchpoint.streaming-file-writer")
    private var failure: WholeFileWriter.Failure?
    private var pending: [UInt8] = []
    private var finished = false
    /// Bytes gathered before they are handed to the background queue.
    static let chunkBytes = 1 << 20

    /// Checks the target and creates the temporary file beside it.
    public convenience init(_ path: String) throws(WholeFileWriter.Failure) {
        try self.init(path, calls: .posix)
    }

    /// `init(_:)` through `calls`, so that tests can make the steps fail.
    package init(_ path: String, calls: SystemCalls) throws(WholeFileWriter.Failure) {
        (folder, temporary, fd) = try WholeFileWriter.createTemporary(for: path)
        self.path = path
        self.calls = calls
        pending.reserveCapacity(Self.chunkBytes + 4096)
    }

    deinit {
        if !finished {
            queue.sync {}
            close(fd)
            unlink(temporary)
        }
    }

    /// Adds bytes at the end of the file.
    public func append(_ bytes: [UInt8]) {
        pending += bytes
        if pending.count >= Self.chunkBytes { flush() }
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        let chunk = pending
        pending.removeAll(keepingCapacity: true)
        queue.async { [self] in
            guard failure == nil else { return }
            do throws(DurableFiles.Failure) {
                try DurableFiles(calls: calls).writeAll(fd, chunk, path: temporary)
            } catch {
                failure = WholeFileWriter.failure(error.code, path: path)
            }
        }
    }

    /// Writes what is left, syncs the file and renames it over the target (once; later calls do nothing); on
    /// failure the temporary file is removed and the target is untouched.
    public func finish() throws(WholeFileWriter.Failure) {
        guard !finished else { return }
        flush()
        finished = true
        let failed = queue.sync { failure }
        if let failed {
            close(fd)
            unlink(temporary)
            throw failed
        }
        try WholeFileWriter.complete(path, temporary: temporary, fd: fd, folder: folder, calls: calls)
    }
}
