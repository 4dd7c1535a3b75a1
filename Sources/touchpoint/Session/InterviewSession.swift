import Foundation
import TouchpointCore
import TouchpointTerminal

#if canImport(Glibc)
import Glibc
#endif

/// Runs one interview with a person: at a terminal through readline, or from piped lines.
///
/// After every accepted answer the interview is checkpointed; a finished interview is appended to the
/// response file and only then is its checkpoint removed. Returns the exit status (0 ended, 3 unfinished).
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
        style = Style(colorEnabled: Console.colorEnabled(fd: STDOUT_FILENO, noColorFlag: setup.noColor))
        errorStyle = Style(colorEnabled: Console.colorEnabled(fd: STDERR_FILENO, noColorFlag: setup.noColor))
    }

    private var q: Questionnaire { setup.questionnaire }

    func run(resume: String?) -> Int32 {
        var interview: Interview
        var context: InterviewContext
        if let resume {
            guard let restored = ResumePicker(setup: setup, reader: reader, interactive: interactive).pick(resume) else { return 2 }
            (interview, context) = restored
            say(style.dim(text("Resuming interview \(context.responseID) at question \(interview.steps.count + 1).",
                               "继续访谈 \(context.responseID)，从第 \(interview.steps.count + 1) 题开始。", interview.language)))
        } else {
            let language = setup.language ?? q.defaultLanguage
            guard let meta = askMeta(language: language) else { return 3 }
            interview = Interview(setup.loaded.checked, language: language, meta: meta, seed: setup.seed)
            var random = SystemRandomNumberGenerator()
            context = InterviewContext(responseID: UUIDText.random(using: &random), questionnaireSHA256: setup.sha256,
                                       respondent: setup.respondent, interviewer: setup.interviewer,
                                       mode: .interactive, startedAt: Timestamp.rfc3339(Date()))
            if let title = q.title { say(style.bold(clean(title.text(language, fallback: q.defaultLanguage)))) }
            if let intro = q.intro { sayWrapped(intro.text(language, fallback: q.defaultLanguage)) }
            say("")
        }
        return loop(&interview, context)
    }

    private func loop(_ interview: inout Interview, _ context: InterviewContext) -> Int32 {
        let renderer = PromptRenderer(width: TerminalSize.columns(), style: style)
        var shownHint = false
        var lastKey: String?
        // Time spent on attempts that were not accepted still counts towards the question's duration.
        var carriedMs = 0
        while true {
            guard case .asking(let prompt) = interview.state else {
                return finish(interview, context)
            }
            if lastKey != prompt.key.description || prompt.pendingWarning != nil {
                for line in renderer.lines(for: prompt, showCommandsHint: !shownHint) { say(line) }
                shownHint = true
                lastKey = prompt.key.description
            }
            let started = DispatchTime.now().uptimeNanoseconds
            let result = reader.readLine(prompt: renderer.promptString(for: prompt), defaultText: prompt.defaultText,
                                         completions: prompt.completions)
            let elapsed = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000)
            switch result {
            case .endOfInput, .interrupted:
                if interactive { say("") }
                return suspend(interview, context)
            case .line(let line):
                let feedback = interview.submit(line, elapsedMs: elapsed + carriedMs)
                if case .accepted = feedback { carriedMs = 0 } else if case .back = feedback { carriedMs = 0 } else { carriedMs += elapsed }
                switch feedback {
                case .accepted, .back:
                    if !save(interview, context) { return 3 }
                    lastKey = nil
                    say("")
                case .invalid(let message):
                    complain(message, line: line, prompt: prompt)
                    lastKey = nil  // the question again, after the message
                case .confirm(let message):
                    complain(message, line: line, prompt: prompt)
                    lastKey = prompt.key.description
                case .help(let message):
                    sayWrapped(message, indent: 2)
                case .quit:
                    return suspend(interview, context)
                }
            }
        }
    }

    /// Appends the finished response, then removes the checkpoint; a failed write keeps the checkpoint.
    private func finish(_ interview: Interview, _ context: InterviewContext) -> Int32 {
        var done = context
        done.completedAt = Timestamp.rfc3339(Date())
        let line = interview.record(done).line()
        do {
            try setup.store.appendResponse(line: line, checkpointID: context.responseID)
        } catch {
            _ = save(interview, context)
            fail("the response was NOT saved: \(error.message)")
            return 3
        }
        do {
            try setup.store.removeCheckpoint(id: context.responseID)
        } catch {
            fail("the response was saved, but its checkpoint could not be removed: \(error.message)")
        }
        if case .finished(_, let text) = interview.state, let text { sayWrapped(text) }
        if let outro = q.outro { sayWrapped(outro.text(interview.language, fallback: q.defaultLanguage)) }
        say(style.success(text("Saved response \(context.responseID) to \(setup.store.outputPath).",
                               "答卷 \(context.responseID) 已保存到 \(setup.store.outputPath)。", interview.language)))
        return 0
    }

    /// Saves the interview for `--resume` and says how to continue.
    private func suspend(_ interview: Interview, _ context: InterviewContext) -> Int32 {
        guard save(interview, context) else { return 3 }
        let command = "touchpoint run \(setup.loaded.path) --resume \(context.responseID)"
        let count = interview.steps.count
        let message = text("Interview saved after \(count) answer\(count == 1 ? "" : "s"). Continue with: \(command)",
                           "访谈已保存（已答 \(count) 题）。继续请运行：\(command)", interview.language)
        Console.error(errorStyle.warning(message))
        return 3
    }

    private func save(_ interview: Interview, _ context: InterviewContext) -> Bool {
        let json = Checkpoint.json(interview, context: context, file: setup.loaded.path)
        do {
            try setup.store.saveCheckpoint(id: context.responseID, bytes: JSONWriter().bytes(json))
            return true
        } catch {
            fail("could not save the interview: \(error.message)")
            return false
        }
    }

    /// Asks the meta values marked `ask: true` that `--set` did not give.
    private func askMeta(language: String) -> [String: Value]? {
        var meta = setup.meta
        for field in q.meta where field.ask && meta[field.key] == nil {
            let fq = field.question
            let options = fq.allOptions
            while true {
                say(style.bold(clean(fq.text.text(language, fallback: q.defaultLanguage))) + style.dim(" (meta.\(field.key))"))
                for (i, o) in options.enumerated() { say("  \(i + 1)) \(clean(o.label.text(language, fallback: q.defaultLanguage)))") }
                let completions = options.map { $0.label.text(language, fallback: q.defaultLanguage) }
                switch reader.readLine(prompt: style.accent("› "), defaultText: nil, completions: completions) {
                case .endOfInput, .interrupted:
                    Console.error("touchpoint: stopped before the interview began; nothing was saved")
                    return nil
                case .line(let line):
                    switch AnswerParser.parse(line, rule: setup.loaded.checked.metaRule(field.key) ?? AnswerRule(fq),
                                              shown: options, language: language) {
                    case .success(let v):
                        meta[field.key] = v
                    case .failure(let problem):
                        complain(problem.message, line: line, prompt: nil)
                        continue
                    }
                }
                break
            }
        }
        return meta
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

    private func text(_ en: String, _ zh: String, _ language: String) -> String {
        language.hasPrefix("zh") ? zh : en
    }
}
