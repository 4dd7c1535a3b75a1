import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// Runs one interview with a person: at a terminal through readline, or from piped lines.
///
/// After every accepted answer the interview is checkpointed; a finished interview is appended to the
/// response file and only then is its checkpoint removed. Returns the exit status (0 ended, 3 unfinished and
/// saved, 1 stopped before the first answer with nothing saved).
final class InterviewSession {
    let setup: RunSetup
    let reader: LineReader
    let interactive: Bool
    let style: Style
    let errorStyle: Style

    init(setup: RunSetup, reader: LineReader, interactive: Bool) {
        self.setup = setup
        self.reader = reader
        self.interactive = interactive
        style = Style(colorEnabled: Console.colorEnabled(fd: STDOUT_FILENO, choice: setup.color))
        errorStyle = Style(colorEnabled: Console.colorEnabled(fd: STDERR_FILENO, choice: setup.color))
    }

    private var q: Questionnaire { setup.questionnaire }

    func run(resume: String?, preview: FirstScreenPreview? = nil) -> Int32 {
        var run: InterviewRun
        if let resume {
            guard let restored = ResumePicker(setup: setup, reader: reader, interactive: interactive).pick(resume) else { return 2 }
            let (interview, context) = restored
            say(style.dim(EngineText.text(.resuming, interview.language, context.responseID, String(interview.steps.count + 1))))
            run = InterviewRun(interview: interview, context: context, store: setup.store, file: setup.loaded.path)
        } else {
            run = newRun()
        }
        return loop(&run, introduce: resume == nil, preview: preview)
    }

    /// A new interview, its meta questions first.
    private func newRun() -> InterviewRun {
        let language = setup.language ?? q.defaultLanguage
        let opening = MetaQuestions(setup.loaded.checked, language: language, given: setup.meta)
        var interview = Interview(setup.loaded.checked, language: language, meta: setup.meta, seed: setup.seed)
        interview.recordsDurations = interactive  // piped lines are recorded as headless, with no durations
        var random = SystemRandomNumberGenerator()
        let context = InterviewContext(responseID: UUIDText.random(using: &random), questionnaireSHA256: setup.sha256,
                                       respondent: setup.respondent, interviewer: setup.interviewer,
                                       mode: interactive ? .interactive : .headless, startedAt: Timestamp.rfc3339(Date()))
        return InterviewRun(interview: interview, context: context, store: setup.store, file: setup.loaded.path,
                            opening: opening)
    }

    /// What a new interview shows before it reads its first line: the lines above the prompt and the prompt's own
    /// text, laid out for `columns`; nil when it would end before asking anything.
    func firstScreen(columns: Int) -> (lines: [String], prompt: String)? {
        let run = newRun()
        guard let prompt = run.prompt else { return nil }
        let renderer = renderer(columns: columns)
        return (screen(for: prompt, of: run, introduce: true, renderer: renderer), renderer.promptString(for: prompt))
    }

    /// How this session lays prompts out at a width: the one renderer of the loop and of `firstScreen`, so that
    /// a screen drawn from a file's head can match the session's own.
    private func renderer(columns: Int) -> PromptRenderer {
        var renderer = PromptRenderer(width: columns, style: style)
        renderer.lineEditing = interactive
        return renderer
    }

    /// The lines drawn above a prompt: the title and intro before the first question, then the prompt's own.
    private func screen(for prompt: Prompt, of run: InterviewRun, introduce: Bool, renderer: PromptRenderer) -> [String] {
        (introduce && prompt.metaKey == nil ? introLines(run.interview.language, columns: renderer.width) : [])
            + renderer.lines(for: prompt)
    }

    /// The title and intro, shown once before the first question.
    private func introLines(_ language: String, columns: Int) -> [String] {
        var lines: [String] = []
        if let title = q.title { lines.append(style.bold(clean(title.text(language, fallback: q.defaultLanguage)))) }
        if let intro = q.intro { lines += TextWrapper.wrap(clean(intro.text(language, fallback: q.defaultLanguage)), width: columns, indent: 0) }
        return lines + [""]
    }

