@preconcurrency import Glibc
import TestSupport

/// A child process whose standard input, output and error are pipes, driven from a test.
///
/// Input is fed while output is drained, so a large `--answers -` never deadlocks on a full pipe;
/// `expectOutput` waits for text on standard output, so a test can act at a known point of an interview
/// (after the next prompt has been written) instead of sleeping. Every wait has a deadline; a child still
/// running when the object goes away is killed.
final class PipedProcess {
    /// The child's process id.
    let processID: pid_t
    private(set) var standardOutput: [UInt8] = []
    private(set) var standardError: [UInt8] = []
    private var pendingInput: [UInt8] = []
    private var closeInputWhenWritten = false
    private var inputDescriptor: Int32
    private var outputDescriptor: Int32
    private var errorDescriptor: Int32
    private var exitStatus: Int32?
    /// Where the next `expectOutput` starts looking in standard output.
    private var cursor = 0
    private let commandLine: String

    /// Starts `executable` (an absolute path) with `arguments`, in `currentDirectory`, with exactly `environment`.
    init(executable: String, arguments: [String], environment: [String: String], currentDirectory: String) throws {
        commandLine = ([executable] + arguments).joined(separator: " ")
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1], error: [Int32] = [-1, -1]
        // O_CLOEXEC: a child started at the same moment by another test must not inherit our pipe ends,
        // or our child's output would never reach end of file.
        guard Self.pipeClosedOnExec(&input), Self.pipeClosedOnExec(&output), Self.pipeClosedOnExec(&error) else {
            throw PseudoTerminal.Failure(message: "cannot create pipes: \(String(cString: strerror(errno)))", transcript: "")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addchdir_np") else {
            throw PseudoTerminal.Failure(message: "posix_spawn_file_actions_addchdir_np is missing", transcript: "")
        }
        let addChdir = unsafeBitCast(symbol, to: AddChdir.self)
        _ = currentDirectory.withCString { addChdir(&actions, $0) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, error[1], 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // A process group of its own, so a timeout kills `sh -c` and what it started alike; default
        // signal handling and an empty mask, whatever the test runner set up.
        _ = posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        _ = posix_spawnattr_setpgroup(&attributes, 0)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        _ = posix_spawnattr_setsigmask(&attributes, &noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        _ = posix_spawnattr_setsigdefault(&attributes, &allSignals)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        close(input[0])
        close(output[1])
        close(error[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            close(error[0])
            throw PseudoTerminal.Failure(message: "cannot start \(executable): \(String(cString: strerror(status)))", transcript: "")
        }
        processID = pid
        inputDescriptor = input[1]
        outputDescriptor = output[0]
        errorDescriptor = error[0]
        for descriptor in [inputDescriptor, outputDescriptor, errorDescriptor] {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        }
    }

    deinit {
        if exitStatus == nil {
            _ = kill(-processID, SIGKILL)
            _ = kill(processID, SIGKILL)
            var status: Int32 = 0
            while waitpid(processID, &status, 0) < 0 && errno == EINTR {}
        }
        for descriptor in [inputDescriptor, outputDescriptor, errorDescriptor] where descriptor >= 0 { close(descriptor) }
    }

    /// Standard output so far, as text.
    var output: String { String(decoding: standardOutput, as: UTF8.self) }
    /// Standard error so far, as text.
    var errorOutput: String { String(decoding: standardError, as: UTF8.self) }

    /// Queues bytes for the child's standard input; they are written while the test waits.
    func send(_ bytes: [UInt8]) {
        pendingInput += bytes
        pump(waitingAtMost: .zero)
    }

    /// Queues text for the child's standard input.
    func send(_ text: String) {
        send(Array(text.utf8))
    }

    /// Closes the child's standard input once everything queued has been written (end of input).
    func closeInput() {
        closeInputWhenWritten = true
        pump(waitingAtMost: .zero)
    }

    /// Waits until `text` appears on standard output after the previous match, and moves past it.
    func expectOutput(_ text: String, timeout: Duration = .seconds(30)) throws {
        let needle = Array(text.utf8)
        let deadline = ContinuousClock.now + timeout
        while true {
            if let found = Self.find(needle, in: standardOutput, from: cursor) {
                cursor = found + needle.count
                return
            }
            if exitStatus != nil || pollExit() {
                drainAll()
                if let found = Self.find(needle, in: standardOutput, from: cursor) {
                    cursor = found + needle.count
                    return
                }
                throw failure("the program exited (status \(exitStatus ?? -1)) before writing \(text.debugDescription)")
            }
            let now = ContinuousClock.now
            guard now < deadline else { throw failure("timed out after \(timeout) waiting for \(text.debugDescription)") }
            pump(waitingAtMost: min(deadline - now, .milliseconds(100)))
        }
    }

    /// Waits for the child to end, collecting all its output; returns its status (128 + signal if killed).
    @discardableResult
    func waitForExit(timeout: Duration = .seconds(60)) throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while !(outputDescriptor < 0 && errorDescriptor < 0 && pollExit()) {
            guard ContinuousClock.now < deadline else {
                _ = kill(-processID, SIGKILL)
                throw failure("the program did not end within \(timeout); it was killed")
            }
            pump(waitingAtMost: .milliseconds(50))
        }
        return exitStatus ?? -1
    }

    /// Sends `signal` to the child itself.
    func signal(_ signal: Int32) {
        _ = kill(processID, signal)
    }

    // MARK: - Internals

    private func failure(_ message: String) -> PseudoTerminal.Failure {
        PseudoTerminal.Failure(message: "\(message)\n$ \(commandLine)\n--- stderr ---\n\(errorOutput)",
                               transcript: output)
    }

    /// Writes queued input and reads available output, waiting up to `timeout` for something to happen.
    private func pump(waitingAtMost timeout: Duration) {
        if inputDescriptor >= 0 && pendingInput.isEmpty && closeInputWhenWritten {
            close(inputDescriptor)
            inputDescriptor = -1
        }
        var descriptors: [pollfd] = []
        if outputDescriptor >= 0 { descriptors.append(pollfd(fd: outputDescriptor, events: Int16(POLLIN), revents: 0)) }
        if errorDescriptor >= 0 { descriptors.append(pollfd(fd: errorDescriptor, events: Int16(POLLIN), revents: 0)) }
        if inputDescriptor >= 0 && !pendingInput.isEmpty {
            descriptors.append(pollfd(fd: inputDescriptor, events: Int16(POLLOUT), revents: 0))
        }
        guard !descriptors.isEmpty else {
            if timeout > .zero { usleep(UInt32(min(timeout.components.attoseconds / 1_000_000_000_000, 50_000))) }
            return
        }
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&descriptors, nfds_t(descriptors.count), milliseconds) > 0 else { return }
        for entry in descriptors where entry.revents != 0 {
            if entry.fd == inputDescriptor {
                writeInput()
            } else if entry.fd == outputDescriptor {
                if !read(outputDescriptor, into: &standardOutput) { close(outputDescriptor); outputDescriptor = -1 }
            } else if entry.fd == errorDescriptor {
                if !read(errorDescriptor, into: &standardError) { close(errorDescriptor); errorDescriptor = -1 }
            }
        }
        if inputDescriptor >= 0 && pendingInput.isEmpty && closeInputWhenWritten {
            close(inputDescriptor)
            inputDescriptor = -1
        }
    }

