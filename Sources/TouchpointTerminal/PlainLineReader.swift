import Glibc

/// Reads lines from input that is not a terminal (a pipe or a file), byte for byte.
///
/// There is no line editing: tabs, escape bytes and any other byte are data, each line is
/// everything up to a line feed however long, and one carriage return just before the line feed
/// (a file saved with CRLF line ends) is dropped. A last line without a line feed is still a line;
/// after it comes `.endOfInput`. Bytes that are not UTF-8 become U+FFFD. The reader buffers what it
/// reads, so nothing else should read the same descriptor while it is in use.
///
/// With `catchesInterrupts`, SIGINT, SIGTERM and SIGHUP stop being fatal while the reader exists:
/// the current or next `readLine` returns `.interrupted` instead.
public final class PlainLineReader: LineReader {
    private let input: Int32
    private let promptOutput: Int32?
    private let signals: TerminalSignals.Registration?
    private var buffer: [UInt8] = []
    /// Bytes before this index were returned already.
    private var start = 0
    /// Bytes from `start` up to this index are known to hold no line feed.
    private var scanned = 0
    private var reachedEnd = false
    private var chunk = [UInt8](repeating: 0, count: PlainLineReader.chunkSize)

    private static let chunkSize = 64 * 1024

    /// A reader of `input`, writing prompts to `promptOutput` unless it is nil.
    public init(input: Int32 = STDIN_FILENO, promptOutput: Int32? = STDOUT_FILENO, catchesInterrupts: Bool = true) {
        self.input = input
        self.promptOutput = promptOutput
        self.signals = catchesInterrupts ? TerminalSignals.register(TerminalSignals.stopSignals) : nil
    }

    /// Writes the prompt and returns the next line; `defaultText` and `completions` need an editor
    /// and are ignored.
    ///
    /// The line read is not echoed, so once it is read the prompt's line is ended: whatever is written
    /// next (a help text, a message about the answer, the next question) starts on a line of its own.
    public func readLine(prompt: String, defaultText: String?, completions: [String]) -> LineReadResult {
        if signals != nil, TerminalSignals.takeStop() != nil {
            return .interrupted
        }
        guard let promptOutput, !prompt.isEmpty else { return nextLine() }
        writeAll(TerminalSanitizer.neutralizeKeepingStyles(prompt), to: promptOutput)
        let result = nextLine()
        if !prompt.hasSuffix("\n") {
            writeAll("\n", to: promptOutput)
        }
        return result
    }

    /// The next line, the end of the input, or an interruption.
    private func nextLine() -> LineReadResult {
        while true {
            if let line = takeLine() {
                return .line(line)
            }
            if reachedEnd {
                return takeRest().map(LineReadResult.line) ?? .endOfInput
            }
            if signals != nil, TerminalSignals.takeStop() != nil {
                return .interrupted
            }
            fill()
        }
    }

    /// The next complete line in the buffer, if there is one.
    private func takeLine() -> String? {
        guard let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) else {
            scanned = buffer.count
            return nil
        }
        var end = newline
        if end > start && buffer[end - 1] == UInt8(ascii: "\r") {
            end -= 1
        }
        let line = String(decoding: buffer[start..<end], as: UTF8.self)
        start = newline + 1
        scanned = start
        compact()
        return line
    }

    /// What is left after the last line feed, once the input has ended.
    private func takeRest() -> String? {
        guard start < buffer.count else { return nil }
        let line = String(decoding: buffer[start...], as: UTF8.self)
        buffer.removeAll()
        start = 0
        scanned = 0
        return line
    }

    /// Drops returned bytes once they are the larger part of the buffer, keeping appends cheap.
    private func compact() {
        if start == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            start = 0
            scanned = 0
        } else if start > Self.chunkSize && start * 2 > buffer.count {
            buffer.removeSubrange(0..<start)
            scanned -= start
            start = 0
        }
    }

    /// Waits for input or a signal and appends what can be read.
    private func fill() {
        var descriptors = [pollfd(fd: input, events: Int16(POLLIN), revents: 0)]
        if let signals {
            descriptors.append(pollfd(fd: signals.wakeDescriptor, events: Int16(POLLIN), revents: 0))
        }
        let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
        if ready < 0 {
            if errno != EINTR && errno != EAGAIN { reachedEnd = true }
            return
        }
        if let signals, descriptors.count > 1, descriptors[1].revents != 0 {
            TerminalSignals.drain(signals.wakeDescriptor)
        }
        guard descriptors[0].revents != 0 else { return }
        let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
        if count > 0 {
            buffer.append(contentsOf: chunk[..<count])
        }
        if count == 0 {
            reachedEnd = true
        } else if count < 0 && errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK {
            // A read error (EIO once a terminal is gone) ends the input like end of file.
            reachedEnd = true
        }
    }

    private func writeAll(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            bytes = bytes.dropFirst(written)
        }
    }
}