    /// `preview`: the first screen already drawn from the file's head; kept if this session's first screen is the
    /// same, erased and drawn again otherwise.
    private func loop(_ run: inout InterviewRun, introduce needsIntro: Bool, preview: FirstScreenPreview?) -> Int32 {
        var needsIntro = needsIntro
        var preview = preview
        var lastKey: AnswerPath?
        // A line that was not accepted, offered again in the edit buffer to be corrected (terminal only).
        var rejected: String?
        while true {
            guard let prompt = run.prompt else {
                preview?.withdraw()
                return finish(&run)
            }
            // Laid out afresh for each prompt, so that a resized window is followed.
            let renderer = renderer(columns: TerminalSize.columns())
            // After a soft check the message was shown once (`complain`); the question is not drawn again.
            if lastKey != prompt.key {
                let lines = screen(for: prompt, of: run, introduce: needsIntro, renderer: renderer)
                if let shown = preview, shown.shows(lines, prompt: renderer.promptString(for: prompt), columns: renderer.width) {
                    // readline draws its prompt again over the one already shown.
                    Console.out("\r", terminator: "")
                    Console.flush()
                } else {
                    preview?.withdraw()
                    for line in lines { say(line) }
                }
                preview = nil
                lastKey = prompt.key
            }
            if prompt.metaKey == nil { needsIntro = false }
            let started = DispatchTime.now().uptimeNanoseconds
            let hintRenderer = renderer
            let request = LineRequest(prompt: renderer.promptString(for: prompt), defaultText: rejected ?? prompt.defaultText,
                                      completions: prompt.completions, completesListItems: prompt.completesListItems,
                                      hint: { columns in
                                          var resized = hintRenderer
                                          resized.width = columns
                                          return resized.hintLines(for: prompt)
                                      })
            rejected = nil
            let result = reader.readLine(request)
            let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            switch result {
            case .endOfInput, .interrupted:
                if interactive { say("") }
                return suspend(run)
            case .line(let line):
                let outcome = run.submit(line, elapsedMs: elapsed)
                if let failure = outcome.saveFailure {
                    fail("could not save the interview: \(failure.message)")
                    return 3
                }
                switch outcome.feedback {
                case .accepted, .back:
                    lastKey = nil
                    say("")
                case .invalid(let message):
                    complain(message, line: line, prompt: prompt)
                    lastKey = nil  // the question again, after the message
                    // A mistyped answer comes back to be corrected; a command refused here does not.
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    if interactive && !trimmed.isEmpty && PromptCommand.parse(trimmed) == nil { rejected = line }
                case .confirm(let message):
                    complain(message, line: line, prompt: prompt)
                    lastKey = prompt.key
                case .help(let message):
                    sayWrapped(message, indent: 2)
                case .quit:
                    return suspend(run)
                }
            }
        }
    }

    /// Appends the finished response, then removes the checkpoint; a failed write keeps the checkpoint.
    private func finish(_ run: inout InterviewRun) -> Int32 {
        let checkpointLeft: StorageError?
        do {
            checkpointLeft = try run.finish(completedAt: Timestamp.rfc3339(Date())).checkpointLeft
        } catch {
            fail("the response was NOT saved: \(error.message)")
            return 3
        }
        if let checkpointLeft {
            fail("the response was saved, but its checkpoint could not be removed: \(checkpointLeft.message)")
        }
        let interview = run.interview
        let renderer = PromptRenderer(width: TerminalSize.columns(), style: style)
        say(style.dim("[✓] " + renderer.progressBar(interview.progressFraction)))
        if case .finished(_, let text) = interview.state, let text { sayWrapped(text) }
        if let outro = q.outro { sayWrapped(outro.text(interview.language, fallback: q.defaultLanguage)) }
        say(style.success(EngineText.text(.savedResponse, interview.language, run.context.responseID, setup.store.outputPath)))
        return 0
    }

    /// Saves the interview for `--resume` and says how to continue (exit 3); before the first answer there is
    /// nothing to save, which it says, and exits 1 so that no script takes the stop for a saved interview.
    private func suspend(_ run: InterviewRun) -> Int32 {
        let kept: Bool
        do {
            kept = try run.suspend()
        } catch {
            fail("could not save the interview: \(error.message)")
            return 3
        }
        let language = run.interview.language
        guard kept else {
            Console.error(errorStyle.warning(EngineText.text(.nothingToResume, language)))
            return 1
        }
        let out = setup.store.outputPath == ResponseStore.defaultOutputPath(questionnaireID: q.id) ? "" : " --out \(ShellWord.quoted(setup.store.outputPath))"
        let command = "touchpoint run \(ShellWord.quoted(setup.loaded.path))\(out) --resume \(run.context.responseID)"
        let count = run.interview.steps.count
        let answers = count == 1 ? EngineText.text(.oneAnswer, language) : EngineText.text(.answers, language, String(count))
        let message = EngineText.text(.savedAfter, language, answers, command)
        Console.error(errorStyle.warning(message))
        return 3
    }

    // MARK: Output

    private func say(_ line: String) {
        Console.out(line)
        Console.flush()
    }

    private func sayWrapped(_ text: String, indent: Int = 0) {
        for line in TextWrapper.wrap(clean(text), width: TerminalSize.columns(), indent: indent) { say(line) }
    }

    /// An answer that was not accepted: on the terminal in the flow; in line mode on stderr, naming the input.
    private func complain(_ message: String, line: String, prompt: Prompt?) {
        if interactive {
            for l in TextWrapper.wrap(clean(message), width: TerminalSize.columns(), indent: 2) { say(style.warning(l)) }
        } else {
            let key = prompt.map { " at `\($0.key)`" } ?? ""
            Console.error("touchpoint: input \(clean(line).debugDescription)\(key): \(clean(message))")
        }
    }

    private func fail(_ message: String) {
        Console.error(errorStyle.error("touchpoint: \(message)"))
    }

    private func clean(_ s: String) -> String { TerminalSanitizer.neutralize(s) }
}