    private func writeInput() {
        let written = pendingInput.withUnsafeBytes { write(inputDescriptor, $0.baseAddress, $0.count) }
        if written > 0 {
            pendingInput.removeFirst(written)
        } else if written < 0 && errno != EAGAIN && errno != EINTR {
            // EPIPE: the child stopped reading (it ended); what it did not take is dropped.
            pendingInput.removeAll()
            close(inputDescriptor)
            inputDescriptor = -1
        }
    }

    /// Reads what is available; false at end of file.
    private func read(_ descriptor: Int32, into buffer: inout [UInt8]) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = Glibc.read(descriptor, &chunk, chunk.count)
            if count > 0 {
                buffer.append(contentsOf: chunk[..<count])
                continue
            }
            if count == 0 { return false }
            return errno == EAGAIN || errno == EINTR
        }
    }

    /// After the child ended: everything still in the pipes.
    private func drainAll() {
        let deadline = ContinuousClock.now + .seconds(5)
        while (outputDescriptor >= 0 || errorDescriptor >= 0) && ContinuousClock.now < deadline {
            pump(waitingAtMost: .milliseconds(20))
        }
    }

    private func pollExit() -> Bool {
        if exitStatus != nil { return true }
        var status: Int32 = 0
        guard waitpid(processID, &status, WNOHANG) == processID else { return false }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return true
    }

    /// pipe2(O_CLOEXEC), which Swift does not import from glibc (it is a GNU extension).
    private static func pipeClosedOnExec(_ ends: inout [Int32]) -> Bool {
        typealias Pipe2 = @convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "pipe2") else { return false }
        let pipe2 = unsafeBitCast(symbol, to: Pipe2.self)
        return ends.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return pipe2(base, O_CLOEXEC) == 0
        }
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count) where haystack[index] == needle[0] {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }
}
