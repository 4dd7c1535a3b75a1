/// The rules of one interview with a person (SPEC section 4, durability), without a terminal: after every
/// accepted answer (and every step back) the state is saved to its checkpoint; a finished interview is
/// appended to the response file as one line, and only then is its checkpoint deleted.
///
/// The command line reads lines and renders prompts; this type decides what is saved and when, so the same
/// rules hold for readline, piped lines and tests that script the lines in-process.
public struct InterviewRun: Sendable {
    public private(set) var interview: Interview
    public private(set) var context: InterviewContext
    public let store: ResponseStore
    /// The questionnaire file's path as the user named it, kept in the checkpoint for `--resume` messages.
    public let file: String

    /// The meta values asked before the first question, if any are: asked first, and returned to by `<` at the
    /// first question.
    public private(set) var opening: MetaQuestions?

    /// Time spent on attempts that were not accepted, counted towards the question's duration.
    private var carriedMs = 0
    /// The output file's completes by quota, counted incrementally under its lock.
    private var tally: QuotaTally
    /// The file as it was when the session began, counted on another core until the first quota falls due.
    private var precount: BackgroundWork<QuotaTally>?

    /// Starts (or resumes) the session; with `opening`, its meta prompts come first and their values go into the
    /// interview. Quotas already due (meta-only ones, or all of them on resume) are checked once the meta values
    /// are in. A count that fails here is tried again after the next answer.
    public init(interview: Interview, context: InterviewContext, store: ResponseStore, file: String,
                opening: MetaQuestions? = nil) {
        self.interview = interview
        self.context = context
        self.store = store
        self.file = file
        tally = QuotaTally(interview.checked)
        if !interview.checked.questionnaire.quotas.isEmpty {
            let checked = interview.checked
            precount = BackgroundWork { store.precountQuotas(checked) }
        }
        self.opening = opening.flatMap { $0.fields.isEmpty ? nil : $0 }
        if let opening = self.opening {
            if opening.isFinished { startInterview(meta: opening.values) }
        } else {
            _ = try? settleQuotas()
        }
    }

    /// The prompt being asked: a meta prompt while those are asked, then the interview's.
    public var prompt: Prompt? {
        if let opening, let prompt = opening.prompt { return prompt }
        guard var prompt = interview.prompt else { return nil }
        if opening != nil && interview.steps.isEmpty { prompt.canGoBack = true }
        return prompt
    }

    /// Checks every quota that is due (`Interview.dueQuota`) against the output file, counted under its lock;
    /// a full one ends the interview with its status. Between this count and the append at `finish`, other
    /// interviewers sharing the file may complete interviews too: that is the overshoot docs/interviewing.md
    /// bounds.
    public mutating func settleQuotas() throws(StorageError) {
        guard interview.dueQuota != nil else { return }
        if let precount {
            tally = precount.wait()
            self.precount = nil
        }
        try store.countQuotas(&tally)
        while let quota = interview.dueQuota { interview.resolveQuota(quota, full: tally.isFull(quota)) }
    }

    /// What became of a line.
    public struct Outcome: Sendable {
        public var feedback: Feedback
        /// Why the checkpoint could not be saved after an accepted answer: the interview must stop.
        public var saveFailure: StorageError?
    }

    /// Hands one typed line to the interview; an accepted answer or a step back is checkpointed at once. A
    /// line holding several pasted lines is one answer, its line breaks folded into spaces (`AnswerLine`).
    ///
    /// While meta values are asked the line goes to them (nothing is saved before the first answer); `<` at the
    /// first question returns to the last meta prompt.
    public mutating func submit(_ line: String, elapsedMs: Int) -> Outcome {
        let line = AnswerLine.oneLine(line)
        if var opening {
            if !opening.isFinished {
                let feedback = opening.submit(line)
                self.opening = opening
                if opening.isFinished { startInterview(meta: opening.values) }
                return Outcome(feedback: feedback, saveFailure: nil)
            }
            if interview.steps.isEmpty, PromptCommand.parse(line.trimmingCharacters(in: .whitespaces)) == .back {
                opening.reopenLast()
                self.opening = opening
                carriedMs = 0
                return Outcome(feedback: .back, saveFailure: nil)
            }
        }
        let feedback = interview.submit(line, elapsedMs: elapsedMs + carriedMs)
        switch feedback {
        case .accepted, .back:
            carriedMs = 0
            do {
                try save()
                try settleQuotas()
            } catch {
                return Outcome(feedback: feedback, saveFailure: error)
            }
        default:
            carriedMs += elapsedMs
        }
        return Outcome(feedback: feedback, saveFailure: nil)
    }

    /// Begins the interview afresh with the meta values asked (there is no answer yet to keep), recording
    /// durations as the interview it replaces would have.
    private mutating func startInterview(meta: [String: Value]) {
        var fresh = Interview(interview.checked, language: interview.language, meta: meta, seed: interview.seed)
        fresh.recordsDurations = interview.recordsDurations
        fresh.confirmSoftChecksAutomatically = interview.confirmSoftChecksAutomatically
        interview = fresh
        _ = try? settleQuotas()
    }

    /// Saves the interview to its checkpoint (temp file, sync, rename, folder sync).
    public func save() throws(StorageError) {
        let json = Checkpoint.json(interview, context: context, file: file)
        try store.saveCheckpoint(id: context.responseID, bytes: JSONWriter().bytes(json))
    }

    /// Appends the finished interview's record (one write under the lock, then a sync), then deletes the
    /// checkpoint. A failed append keeps the checkpoint (saving it again) and rethrows; a failed delete
    /// is reported through `checkpointLeft` while the response stays saved.
    public mutating func finish(completedAt: String) throws(StorageError) -> (record: ResponseRecord, checkpointLeft: StorageError?) {
        context.completedAt = completedAt
        let record = interview.record(context)
        do {
            try store.appendResponse(line: record.line(), checkpointID: context.responseID)
        } catch {
            try? save()
            throw error
        }
        do {
            try store.removeCheckpoint(id: context.responseID)
        } catch {
            return (record, error)
        }
        return (record, nil)
    }

    /// Leaves the interview for `--resume`: saves it, unless nothing was answered yet, in which case there is
    /// nothing to resume and no checkpoint is left behind. Returns whether a checkpoint is kept.
    public func suspend() throws(StorageError) -> Bool {
        if interview.steps.isEmpty {
            try? store.removeCheckpoint(id: context.responseID)
            return false
        }
        try save()
        return true
    }
}
