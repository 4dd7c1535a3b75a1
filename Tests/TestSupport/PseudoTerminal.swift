@preconcurrency import Glibc
import Synchronization

/// A child process running on a pseudo-terminal, driven like a person at a keyboard.
///
/// For end-to-end tests of interactive programs: the child gets a real terminal as its standard
/// input, output and error, and as its controlling terminal (so Ctrl-C sent as a byte becomes
/// SIGINT, as at a real keyboard). Everything it writes is kept in a transcript; `expect` waits for
/// text to appear in it and fails with the whole transcript shown.
///
/// ```swift
/// let terminal = try PseudoTerminal(executable: PseudoTerminal.builtProduct("touchpoint"),
///                                   arguments: ["run", "survey.yaml"], currentDirectory: folder)
/// try terminal.expect("Q1")
/// try terminal.send("yes\r")
/// #expect(try terminal.waitForExit() == 0)
/// ```
///
/// The child is killed (its whole process group) when the terminal is deinitialised.
public final class PseudoTerminal {
    /// Bytes that keys send, for `send`.
    public enum Key {
        public static let enter = "\r"
        public static let tab = "\t"
        public static let up = "\u{1B}[A"
        public static let down = "\u{1B}[B"
        public static let right = "\u{1B}[C"
        public static let left = "\u{1B}[D"
        public static let backspace = "\u{7F}"
        public static let controlA = "\u{01}"
        public static let controlC = "\u{03}"
        public static let controlD = "\u{04}"
        public static let controlE = "\u{05}"
        public static let controlU = "\u{15}"
        public static let controlZ = "\u{1A}"
    }

    /// What went wrong, with the transcript so far.
    public struct Failure: Error, CustomStringConvertible {
        public let message: String
        public let transcript: String

        public init(message: String, transcript: String) {
            self.message = message
            self.transcript = transcript
        }

        public var description: String {
            "\(message)\n--- terminal transcript (\\e is ESC, \\r carriage return) ---\n\(transcript)\n--- end of transcript ---"
        }
    }

    /// The child's process id; also its process group and session id.
    public let processID: pid_t
    private let master: Int32
    private let slave: Int32
    private var output: [UInt8] = []
    /// Where the next `expect` starts looking.
    private var cursor = 0
    private var exitStatus: Int32?

    /// An environment for predictable terminal programs: an xterm, a UTF-8 locale, no inputrc.
    public static var defaultEnvironment: [String: String] {
        var environment = ["TERM": "xterm", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "INPUTRC": "/dev/null"]
        for name in ["PATH", "HOME"] {
            if let value = getenv(name) { environment[name] = String(cString: value) }
        }
        return environment
    }

    /// The path of an executable built by SwiftPM beside the running test bundle.
    public static func builtProduct(_ name: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        let testRunner = length > 0 ? String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
        let directory = testRunner.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return directory + "/" + name
    }

    /// Serialises creating terminals, so that one child never inherits another's descriptors.
    private static let spawnLock = Mutex(())

