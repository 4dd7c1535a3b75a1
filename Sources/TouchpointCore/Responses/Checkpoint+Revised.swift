/// Resuming after the questionnaire file was edited: the saved answers are replayed against the revised file.
///
/// The rules are those of `run --answers` (SPEC section 4, headless): each saved answer goes through the
/// question's one answer rule and its checks, a failed hard check or an answer the question no longer takes
/// refuses it, and a failed soft check is kept with a warning, as a headless replay keeps it. Unlike a whole
/// scripted respondent, a saved interview stops part way: its answers must be the first prompts of the revised
/// path, in order, and the interview continues at the first prompt after them. Nothing is invented for a
/// prompt the respondent never saw (a question added before the point reached is a conflict, not `skipped`),
/// and no saved answer is dropped (a question removed, or no longer on the path, is a conflict too), so an
/// accepted answer is never lost: the checkpoint stays as it was until the interview goes on.
extension Checkpoint {
    /// The interview with `steps` replayed against the revised questionnaire, or the first conflict.
    static func replayRevised(_ steps: [(key: String, outcome: StepOutcome)], checked: CheckedQuestionnaire,
                              language: String?, meta: [String: Value], seed: UInt64) throws(Problem) -> Interview {
        let q = checked.questionnaire
        if let language, !q.languages.isEmpty, !q.languages.contains(language) {
            throw Problem(message: "the interview is in `\(language)`, which the revised questionnaire no longer offers (\(q.languages.joined(separator: ", ")))")
        }
        for key in meta.keys.sorted() {
            guard let rule = checked.metaRule(key) else {
                throw Problem(message: "meta `\(key)` was given, but the revised questionnaire no longer declares it", question: "meta.\(key)")
            }
            if let value = meta[key], let problem = rule.problem(with: value, language: language ?? q.defaultLanguage) {
                throw Problem(message: "meta `\(key)` (\(value.display)) no longer fits: \(problem.message)", question: "meta.\(key)")
            }
        }
        var interview = Interview(checked, language: language, meta: meta, seed: seed)
        interview.confirmSoftChecksAutomatically = true
        for (index, step) in steps.enumerated() {
            let key = step.key
            guard let prompt = interview.prompt else {
                let status: String
                if case .finished(let s, _) = interview.state { status = s.rawValue } else { status = "complete" }
                throw Problem(message: "`\(key)` was answered, but the revised questionnaire ends the interview before it (as \(status))", question: key)
            }
            let asked = prompt.key.description
            guard asked == key else {
                if AnswerPath(parsing: key, in: checked) == nil {
                    throw Problem(message: "`\(key)` was answered, but the revised questionnaire has no such question", question: key)
                }
                let skipped = Problem(message: "`\(key)` was answered, but the revised questionnaire no longer asks it at this point (it goes on to `\(asked)`)", question: key)
                if steps[index...].contains(where: { $0.key == asked }) { throw skipped }
                // Within one loop round, interview order tells a question added before the saved answer (or one a
                // condition now shows) from a saved answer that a condition now skips.
                if let saved = AnswerPath(parsing: key, in: checked), saved.loop == prompt.key.loop,
                   let savedOrder = checked.table.question(saved.question).flatMap({ checked.order[$0.position] }),
                   let askedOrder = checked.order[prompt.question.position], savedOrder != askedOrder {
                    if savedOrder < askedOrder { throw skipped }
                    throw Problem(message: "the revised questionnaire asks `\(asked)` before `\(key)`, which was already answered", question: asked)
                }
                throw Problem(message: "`\(key)` was answered, but the revised questionnaire asks `\(asked)` at that point instead", question: key)
            }
            if (prompt.question.type == .note) != (step.outcome == .seen) {
                throw Problem(message: "`\(key)` was \(step.outcome == .seen ? "a note" : "a question"), but the revised questionnaire makes it \(step.outcome == .seen ? "a question" : "a note")", question: key)
            }
            switch interview.submit(step.outcome) {
            case .accepted:
                continue
            case .invalid(let message), .confirm(let message):
                throw Problem(message: "the saved answer to `\(key)` (\(shown(step.outcome))) no longer fits: \(message)", question: key)
            case .back, .help, .quit:
                throw Problem(message: "the saved answer to `\(key)` could not be recorded again", question: key)
            }
        }
        interview.confirmSoftChecksAutomatically = false
        return interview
    }

    /// Whether `outcome` is still something the question at `path` takes (defaults kept after `:back`).
    static func fits(_ outcome: StepOutcome, at path: AnswerPath, checked: CheckedQuestionnaire, language: String) -> Bool {
        guard let question = checked.table.question(path.question) else { return false }
        switch outcome {
        case .seen: return question.type == .note
        case .missing(.skipped): return !question.required || path.isOtherText
        case .missing(.dontKnow): return question.dontKnow
        case .missing(.refused): return question.refuse
        case .answer(let value):
            guard question.type != .note else { return false }
            if path.isOtherText { return true }
            let rule = checked.rule(question.id) ?? AnswerRule(question)
            return rule.problem(with: value, language: language) == nil
        }
    }

    private static func shown(_ outcome: StepOutcome) -> String {
        switch outcome {
        case .answer(let value): value.display.debugDescription
        case .missing(let reason): reason.rawValue
        case .seen: "seen"
        }
    }
}
