#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CJSONScan
import Testing
@testable import TouchpointJSON

/// The C scan (CJSONScan, at every level: AVX2, SSE2, portable) accepts exactly the strings and values that
/// the cursor's Swift reference (`stringInSwift`, `skipValueInSwift`) accepts, ends at the same byte, and
/// never reads past the text: every input is placed right before a page the process may not read.
///
/// Seeded and bounded: random JSON values, then mutated (bytes flipped, inserted and removed, invalid UTF-8,
/// control characters, escapes, duplicate keys, truncation). A failure prints the seed and the input.
@Suite struct JSONCursorScanAgreementTests {
    /// What one reader made of an input: where it stopped, or nil when it gave up.
    struct Outcome: Equatable, CustomStringConvertible {
        var end: Int?
        var count = 0
        var isASCII = false
        var description: String { end.map { "end \($0), count \(count), ascii \(isASCII)" } ?? "stop" }
    }

    static let seed: UInt64 = 20_261_202
    static let inputs = 6_000

    // MARK: Inputs

    /// A random JSON value written out, sometimes with white space between tokens.
    static func value(_ random: inout JSONTestRandom, depth: Int, into out: inout [UInt8]) {
        func space() {
            if random.below(8) == 0 { out += [[0x20], [0x0A], [0x0D, 0x0A], [0x09]][random.below(4)] }
        }
        space()
        switch depth > 4 ? random.below(5) : random.below(8) {
        case 0, 1: string(&random, into: &out)
        case 2: out += Array(number(&random).utf8)
        case 3: out += Array(["true", "false", "null"][random.below(3)].utf8)
        case 4: string(&random, into: &out)
        case 5, 6:
            out.append(0x7B)
            let count = random.below(5)
            var keys: [[UInt8]] = []
            for index in 0..<count {
                if index > 0 { out.append(0x2C) }
                space()
                // A repeated key now and then: the cursor does not look for them; both readers must agree.
                var key: [UInt8] = []
                if !keys.isEmpty, random.below(6) == 0 { key = keys[random.below(keys.count)] } else { string(&random, into: &key) }
                keys.append(key)
                out += key
                space()
                out.append(0x3A)
                value(&random, depth: depth + 1, into: &out)
                space()
            }
            out.append(0x7D)
        default:
            out.append(0x5B)
            let count = random.below(5)
            for index in 0..<count {
                if index > 0 { out.append(0x2C) }
                value(&random, depth: depth + 1, into: &out)
            }
            out.append(0x5D)
        }
        space()
    }

    /// A quoted string of 0 to 80 bytes: ASCII, Chinese, and now and then an escape or a control character.
    static func string(_ random: inout JSONTestRandom, into out: inout [UInt8]) {
        out.append(0x22)
        let length = [0, 1, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 64, 65][random.below(14)] + random.below(3)
        var written = 0
        while written < length {
            switch random.below(40) {
            case 0: out += Array("店".utf8); written += 3
            case 1: out += Array("é".utf8); written += 2
            case 2: out += Array("😀".utf8); written += 4
            case 3 where random.below(4) == 0: out += [0x5C, 0x6E]; written += 2
            case 4 where random.below(4) == 0: out.append(UInt8(random.below(0x20))); written += 1
            default:
                let byte = UInt8(0x20 + random.below(0x5F))
                out.append(byte == 0x22 || byte == 0x5C ? 0x61 : byte)
                written += 1
            }
        }
        out.append(0x22)
    }

    static func number(_ random: inout JSONTestRandom) -> String {
        switch random.below(12) {
        case 0: return "-0"
        case 1: return "01"
        case 2: return "1e5"
        case 3: return "2.5E-3"
        case 4: return "3.6666666666666665"
        case 5: return "-"
        case 6: return "1."
        case 7: return String(repeating: "9", count: 300 + random.below(5))
        default:
            var text = random.below(3) == 0 ? "-" : ""
            text += String(random.below(100_000))
            if random.below(2) == 0 { text += "." + String(random.below(1000)) }
            return text
        }
    }

