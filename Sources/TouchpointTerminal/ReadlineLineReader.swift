@preconcurrency import CReadline
@preconcurrency import Glibc
import Synchronization

/// Reads answers at a terminal with GNU readline: line editing, history and Tab completion.
///
/// - History is kept in memory only, for the life of the reader: answers are personal data, so it
///   is never read from or written to a file, and it is cleared on deinit.
/// - Tab completes only from the `completions` given for the prompt (case-insensitive prefix
///   match; labels may contain spaces, commas or CJK text), never file names. In a list of answers
///   (`LineRequest.completesListItems`) the item being typed, after a comma or a space, is completed
///   (see `CompletionMatcher`); a second Tab lists the matching words alone.
/// - After the window is resized, the prompt's hint (`LineRequest.hint`) is drawn again at the new
///   width just above the prompt, and the line being edited after it.
/// - `defaultText` is placed in the edit buffer, shown as the active (highlighted) region: Enter accepts it,
///   the first character typed (or pasted) replaces it whole, and an editing key first (arrows, Home, End,
///   Backspace, Ctrl-A, Ctrl-E, ...) keeps it for editing; see `DefaultTextKeys`.
/// - Ctrl-C returns `.interrupted` (as do SIGTERM and SIGHUP), Ctrl-D on an empty line
///   `.endOfInput`; the terminal is back in its normal mode whenever `readLine` returns.
/// - Ctrl-Z restores the terminal before the process stops and sets it up again when it continues.
///
/// readline is a single instance per process: use one reader at a time, on a process whose
/// standard input and output are the terminal. The reader uses the callback interface of readline
/// and waits in `poll`, like CPython's readline module, so that a signal is acted on at once and
/// outside readline, with the cleanup readline documents for applications that handle signals.
/// readline needs a UTF-8 locale to edit multibyte text; the first reader sets `LC_CTYPE` from the
/// environment, or to `C.UTF-8` when the environment's is not UTF-8.
public final class ReadlineLineReader: LineReader {
    private let signals: TerminalSignals.Registration
    private var lastHistoryEntry: String?

    /// A reader of standard input, writing to standard output.
    public init() {
        ReadlineSession.lock.withLock { _ in
            Self.useUTF8Locale()
            // Signals are handled by this type, not by readline's own handlers (see ReadlineSession).
            rl_catch_signals = 0
            rl_catch_sigwinch = 0
            // readline would otherwise export LINES and COLUMNS into the environment.
            rl_change_environment = 0
            rl_readline_name = ReadlineSession.applicationName
            rl_prep_term_function = { meta in
                rl_prep_terminal(meta)
                ReadlineSession.keepInputOnSignals()
            }
            using_history()
        }
        signals = TerminalSignals.register(TerminalSignals.stopSignals + [SIGTSTP, SIGWINCH])
    }

    deinit {
        ReadlineSession.lock.withLock { _ in
            clear_history()
        }
    }

    /// Shows `prompt` (colour sequences allowed) and reads one edited line.
    public func readLine(prompt: String, defaultText: String?, completions: [String]) -> LineReadResult {
        readLine(LineRequest(prompt: prompt, defaultText: defaultText, completions: completions))
    }

    /// Shows the request's prompt and reads one edited line.
    public func readLine(_ request: LineRequest) -> LineReadResult {
        let result = ReadlineSession.lock.withLock { _ in
            ReadlineSession.read(request, wakeDescriptor: signals.wakeDescriptor)
        }
        if case .line(let line) = result, !line.isEmpty, line != lastHistoryEntry {
            ReadlineSession.lock.withLock { _ in add_history(line) }
            lastHistoryEntry = line
        }
        return result
    }

    private static func useUTF8Locale() {
        if setlocale(LC_CTYPE, "") != nil, let codeset = nl_langinfo(nl_item(CODESET)) {
            let name = String(cString: codeset).uppercased()
            if name == "UTF-8" || name == "UTF8" { return }
        }
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }
}

/// One `readLine` in progress, and the state readline's C callbacks need.
///
/// readline is a process-wide singleton whose callbacks are plain C functions that cannot carry
/// context, so the context lives here: the one place for readline's state on the Swift side (the
/// signal flags live in `TerminalSignals`). It and readline's own globals are touched only while
/// `lock` is held: inside `readLine`, on the thread that called it, which is also the only thread
/// readline calls back on.
private enum ReadlineSession {
    static let lock = Mutex(())

