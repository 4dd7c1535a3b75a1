#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import TouchpointJSON

@Suite("JSON lines reader")
struct JSONLinesReaderTests {
    /// What the reader reported for one line, in a form easy to compare.
    struct Seen: Equatable, CustomStringConvertible {
        var number: Int
        var text: String
        var kind: JSONLineKind

        init(_ number: Int, _ text: String, _ kind: JSONLineKind = .data) {
            self.number = number
            self.text = text
            self.kind = kind
        }

        var description: String { "\(number):\(text.debugDescription):\(kind)" }
    }

    /// A file with `bytes` in a fresh temporary folder, removed afterwards.
    private func withTemporaryFile<R>(_ bytes: [UInt8], _ body: (String) throws -> R) throws -> R {
        var template = Array("/tmp/touchpoint-json-XXXXXX".utf8CString)
        let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
        #expect(made != nil)
        let folder = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let path = folder + "/responses.jsonl"
        defer {
            unlink(path)
            rmdir(folder)
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        #expect(descriptor >= 0)
        let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        #expect(written == bytes.count)
        close(descriptor)
        return try body(path)
    }

    private func lines(_ text: String, chunkSize: Int = JSONLinesReader.defaultChunkSize,
                       maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes) throws -> [Seen] {
        try lines(Array(text.utf8), chunkSize: chunkSize, maxLineBytes: maxLineBytes)
    }

    private func lines(_ bytes: [UInt8], chunkSize: Int = JSONLinesReader.defaultChunkSize,
                       maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes) throws -> [Seen] {
        try withTemporaryFile(bytes) { path in
            var seen: [Seen] = []
            try JSONLinesReader.withFile(atPath: path, chunkSize: chunkSize, maxLineBytes: maxLineBytes) { reader in
                try reader.forEachLine { line in
                    seen.append(Seen(line.number, String(decoding: line.bytes, as: UTF8.self), line.kind))
                }
            }
            return seen
        }
    }

    @Test func readsEachLineWithItsNumber() throws {
        #expect(try lines("{\"a\":1}\n{\"b\":2}\n") == [Seen(1, #"{"a":1}"#), Seen(2, #"{"b":2}"#)])
    }

    @Test func readsNothingFromAnEmptyFile() throws {
        #expect(try lines("") == [])
    }

    @Test func reportsALastLineWithoutNewlineAsTorn() throws {
        #expect(try lines("{\"a\":1}\n{\"b\":") == [Seen(1, #"{"a":1}"#), Seen(2, #"{"b":"#, .torn)])
        #expect(try lines("{\"complete\":true}") == [Seen(1, #"{"complete":true}"#, .torn)])
    }

    @Test func stripsTheCarriageReturnOfCRLFEndings() throws {
        #expect(try lines("a\r\nb\r\n") == [Seen(1, "a"), Seen(2, "b")])
        #expect(try lines("a\r\nb\r") == [Seen(1, "a"), Seen(2, "b", .torn)])
    }

    @Test func reportsBlankLinesSoTheCallerCanSkipThem() throws {
        #expect(try lines("\n a\n\n \t\r\nb\n") == [
            Seen(1, "", .blank), Seen(2, " a"), Seen(3, "", .blank), Seen(4, " \t", .blank), Seen(5, "b"),
        ])
    }

    @Test func givesTheSameLinesWhateverTheChunkSize() throws {
        let text = "{\"first\":1}\n\n{\"second\":\"中文\"}\r\nshort\n" + String(repeating: "x", count: 100) + "\nend"
        let expected = try lines(text)
        #expect(expected.count == 6)
        for chunkSize in 1...24 {
            #expect(try lines(text, chunkSize: chunkSize) == expected, "chunk size \(chunkSize)")
        }
    }

    @Test func readsLinesLongerThanTheChunkByGrowingTheBuffer() throws {
        let long = String(repeating: "y", count: 5_000)
        #expect(try lines("a\n\(long)\nb\n", chunkSize: 16) == [Seen(1, "a"), Seen(2, long), Seen(3, "b")])
    }

    @Test func reportsALineOverTheCapAsTooLongAndGoesOn() throws {
        let text = "0123456789\n0123456789A\nnext\n" + String(repeating: "z", count: 1_000) + "\nlast\n"
        let seen = try lines(text, chunkSize: 4, maxLineBytes: 10)
        #expect(seen == [
            Seen(1, "0123456789"), Seen(2, "0123456789", .tooLong), Seen(3, "next"),
            Seen(4, "zzzzzzzzzz", .tooLong), Seen(5, "last"),
        ])
    }

    @Test func countsTheCapWithoutTheCRLFEnding() throws {
        #expect(try lines("0123456789\r\n", chunkSize: 3, maxLineBytes: 10) == [Seen(1, "0123456789")])
    }

    @Test func reportsATooLongTornTailOnce() throws {
        let seen = try lines("ok\n" + String(repeating: "q", count: 500), chunkSize: 8, maxLineBytes: 20)
        #expect(seen == [Seen(1, "ok"), Seen(2, String(repeating: "q", count: 20), .tooLong)])
    }

    @Test func keepsOnlyTheCapInMemoryForAHugeLine() throws {
        // 4 MiB with no newline, a 64 KiB cap: the line is skipped in chunks, never held whole.
        var bytes = [UInt8](repeating: UInt8(ascii: "w"), count: 4 << 20)
        bytes += Array("\n{\"after\":1}\n".utf8)
        let seen = try lines(bytes, chunkSize: 4096, maxLineBytes: 64 << 10)
        #expect(seen.map(\.kind) == [.tooLong, .data])
        #expect(seen.first?.text.utf8.count == 64 << 10)
        #expect(seen.last == Seen(2, #"{"after":1}"#))
    }

    @Test func iteratesAsASequenceOfCopies() throws {
        let collected = try withTemporaryFile(Array("a\n\nb".utf8)) { path in
            try JSONLinesReader.withFile(atPath: path, chunkSize: 2) { reader in
                try reader.map { try $0.get() }
            }
        }
        #expect(collected == [
            JSONLine(number: 1, bytes: Array("a".utf8), kind: .data),
            JSONLine(number: 2, bytes: [], kind: .blank),
            JSONLine(number: 3, bytes: Array("b".utf8), kind: .torn),
        ])
        #expect(collected.last?.isTorn == true)
        #expect(collected[1].isBlank)
    }

    @Test func readsFromAPipeLikeStandardInput() throws {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        let payload = Array("{\"x\":1}\n{\"y\":2}\n".utf8)
        let written = payload.withUnsafeBytes { write(ends[1], $0.baseAddress, $0.count) }
        #expect(written == payload.count)
        close(ends[1])
        defer { close(ends[0]) }
        var seen: [String] = []
        try JSONLinesReader(fileDescriptor: ends[0], source: "standard input", chunkSize: 5).forEachLine { line in
            seen.append(String(decoding: line.bytes, as: UTF8.self))
        }
        #expect(seen == [#"{"x":1}"#, #"{"y":2}"#])
    }

    @Test func reportsAMissingFileWithItsPath() {
        #expect {
            try JSONLinesReader.withFile(atPath: "/nonexistent/responses.jsonl") { _ in }
        } throws: { error in
            (error as? JSONLinesError)?.description == "/nonexistent/responses.jsonl: no such file or folder"
        }
    }

    @Test func reportsAFolderAsNotAFile() {
        #expect {
            try JSONLinesReader.withFile(atPath: "/tmp") { _ in }
        } throws: { error in
            (error as? JSONLinesError)?.errorNumber == EISDIR
        }
    }

    @Test func surfacesAReadErrorAsATypedErrorNamingTheLine() throws {
        let folder = open("/tmp", O_RDONLY | O_DIRECTORY)
        #expect(folder >= 0)
        defer { close(folder) }
        let reader = JSONLinesReader(fileDescriptor: folder, source: "responses")
        #expect {
            try reader.forEachLine { _ in }
        } throws: { error in
            guard let error = error as? JSONLinesError else { return false }
            return error.errorNumber == EISDIR && error.lineNumber == 1
                && error.description == "responses: could not read line 1: is a folder, not a file"
        }
        var iterator = reader.makeIterator()
        guard case .failure(let failure)? = iterator.next() else {
            Issue.record("the sequence did not report the read error")
            return
        }
        #expect(failure.errorNumber == EISDIR)
        #expect(iterator.next() == nil)
    }

    @Test func handsLinesToTheParserWithoutCopying() throws {
        let text = "{\"a\":1}\n\n{\"b\":[1,2]}\n{\"c\":"
        let parser = JSONParser()
        var values: [JSONValue] = []
        var torn: [Int] = []
        try withTemporaryFile(Array(text.utf8)) { path in
            try JSONLinesReader.withFile(atPath: path, chunkSize: 3) { reader in
                try reader.forEachLine { line in
                    switch line.kind {
                    case .data: values.append(.object(try parser.parseObject(line.bytes)))
                    case .torn: torn.append(line.number)
                    case .blank, .tooLong: break
                    }
                }
            }
        }
        #expect(values == [["a": 1], ["b": [1, 2]]])
        #expect(torn == [4])
    }
}