    /// `bytes` changed a little: the readers must still agree on it.
    static func mutated(_ bytes: [UInt8], _ random: inout JSONTestRandom) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<(1 + random.below(3)) {
            guard !bytes.isEmpty else { break }
            let at = random.below(bytes.count)
            switch random.below(8) {
            case 0: bytes[at] = UInt8(random.below(256))
            case 1: bytes.insert([0x80, 0xC0, 0xC1, 0xF5, 0xFF, 0xED, 0xE0, 0xF4, 0x00, 0x1F, 0x5C, 0x22][random.below(12)], at: at)
            case 2: bytes.remove(at: at)
            case 3: bytes.removeSubrange(at...)
            case 4: bytes.insert(contentsOf: [[0xED, 0xA0, 0x80], [0xE0, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xC3]][random.below(4)], at: at)
            case 5: bytes.insert(contentsOf: [0x5C, 0x75, 0x30, 0x30, 0x34, 0x31], at: at)
            case 6: bytes.insert(contentsOf: [0x2C], at: at)
            default: bytes.insert(contentsOf: Array(repeating: 0x20, count: random.below(3)), at: at)
            }
        }
        return bytes
    }

    // MARK: Readers

    /// Calls `body` with `bytes` copied to the very end of a readable page that a page the process may not
    /// touch follows, so that any read past the last byte crashes the test instead of passing unseen.
    static func guarded<Result>(_ bytes: [UInt8], _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let pages = (bytes.count + page - 1) / page + 1
        guard let memory = mmap(nil, (pages + 1) * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else {
            return bytes.withUnsafeBytes(body)
        }
        defer { munmap(memory, (pages + 1) * page) }
        mprotect(memory + pages * page, page, PROT_NONE)
        let start = memory + pages * page - bytes.count
        bytes.withUnsafeBytes { source in
            if let base = source.baseAddress { start.copyMemory(from: base, byteCount: bytes.count) }
        }
        return body(UnsafeRawBufferPointer(start: start, count: bytes.count))
    }

    static func swiftSkip(_ buffer: UnsafeRawBufferPointer, depth: Int) -> Outcome {
        guard var cursor = JSONCursor(buffer) else { return Outcome() }
        let first = cursor.index
        guard (try? cursor.skipValueInSwift(depth: depth)) != nil else { return Outcome() }
        return Outcome(end: cursor.index - first)
    }

    static func cSkip(_ buffer: UnsafeRawBufferPointer, depth: Int, level: Int32?) -> Outcome {
        guard var cursor = JSONCursor(buffer), let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return Outcome() }
        let first = cursor.index
        if let level {
            guard let after = tp_json_skip_value_level(base + first, base + buffer.count, Int32(depth), level) else { return Outcome() }
            return Outcome(end: after - (base + first))
        }
        guard (try? cursor.skipValue(depth: depth)) != nil else { return Outcome() }
        return Outcome(end: cursor.index - first)
    }

    static func swiftString(_ buffer: UnsafeRawBufferPointer) -> Outcome {
        guard var cursor = JSONCursor(buffer), let span = try? cursor.stringInSwift() else { return Outcome() }
        return Outcome(end: cursor.index, count: span.count, isASCII: span.isASCII)
    }

    static func cString(_ buffer: UnsafeRawBufferPointer, level: Int32?) -> Outcome {
        guard var cursor = JSONCursor(buffer), let base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return Outcome() }
        if let level {
            guard cursor.index < buffer.count, base[cursor.index] == 0x22 else { return Outcome() }
            var ascii: Int32 = 0
            let start = base + cursor.index + 1
            guard let quote = tp_json_string_end_level(start, base + buffer.count, &ascii, level) else { return Outcome() }
            return Outcome(end: quote + 1 - base, count: quote - start, isASCII: ascii != 0)
        }
        guard let span = try? cursor.string() else { return Outcome() }
        return Outcome(end: cursor.index, count: span.count, isASCII: span.isASCII)
    }

    // MARK: Tests

    @Test func theCScanAgreesWithTheSwiftReaderOnRandomAndMutatedValues() {
        var random = JSONTestRandom(seed: Self.seed)
        var accepted = 0
        var stopped = 0
        for index in 0..<Self.inputs {
            var bytes: [UInt8] = []
            Self.value(&random, depth: 1, into: &bytes)
            if index % 3 != 0 { bytes = Self.mutated(bytes, &random) }
            let depth = random.below(10) == 0 ? 28 + random.below(5) : 1
            let disagreement: String? = Self.guarded(bytes) { buffer in
                let reference = Self.swiftSkip(buffer, depth: depth)
                for level in [nil, 0, 1, 2] as [Int32?] {
                    let scanned = Self.cSkip(buffer, depth: depth, level: level)
                    if scanned != reference { return "skip at level \(level.map(String.init) ?? "default"): C \(scanned), Swift \(reference)" }
                }
                if reference.end != nil { accepted += 1 } else { stopped += 1 }
                // What the cursor accepts whole, the parser accepts too.
                if let end = reference.end, end == buffer.count, (try? JSONParser().parse(buffer)) == nil {
                    return "the cursor accepted a value the parser refuses"
                }
                let string = Self.swiftString(buffer)
                for level in [nil, 0, 1, 2] as [Int32?] {
                    let scanned = Self.cString(buffer, level: level)
                    if scanned != string { return "string at level \(level.map(String.init) ?? "default"): C \(scanned), Swift \(string)" }
                }
                return nil
            }
            if let disagreement {
                Issue.record("seed \(Self.seed), input \(index) (\(bytes.count) bytes: \(bytes.map { String($0, radix: 16) }.joined(separator: " "))): \(disagreement)")
                return
            }
        }
        // Both kinds were met, so the comparison covered acceptance and refusal alike.
        #expect(accepted > Self.inputs / 10, "seed \(Self.seed)")
        #expect(stopped > Self.inputs / 10, "seed \(Self.seed)")
    }

    @Test func everyStringLengthAndSpecialBytePositionAgreesAtEveryLevel() {
        // Strings of 0 to 100 bytes with one byte of each kind at each position: block edges of 8, 16 and 32.
        let specials: [[UInt8]] = [[0x22], [0x5C, 0x22], [0x1F], [0x00], [0xC3, 0xA9], [0xE5, 0xBA, 0x97], [0xC3], [0xED, 0xA0, 0x80],
                                   [0xF0, 0x9F, 0x98, 0x80], [0x7F], [0x20]]
        for length in 0...100 {
            for position in 0...length {
                for special in specials {
                    var bytes: [UInt8] = [0x22] + Array(repeating: 0x61, count: position) + special
                    bytes += Array(repeating: 0x62, count: length - position) + [0x22]
                    for truncated in [bytes, Array(bytes.dropLast())] {
                        let failure: String? = Self.guarded(truncated) { buffer in
                            let reference = Self.swiftString(buffer)
                            for level in [nil, 0, 1, 2] as [Int32?] where Self.cString(buffer, level: level) != reference {
                                return "level \(level.map(String.init) ?? "default"): C \(Self.cString(buffer, level: level)), Swift \(reference)"
                            }
                            return nil
                        }
                        if let failure {
                            Issue.record("length \(length), position \(position), bytes \(special): \(failure)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test func theProcessorsScanLevelIsReported() {
        let level = tp_json_simd_level()
        #if arch(x86_64)
        #expect(level >= 1)
        #else
        #expect(level == 0)
        #endif
    }
}
