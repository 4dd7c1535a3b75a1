#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJSONScan
import Foundation
import Synchronization

/// Splits a large response file into parts that start at line starts, so that several cores can score it.
///
/// Each part is described by a `ResponseRange`: its first byte, the number of its first line, and how many
/// lines it holds (the last part runs to the end of the file). The line counts come from counting newlines
/// 32 bytes at a time (`tp_count_newlines`, CJSONScan), which is many times faster than parsing, and is
/// itself spread over the cores.
enum FileChunks {
    /// The parts of the file at `path`, or `nil` when it is not a regular file at least `parts` times
    /// `minimumPartBytes` long (scoring it on one core is then as fast) or cannot be read.
    static func ranges(path: String, parts: Int, minimumPartBytes: Int) -> [ResponseRange]? {
        guard parts > 1 else { return nil }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size >= parts * minimumPartBytes else { return nil }
        var starts = [0]
        for part in 1..<parts {
            guard let start = lineStart(after: size / parts * part, in: descriptor, size: size), start > starts[starts.count - 1],
                  start < size else { return nil }
            starts.append(start)
        }
        // Count the lines of every part but the last, each part in two halves, all at once.
        var segments: [(from: Int, to: Int)] = []
        for part in 0..<(parts - 1) {
            let middle = (starts[part] + starts[part + 1]) / 2
            segments.append((starts[part], middle))
            segments.append((middle, starts[part + 1]))
        }
        let counts = SegmentCounts(segments.count)
        let bounds = segments
        DispatchQueue.concurrentPerform(iterations: bounds.count) { index in
            counts.set(index, newlines(in: descriptor, from: bounds[index].from, to: bounds[index].to))
        }
        let found = counts.values
        guard !found.contains(where: { $0 < 0 }) else { return nil }
        var ranges: [ResponseRange] = []
        var firstLine = 1
        for part in 0..<parts {
            let lines = part < parts - 1 ? found[2 * part] + found[2 * part + 1] : nil
            ranges.append(ResponseRange(offset: starts[part], firstLine: firstLine, lineCount: lines))
            firstLine += lines ?? 0
        }
        return ranges
    }

    /// The offset just after the first newline at or after `offset`, or `nil` when there is none.
    private static func lineStart(after offset: Int, in descriptor: Int32, size: Int) -> Int? {
        var position = offset
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while position < size {
            let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position)) }
            guard count > 0 else { return nil }
            if let index = buffer[0..<count].firstIndex(of: 0x0A) { return position + index + 1 }
            position += count
        }
        return nil
    }

    /// The number of newlines in bytes `from..<to` of the file, or -1 when it cannot be read.
    private static func newlines(in descriptor: Int32, from: Int, to: Int) -> Int {
        let chunk = 1 << 20
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 64)
        defer { buffer.deallocate() }
        var position = from
        var total = 0
        while position < to {
            let count = pread(descriptor, buffer, min(chunk, to - position), off_t(position))
            guard count > 0 else { return -1 }
            total += tp_count_newlines(buffer.assumingMemoryBound(to: UInt8.self), count)
            position += count
        }
        return total
    }
}

/// Per-segment results written by concurrent counting tasks.
private final class SegmentCounts: Sendable {
    private let storage: Mutex<[Int]>

    init(_ count: Int) {
        storage = Mutex(Array(repeating: -1, count: count))
    }

    func set(_ index: Int, _ value: Int) {
        storage.withLock { $0[index] = value }
    }

    var values: [Int] { storage.withLock { $0 } }
}
