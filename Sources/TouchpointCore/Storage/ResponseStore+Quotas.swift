#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension ResponseStore {
    /// Brings `tally` up to date with the output file, reading under the file's exclusive lock only what was
    /// appended since the tally last counted. A missing file holds no completes.
    public func countQuotas(_ tally: inout QuotaTally) throws(StorageError) {
        var info = stat()
        if stat(outputPath, &info) != 0, errno == ENOENT {
            tally.reset(identity: (0, 0))
            return
        }
        do throws(DurableFiles.Failure) {
            try withLockedOutput { locked throws(DurableFiles.Failure) in try catchUp(&tally, locked) }
        } catch {
            throw StorageError(errno: error.code, action: .countQuotas, path: error.path)
        }
    }

    /// Under one hold of the output file's exclusive lock: brings `tally` up to date, lets `decide` choose the
    /// lines to append from it (whole records each ending in "\n", or none), and appends and syncs them before
    /// the lock is released. `decide` must ingest the lines it returns into the tally it is given.
    ///
    /// Deciding and appending under one lock is what keeps headless runs that share a file from overfilling a
    /// quota: no other process can count or append between this process's count and its append.
    public func appendDeciding(_ tally: inout QuotaTally, _ decide: (inout QuotaTally) -> [UInt8]) throws(StorageError) {
        do throws(DurableFiles.Failure) {
            try withLockedOutput { locked throws(DurableFiles.Failure) in
                try catchUp(&tally, locked)
                let lines = decide(&tally)
                guard !lines.isEmpty else { return }
                guard lines.last == 0x0A else { throw DurableFiles.Failure(code: EINVAL, path: outputPath) }
                let written = try write(lines, to: locked)
                tally.markCounted(upTo: Int64(locked.size) + Int64(written))
            }
        } catch {
            throw StorageError(errno: error.code, action: .appendResponse, path: error.path, keptIn: nil)
        }
    }

    /// Reads the locked file from where `tally` stopped to its last whole line.
    private func catchUp(_ tally: inout QuotaTally, _ locked: LockedOutput) throws(DurableFiles.Failure) {
        if tally.identity.map({ $0.device != locked.device || $0.inode != locked.inode }) ?? true || locked.size < tally.offset {
            tally.reset(identity: (locked.device, locked.inode))
        }
        guard locked.readable, locked.size > tally.offset else { return }
        var position = tally.offset
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while position < locked.size {
            let want = Int(min(Int64(buffer.count), Int64(locked.size) - position))
            let n = buffer.withUnsafeMutableBytes { pread(locked.fd, $0.baseAddress, want, off_t(position)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DurableFiles.Failure(code: errno, path: outputPath)
            }
            if n == 0 { break }
            position += Int64(n)
            pending += buffer[0..<n]
            let consumed = tally.ingest(chunk: pending)
            pending.removeFirst(consumed)
        }
    }
}