    /// Starts `executable` on a new pseudo-terminal of `columns` x `rows`.
    ///
    /// - Parameters:
    ///   - executable: an absolute path (no PATH search).
    ///   - arguments: the arguments after the program name.
    ///   - environment: the whole environment of the child.
    ///   - currentDirectory: the child's working directory; the test's when nil.
    public init(executable: String, arguments: [String] = [], environment: [String: String] = PseudoTerminal.defaultEnvironment,
         currentDirectory: String? = nil, columns: Int = 80, rows: Int = 24) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        var masterDescriptor: Int32 = -1
        var slaveDescriptor: Int32 = -1
        var name = [CChar](repeating: 0, count: 256)
        var pid: pid_t = 0
        let spawnError: Int32 = try Self.spawnLock.withLock { _ in
            guard openpty(&masterDescriptor, &slaveDescriptor, &name, nil, &size) == 0 else {
                throw Failure(message: "openpty failed: \(String(cString: strerror(errno)))", transcript: "")
            }
            _ = fcntl(masterDescriptor, F_SETFD, FD_CLOEXEC)
            _ = fcntl(slaveDescriptor, F_SETFD, FD_CLOEXEC)
            return Self.spawn(executable: executable, arguments: arguments, environment: environment,
                              currentDirectory: currentDirectory, terminalPath: String(decoding: name.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self), pid: &pid)
        }
        guard spawnError == 0 else {
            close(masterDescriptor)
            close(slaveDescriptor)
            throw Failure(message: "cannot start \(executable): \(String(cString: strerror(spawnError)))", transcript: "")
        }
        _ = fcntl(masterDescriptor, F_SETFL, fcntl(masterDescriptor, F_GETFL) | O_NONBLOCK)
        master = masterDescriptor
        // Kept open so that the terminal never hangs up under the child while it starts or exits.
        slave = slaveDescriptor
        processID = pid
    }

    deinit {
        if exitStatus == nil && processID > 1 {
            _ = kill(-processID, SIGKILL)
            _ = kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        close(master)
        close(slave)
    }

    /// Everything the child wrote so far, with control characters made visible.
    public var transcript: String {
        Self.visible(output)
    }

    /// Types bytes at the keyboard.
    public func send(_ bytes: [UInt8]) throws {
        var remaining = bytes[...]
        while !remaining.isEmpty {
            let written = remaining.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR || errno == EAGAIN {
                    pump(waitingAtMost: .milliseconds(10))
                    continue
                }
                throw Failure(message: "cannot write to the terminal: \(String(cString: strerror(errno)))", transcript: transcript)
            }
            remaining = remaining.dropFirst(written)
        }
    }

    /// Types text at the keyboard (keys from `Key` included).
    public func send(_ text: String) throws {
        try send(Array(text.utf8))
    }

    /// Waits until `text` appears in the output after the previous match, and moves past it.
    ///
    /// - Returns: the output from the previous match to the end of this one.
    @discardableResult
    public func expect(_ text: String, timeout: Duration = .seconds(20)) throws -> String {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = Self.find(needle, in: output, from: cursor) {
                let end = found + needle.count
                defer { cursor = end }
                return String(decoding: output[cursor..<end], as: UTF8.self)
            }
            let now = ContinuousClock.now
            guard now < deadline else {
                throw Failure(message: "timed out after \(timeout) waiting for \(Self.visible(needle)) after offset \(cursor)",
                              transcript: transcript)
            }
            if exitStatus != nil || pollExit() {
                pump(waitingAtMost: .zero)
                if Self.find(needle, in: output, from: cursor) == nil {
                    throw Failure(message: "the program exited (status \(exitStatus ?? -1)) before writing \(Self.visible(needle))",
                                  transcript: transcript)
                }
                continue
            }
            pump(waitingAtMost: min(deadline - now, .milliseconds(100)))
        }
    }

    /// Waits for the child to end and returns its exit status (128 + the signal if one killed it).
    public func waitForExit(timeout: Duration = .seconds(20)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while !pollExit() {
            guard ContinuousClock.now < deadline else {
                throw Failure(message: "the program did not exit within \(timeout)", transcript: transcript)
            }
            pump(waitingAtMost: .milliseconds(20))
        }
        pump(waitingAtMost: .zero)
        return exitStatus ?? -1
    }

    /// Resizes the terminal; the kernel sends SIGWINCH to the child.
    public func setWindowSize(columns: Int, rows: Int) throws {
        var size = winsize(ws_row: UInt16(rows), ws_col: UInt16(columns), ws_xpixel: 0, ws_ypixel: 0)
        guard ioctl(master, UInt(TIOCSWINSZ), &size) == 0 else {
            throw Failure(message: "cannot resize the terminal: \(String(cString: strerror(errno)))", transcript: transcript)
        }
    }

    /// The terminal's current settings, as the child last set them.
    public func settings() -> termios? {
        var settings = termios()
        return tcgetattr(slave, &settings) == 0 ? settings : nil
    }

    /// Whether the terminal is in its normal line mode: canonical input with echo.
    public var isInCookedMode: Bool {
        guard let settings = settings() else { return false }
        let flags = tcflag_t(ICANON | ECHO)
        return settings.c_lflag & flags == flags
    }

    // MARK: - Internals

    /// Reads whatever the child wrote, waiting up to `timeout` for the first bytes.
    private func pump(waitingAtMost timeout: Duration) {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return }
            output.append(contentsOf: buffer[..<count])
        }
    }

    /// Reaps the child if it has ended.
    private func pollExit() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        let result = waitpid(processID, &status, WNOHANG)
        guard result == processID else { return false }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    private static func visible(_ bytes: [UInt8]) -> String {
        var text = ""
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            switch scalar {
            case "\u{1B}": text += "\\e"
            case "\r": text += "\\r"
            case "\n": text += "\n"
            case "\t": text += "\\t"
            default:
                text += scalar.value < 0x20 || scalar.value == 0x7F
                    ? "\\x" + String(scalar.value, radix: 16) : String(scalar)
            }
        }
        return text
    }

    /// posix_spawn with a new session whose controlling terminal is `terminalPath`.
    private static func spawn(executable: String, arguments: [String], environment: [String: String],
                              currentDirectory: String?, terminalPath: String, pid: inout pid_t) -> Int32 {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // POSIX_SPAWN_SETSID (0x80, a GNU extension Swift does not import): the child leads a new
        // session, so the terminal it opens next becomes its controlling terminal.
        let setSessionID: Int32 = 0x80
        _ = posix_spawnattr_setflags(&attributes, Int16(setSessionID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        _ = posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        _ = posix_spawnattr_setsigdefault(&attributes, &allSignals)

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if let currentDirectory {
            // posix_spawn_file_actions_addchdir_np (glibc 2.29) is a GNU extension Swift does not import.
            typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
            guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else { return ENOSYS }
            let addChdir = unsafeBitCast(symbol, to: AddChdir.self)
            let status = currentDirectory.withCString { addChdir(&actions, $0) }
            guard status == 0 else { return status }
        }
        _ = posix_spawn_file_actions_addopen(&actions, 0, terminalPath, O_RDWR, 0)
        _ = posix_spawn_file_actions_adddup2(&actions, 0, 1)
        _ = posix_spawn_file_actions_adddup2(&actions, 0, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        return posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    }
}