    /// What the callbacks read and write during one `readLine`.
    struct Context {
        var matcher = CompletionMatcher(candidates: [])
        var defaultText: String?
        var hint: ((Int) -> [String])?
        /// The words of the last completion, listed on a second Tab without the text kept before them.
        var listed: [String] = []
        var result: LineReadResult?
        var firstKey = DefaultTextKeys()
    }

    nonisolated(unsafe) static var context = Context()

    // Constant C strings that readline keeps pointers to; never freed, never written.
    nonisolated(unsafe) static let applicationName = cString("touchpoint")
    /// No completion word breaks: the matcher is given the whole line up to the cursor and finds the item.
    nonisolated(unsafe) static let noBreaks = mutableCString("")

    /// Runs readline's callback interface until a line, end of input or a stop signal.
    static func read(_ request: LineRequest, wakeDescriptor: Int32) -> LineReadResult {
        let prompt = request.prompt
        if TerminalSignals.takeSuspend() {
            TerminalSignals.suspendProcess()
        }
        if TerminalSignals.takeStop() != nil {
            return .interrupted
        }
        context = Context(matcher: CompletionMatcher(candidates: request.completions.map(TerminalSanitizer.neutralize),
                                                     completesListItems: request.completesListItems),
                          defaultText: request.defaultText, hint: request.hint, result: nil)
        defer { context = Context() }
        installCompletion()
        // Before input, after readline has drawn the prompt (it deactivates the mark after the startup hook).
        rl_pre_input_hook = { () -> Int32 in
            if let text = ReadlineSession.context.defaultText, !text.isEmpty {
                rl_insert_text(text)
                // Shown as the active region: it goes as soon as something is typed over it.
                rl_mark = 0
                rl_point = rl_end
                rl_activate_mark()
                rl_redisplay()
                ReadlineSession.context.firstKey = DefaultTextKeys(pending: true)
            }
            return 0
        }
        rl_getc_function = { stream in
            let key = rl_getc(stream)
            if key >= 0, ReadlineSession.context.firstKey.isPending,
               ReadlineSession.context.firstKey.replaces(after: UInt8(truncatingIfNeeded: key)) {
                // The first character typed over the default replaces it whole.
                rl_delete_text(0, rl_end)
                rl_point = 0
                rl_mark = 0
            }
            return key
        }
        rl_callback_handler_install(ReadlinePrompt.prepare(prompt)) { line in
            if let line {
                ReadlineSession.context.result = .line(String(cString: line))
                free(line)
            } else {
                ReadlineSession.context.result = .endOfInput
            }
            rl_callback_handler_remove()
        }
        rl_pre_input_hook = nil

        var hangUps = 0
        while context.result == nil {
            if let signal = TerminalSignals.takeStop() {
                abandonLine(echoInterrupt: signal == SIGINT)
                return .interrupted
            }
            if TerminalSignals.takeSuspend() {
                suspend()
            }
            if TerminalSignals.takeResize() {
                redrawAfterResize()
            }
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, nfds_t(descriptors.count), -1) < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                abandonLine(echoInterrupt: false)
                return .endOfInput
            }
            if descriptors[1].revents != 0 {
                TerminalSignals.drain(wakeDescriptor)
            }
            let events = Int32(descriptors[0].revents)
            if events & Int32(POLLNVAL) != 0 {
                abandonLine(echoInterrupt: false)
                return .endOfInput
            }
            if events != 0 {
                rl_callback_read_char()
            }
            // A terminal that hung up reads as end of file, which readline reports within two reads.
            hangUps = events & Int32(POLLIN) == 0 && events != 0 ? hangUps + 1 : 0
            if hangUps > 8 && context.result == nil {
                abandonLine(echoInterrupt: false)
                return .endOfInput
            }
        }
        // readline has moved to a new line itself, after a line as after Ctrl-D.
        return context.result ?? .endOfInput
    }

    /// Tab completion from `context.matcher` only.
    private static func installCompletion() {
        rl_attempted_completion_function = { text, _, _ in
            // Never fall back to readline's file-name completion, even when nothing matches.
            rl_attempted_completion_over = 1
            rl_completion_suppress_append = 1
            // With no word breaks, `text` is the whole line up to the cursor; matches replace all of it.
            guard let text, let completion = ReadlineSession.context.matcher.completion(for: String(cString: text)) else {
                ReadlineSession.context.listed = []
                return nil
            }
            ReadlineSession.context.listed = completion.matches
            // readline's format: a lone match, or the common prefix followed by every match.
            let strings = completion.matches.count == 1 ? [completion.replacement]
                : [completion.replacement] + completion.matches.map { completion.kept + $0 }
            return ReadlineSession.mallocStringArray(strings)
        }
        rl_completion_entry_function = { _, _ in nil }
        rl_completion_word_break_hook = { ReadlineSession.noBreaks }
        // A second Tab lists the words alone, not the answers typed before them.
        rl_completion_display_matches_hook = { _, _, _ in
            let words = ReadlineSession.context.listed
            guard let array = ReadlineSession.mallocStringArray([""] + words) else { return }
            defer {
                for index in 0...words.count { free(array[index]) }
                free(array)
            }
            let longest = words.map(DisplayWidth.of).max() ?? 0
            rl_display_match_list(array, Int32(words.count), Int32(longest))
            rl_forced_update_display()
        }
        rl_sort_completion_matches = 0
    }

    /// The window was resized: the prompt's hint again at the new width, then the prompt and the line.
    ///
    /// readline alone redraws only the prompt's own line, and where the terminal reflowed the lines
    /// above it, the hint could be wiped or left cut at the old width. Without a hint, readline's own
    /// redraw is enough.
    private static func redrawAfterResize() {
        guard let hint = context.hint else {
            rl_resize_terminal()
            return
        }
        // Clear the prompt and the text being edited (as readline last drew them), then learn the new size.
        rl_clear_visible_line()
        rl_reset_screen_size()
        for line in hint(TerminalSize.columns()) {
            fputs(line + "\r\n", stdout)
        }
        fflush(stdout)
        rl_forced_update_display()
    }

    /// Sets NOFLSH on the terminal while readline has it.
    ///
    /// Without it the kernel discards unread input when Ctrl-C or Ctrl-Z is typed, and a byte that
    /// `poll` reported could vanish before `rl_callback_read_char` reads it, leaving readline
    /// blocked in its own read. Typed-ahead input is discarded by `abandonLine` instead.
    static func keepInputOnSignals() {
        var settings = termios()
        guard tcgetattr(STDIN_FILENO, &settings) == 0 else { return }
        settings.c_lflag |= tcflag_t(NOFLSH)
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }

    /// Ends the current line without accepting it, leaving the terminal as it was before readline.
    ///
    /// The same steps as CPython's readline module after a KeyboardInterrupt. The cursor goes to the
    /// end of the line first and `^C` is shown there, as shells do, then a new line begins.
    private static func abandonLine(echoInterrupt: Bool) {
        rl_point = rl_end
        rl_redisplay()
        if echoInterrupt {
            fputs("^C", stdout)
            fflush(stdout)
        }
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        // What was typed ahead belongs to the abandoned line, as the kernel would have decided.
        _ = tcflush(STDIN_FILENO, TCIFLUSH)
        fputs("\n", stdout)
        fflush(stdout)
    }

    /// Ctrl-Z: the terminal goes back to normal while stopped, and to readline's mode after.
    private static func suspend() {
        rl_cleanup_after_signal()
        fflush(stdout)
        TerminalSignals.suspendProcess()
        rl_reset_after_signal()
        // Redraw from the start of the line: after `fg` the shell has left the cursor on a new
        // line, and when the stop was discarded the prompt is drawn again over itself.
        fputs("\r", stdout)
        rl_forced_update_display()
    }

    /// A NULL-terminated array of C strings, allocated with malloc as readline frees them with free.
    private static func mallocStringArray(_ strings: [String]) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
        let stride = MemoryLayout<UnsafeMutablePointer<CChar>?>.stride
        guard let raw = malloc((strings.count + 1) * stride) else { return nil }
        let array = raw.bindMemory(to: UnsafeMutablePointer<CChar>?.self, capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            array[index] = strdup(string)
        }
        array[strings.count] = nil
        return array
    }

    /// A C string that lives as long as the process: readline keeps pointers to these.
    private static func cString(_ text: String) -> UnsafePointer<CChar>? {
        UnsafePointer(strdup(text))
    }

    private static func mutableCString(_ text: String) -> UnsafeMutablePointer<CChar>? {
        strdup(text)
    }
}
