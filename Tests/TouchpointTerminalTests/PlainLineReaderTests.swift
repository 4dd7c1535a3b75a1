@preconcurrency import Glibc
import Testing
import TouchpointTerminal

/// PlainLineReader on pipes: bytes are data, lines end at line feeds.
@Suite("PlainLineReader")
struct PlainLineReaderTests {
    /// A reader of `bytes` coming through a pipe (small inputs) or from a file (as with
    /// `< answers.txt`), with its prompts written to a pipe.
    private final class Piped {
        let reader: PlainLineReader
        private let input: Int32
        private let prompts: [Int32]

        init(_ bytes: [UInt8], fromFile: Bool = false) {
            var ends: [Int32] = [-1, -1]
            if fromFile {
                var template = Array("/tmp/touchpoint-plain-XXXXXX".utf8CString)
                let descriptor = mkstemp(&template)
                unlink(String(decoding: template.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self))
                Self.writeAll(bytes, to: descriptor)
                lseek(descriptor, 0, SEEK_SET)
                input = descriptor
            } else {
                precondition(bytes.count < 60_000, "a pipe holds 64 KiB")
                _ = pipe(&ends)
                Self.writeAll(bytes, to: ends[1])
                close(ends[1])
                input = ends[0]
            }
            var promptEnds: [Int32] = [-1, -1]
            _ = pipe(&promptEnds)
            _ = fcntl(promptEnds[0], F_SETFL, fcntl(promptEnds[0], F_GETFL) | O_NONBLOCK)
            prompts = promptEnds
            reader = PlainLineReader(input: input, promptOutput: promptEnds[1], catchesInterrupts: false)
        }

        deinit {
            close(input)
            close(prompts[0])
            close(prompts[1])
        }

        func read(prompt: String = "") -> LineReadResult {
            reader.readLine(prompt: prompt, defaultText: nil, completions: [])
        }

        func writtenPrompts() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = Glibc.read(prompts[0], &buffer, buffer.count)
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        }

        private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
            var remaining = bytes[...]
            while !remaining.isEmpty {
                let written = remaining.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if written <= 0 { return }
                remaining = remaining.dropFirst(written)
            }
        }
    }

    @Test func eachLineIsReturnedWithoutItsLineFeed() {
        let piped = Piped(Array("yes\n3\n\nlast\n".utf8))
        #expect(piped.read() == .line("yes"))
        #expect(piped.read() == .line("3"))
        #expect(piped.read() == .line(""))
        #expect(piped.read() == .line("last"))
        #expect(piped.read() == .endOfInput)
        #expect(piped.read() == .endOfInput)
    }

    @Test func aFinalLineWithoutALineFeedIsStillALine() {
        let piped = Piped(Array("first\nno newline".utf8))
        #expect(piped.read() == .line("first"))
        #expect(piped.read() == .line("no newline"))
        #expect(piped.read() == .endOfInput)
    }

    @Test func emptyInputIsEndOfInputAtOnce() {
        let piped = Piped([])
        #expect(piped.read() == .endOfInput)
    }

    @Test func tabsAndEscapeBytesAreKeptAsData() {
        let piped = Piped(Array("a\tb\u{1B}[31mc\u{7F}\n".utf8))
        #expect(piped.read() == .line("a\tb\u{1B}[31mc\u{7F}"))
    }

    @Test func aCarriageReturnBeforeTheLineFeedIsDropped() {
        let piped = Piped(Array("windows\r\nmid\rdle\n".utf8))
        #expect(piped.read() == .line("windows"))
        #expect(piped.read() == .line("mid\rdle"))
    }

    @Test func veryLongLinesAreReadWhole() {
        let long = String(repeating: "0123456789", count: 300_000)
        let piped = Piped(Array((long + "\nafter\n").utf8), fromFile: true)
        #expect(piped.read() == .line(long))
        #expect(piped.read() == .line("after"))
    }

    @Test func manyLinesLongerThanTheReadChunkStayInOrder() {
        let lines = (0..<50).map { String(repeating: Character(UnicodeScalar(UInt8(97 + $0 % 26))), count: 10_000 + $0) }
        let piped = Piped(Array((lines.joined(separator: "\n") + "\n").utf8), fromFile: true)
        for line in lines {
            #expect(piped.read() == .line(line))
        }
        #expect(piped.read() == .endOfInput)
    }

    @Test func utf8TextIsDecodedAndInvalidBytesBecomeReplacementCharacters() {
        let piped = Piped(Array("到店体验\n".utf8) + [0x66, 0xFF, 0x6F, 0x0A])
        #expect(piped.read() == .line("到店体验"))
        #expect(piped.read() == .line("f\u{FFFD}o"))
    }

    @Test func thePromptIsWrittenNeutralisedButKeepsColour() {
        let piped = Piped(Array("x\n".utf8))
        _ = piped.read(prompt: "\u{1B}[36mQ1\u{1B}[0m \u{1B}]0;title\u{07}> ")
        #expect(piped.writtenPrompts() == "\u{1B}[36mQ1\u{1B}[0m ^[]0;title^G> \n")
    }

    @Test func thePromptsLineIsEndedOnceTheLineIsReadSoWhatFollowsStartsOnItsOwnLine() {
        let piped = Piped(Array("?\n".utf8))
        #expect(piped.read(prompt: "› ") == .line("?"))
        #expect(piped.read(prompt: "› ") == .endOfInput)
        #expect(piped.writtenPrompts() == "› \n› \n")
    }

    @Test func defaultTextAndCompletionsAreIgnoredWithoutAnEditor() {
        let piped = Piped(Array("\n".utf8))
        #expect(piped.reader.readLine(prompt: "", defaultText: "Store", completions: ["Store"]) == .line(""))
    }
}
