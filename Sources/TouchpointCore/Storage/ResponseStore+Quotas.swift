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

    /// A tally of the lines the output file holds now, read mostly without the lock, so that it can be made on
    /// another thread while an interview begins (`InterviewRun`): on a file of years of responses, the first
    /// quota that falls due then finds the file counted instead of pausing the interview to count it.
    ///
    /// The lock is held only to learn the file's size and identity. The bytes before that size were written by
    /// writers that held the lock, and only such a writer cuts off what it wrote, so they stay as they are while
    /// they are read afterwards. `countQuotas(_:)` then reads under the lock only what was appended since, and
    /// starts again if the file was replaced or cut. A file that is missing or cannot be read gives an empty
    /// tally, which `countQuotas(_:)` fills; nothing is created.
    public func precountQuotas(_ checked: CheckedQuestionnaire) -> QuotaTally {
        let empty = QuotaTally(checked)
        var info = stat()
        guard !checked.questionnaire.quotas.isEmpty, stat(outputPath, &info) == 0,
              let locked = try? withLockedOutput({ locked throws(DurableFiles.Failure) in locked }),
              locked.readable, locked.size > 0
        else { return empty }
        let fd = open(outputPath, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return empty }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, UInt64(info.st_dev) == locked.device, UInt64(info.st_ino) == locked.inode else {
            return empty
        }
        var tally = empty
        tally.reset(identity: (locked.device, locked.inode))
        do throws(DurableFiles.Failure) {
            try read(fd, upTo: Int64(locked.size), into: &tally)
        } catch {
            return empty
        }
        return tally
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
        try read(locked.fd, upTo: Int64(locked.size), into: &tally)
    }

    /// Counts the whole lines of `fd` from where `tally` stopped up to `size`.
    private func read(_ fd: Int32, upTo size: Int64, into tally: inout QuotaTally) throws(DurableFiles.Failure) {
        var position = tally.offset
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while position < size {
            let want = Int(min(Int64(buffer.count), size - position))
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, want, off_t(position)) }
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
