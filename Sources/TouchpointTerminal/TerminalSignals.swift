import Glibc
import Synchronization

/// Process-wide catching of the signals that stop, pause or resize line reading.
///
/// Signal dispositions belong to the whole process, so this is process-wide state, kept here and
/// nowhere else. The handler only records what happened, in lock-free atomics, and writes one
/// byte to a pipe so that a reader blocked in `poll` wakes up; the readers act on the flags at a
/// safe point. Catching is reference counted per signal: the first reader that asks installs the
/// handler and the last one that lets go restores what was there before. A signal that was
/// ignored when asked for (`nohup`, a background job) stays ignored.
///
/// While caught, SIGINT, SIGTERM and SIGHUP no longer end the process; the next or current
/// `readLine` returns `.interrupted` instead, so the interview can be saved first.
enum TerminalSignals {
    /// The signals that end an interview: Ctrl-C, a polite kill, the terminal going away.
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    /// The last stop signal received and not yet reported, 0 when none.
    private static let pendingStop = Atomic<Int32>(0)
    /// Whether SIGWINCH arrived since it was last taken.
    private static let pendingResize = Atomic<Bool>(false)
    /// Whether SIGTSTP (Ctrl-Z) arrived since it was last taken.
    private static let pendingSuspend = Atomic<Bool>(false)
    /// Write end of the wake-up pipe, -1 while no signal is caught.
    private static let wakeWriter = Atomic<Int32>(-1)

    /// Installed handlers and the pipe, changed only under this lock.
    private static let installation = Mutex(Installation())

    private struct Installation {
        var counts: [Int32: Int] = [:]
        var previous: [Int32: sigaction] = [:]
        var wakeReader: Int32 = -1
        var wakeWriter: Int32 = -1
    }

    /// A claim on catching some signals, released on deinit.
    final class Registration {
        let signals: [Int32]
        /// Read end of the wake-up pipe: readable after any caught signal.
        let wakeDescriptor: Int32

        fileprivate init(signals: [Int32], wakeDescriptor: Int32) {
            self.signals = signals
            self.wakeDescriptor = wakeDescriptor
        }

        deinit {
            TerminalSignals.release(signals)
        }
    }

    /// Starts catching `signals` until the returned registration is released.
    static func register(_ signals: [Int32]) -> Registration {
        let wake = installation.withLock { state -> Int32 in
            if state.wakeReader < 0 {
                var ends: [Int32] = [-1, -1]
                if pipe(&ends) == 0 {
                    for end in ends {
                        _ = fcntl(end, F_SETFD, FD_CLOEXEC)
                        _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
                    }
                    state.wakeReader = ends[0]
                    state.wakeWriter = ends[1]
                    wakeWriter.store(ends[1], ordering: .sequentiallyConsistent)
                }
            }
            for signal in signals {
                let count = state.counts[signal, default: 0]
                state.counts[signal] = count + 1
                guard count == 0 else { continue }
                var previous = sigaction()
                guard sigaction(signal, nil, &previous) == 0, !isIgnored(previous) else { continue }
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { signal in TerminalSignals.record(signal) }
                sigemptyset(&action.sa_mask)
                // No SA_RESTART: a blocked read or poll returns EINTR and the reader looks at the flags.
                action.sa_flags = 0
                if sigaction(signal, &action, nil) == 0 {
                    state.previous[signal] = previous
                }
            }
            return state.wakeReader
        }
        return Registration(signals: signals, wakeDescriptor: wake)
    }

    private static func release(_ signals: [Int32]) {
        installation.withLock { state in
            for signal in signals {
                let count = state.counts[signal, default: 0]
                guard count > 0 else { continue }
                state.counts[signal] = count - 1
                if count == 1, var previous = state.previous.removeValue(forKey: signal) {
                    _ = sigaction(signal, &previous, nil)
                }
            }
            if state.counts.values.allSatisfy({ $0 == 0 }) && state.wakeReader >= 0 {
                // Handlers are gone, so none can write to the pipe once it is closed.
                wakeWriter.store(-1, ordering: .sequentiallyConsistent)
                close(state.wakeReader)
                close(state.wakeWriter)
                state.wakeReader = -1
                state.wakeWriter = -1
            }
        }
    }

    /// The signal handler: only async-signal-safe work (atomic stores and `write`).
    private static func record(_ signal: Int32) {
        let savedErrno = errno
        switch signal {
        case SIGWINCH: pendingResize.store(true, ordering: .sequentiallyConsistent)
        case SIGTSTP: pendingSuspend.store(true, ordering: .sequentiallyConsistent)
        default: pendingStop.store(signal, ordering: .sequentiallyConsistent)
        }
        let writer = wakeWriter.load(ordering: .sequentiallyConsistent)
        if writer >= 0 {
            var byte: UInt8 = 1
            _ = write(writer, &byte, 1)
        }
        errno = savedErrno
    }

    /// The stop signal received since the last call, if any; taking it clears it.
    static func takeStop() -> Int32? {
        let signal = pendingStop.exchange(0, ordering: .sequentiallyConsistent)
        return signal == 0 ? nil : signal
    }

    /// Whether the window was resized since the last call.
    static func takeResize() -> Bool {
        pendingResize.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Whether Ctrl-Z was pressed since the last call.
    static func takeSuspend() -> Bool {
        pendingSuspend.exchange(false, ordering: .sequentiallyConsistent)
    }

    /// Empties the wake-up pipe after a wake-up; the flags say what happened.
    static func drain(_ wakeDescriptor: Int32) {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
    }

    /// Stops the process as Ctrl-Z would have without a handler, returning once it is continued.
    ///
    /// The caller restores the terminal first and sets it up again afterwards. The handler is put
    /// back even if the process group is orphaned and the kernel discards the stop.
    static func suspendProcess() {
        var defaultAction = sigaction()
        var ours = sigaction()
        defaultAction.__sigaction_handler.sa_handler = SIG_DFL
        sigemptyset(&defaultAction.sa_mask)
        guard sigaction(SIGTSTP, &defaultAction, &ours) == 0 else { return }
        var unblock = sigset_t()
        var previousMask = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, &previousMask)
        _ = kill(getpid(), SIGTSTP)
        _ = pthread_sigmask(SIG_SETMASK, &previousMask, nil)
        _ = sigaction(SIGTSTP, &ours, nil)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        guard let handler = action.__sigaction_handler.sa_handler else { return false }
        return unsafeBitCast(handler, to: Int.self) == 1  // SIG_IGN is the handler address 1
    }
}
