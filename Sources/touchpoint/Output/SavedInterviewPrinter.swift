import Foundation
import TouchpointCore
import TouchpointTerminal

/// Shows saved interviews to people, the same way in `touchpoint saved` and in the chooser of `run --resume`:
/// who, by whom, meta, answers so far, the question reached (against the questionnaire file as it is now) and
/// when it was saved. Every text from a checkpoint is neutralised before it reaches the terminal.
struct SavedInterviewPrinter {
    let checked: CheckedQuestionnaire
    /// The hex SHA-256 of the questionnaire file as it is now.
    let sha256: String
    var style = Style(colorEnabled: false)

    private var questionnaire: Questionnaire { checked.questionnaire }

    /// The labelled facts of one saved interview, in the order shown.
    func details(_ saved: SavedInterview) -> [(label: String, value: String)] {
        var rows: [(label: String, value: String)] = []
        rows.append(("respondent", saved.respondent.map(clean) ?? "-"))
        rows.append(("interviewer", saved.interviewer.map(clean) ?? "-"))
        if questionnaire.languages.count > 1, let language = saved.language { rows.append(("language", clean(language))) }
        let meta = saved.metaText.map { "\(clean($0.key))=\(clean($0.value))" }
        rows.append(("meta", meta.isEmpty ? "-" : meta.joined(separator: ", ")))
        var answers = "\(saved.answered)"
        if let last = saved.steps.last { answers += ", the last `\(clean(last.key))`: \(clean(Self.shown(last.outcome)))" }
        rows.append(("answers", answers))
        rows.append(("reached", reached(saved)))
        if let started = saved.startedAt { rows.append(("started", clean(started))) }
        rows.append(("saved", Timestamp.rfc3339(saved.modified)))
        return rows
    }

    /// The question the interview would continue at with the file as it is now, or why it cannot continue.
    func reached(_ saved: SavedInterview) -> String {
        switch saved.resumed(checked: checked, sha256: sha256) {
        case .failure(let problem):
            return style.warning("cannot be resumed with this file: \(clean(problem.message))")
        case .success(let resumed):
            let changed = resumed.fileChanged ? " (the file has changed since it was saved; the answers still fit)" : ""
            guard let prompt = resumed.interview.prompt else {
                return "the end: resuming finishes it\(changed)"
            }
            return "question \(resumed.interview.steps.count + 1), `\(clean(prompt.key.description))` “\(Self.excerpt(clean(prompt.text)))”\(changed)"
        }
    }

    /// One saved interview as a block: its id, then its facts under aligned labels.
    func block(_ saved: SavedInterview, number: Int? = nil) -> [String] {
        let rows = details(saved)
        let width = rows.map(\.label.count).max() ?? 0
        let head = number.map { "\($0)) " } ?? ""
        let indent = String(repeating: " ", count: max(head.count, 2))
        var lines = [head + style.bold(saved.id)]
        for row in rows {
            lines.append(indent + style.dim(row.label.padding(toLength: width, withPad: " ", startingAt: 0)) + "  " + row.value)
        }
        return lines
    }

    /// One line about a saved interview (the interview `run --resume` picks without asking).
    func summary(_ saved: SavedInterview) -> String {
        var parts: [String] = []
        if let r = saved.respondent { parts.append("respondent \(clean(r))") }
        if let i = saved.interviewer { parts.append("interviewer \(clean(i))") }
        let meta = saved.metaText.map { "\(clean($0.key))=\(clean($0.value))" }
        if !meta.isEmpty { parts.append("meta " + meta.joined(separator: ", ")) }
        parts.append(saved.answered == 1 ? "1 answer" : "\(saved.answered) answers")
        parts.append("saved \(Timestamp.rfc3339(saved.modified))")
        return parts.joined(separator: "; ")
    }

    /// The saved interviews of a listing as JSON (`touchpoint saved --format json`).
    func json(_ listing: SavedInterview.Listing, folder: String) -> JSONValue {
        var o = JSONObject()
        o["questionnaire"] = .string(questionnaire.id)
        o["folder"] = .string(folder)
        o["saved"] = .array(listing.saved.map(json))
        o["damaged"] = .array(listing.damaged.map { .object(JSONObject([(key: "response_id", value: .string($0.id)),
                                                                         (key: "reason", value: .string($0.reason))])) })
        return .object(o)
    }

    private func json(_ saved: SavedInterview) -> JSONValue {
        var o = JSONObject()
        func text(_ s: String?) -> JSONValue { s.map(JSONValue.string) ?? .null }
        o["response_id"] = .string(saved.id)
        o["respondent"] = text(saved.respondent)
        o["interviewer"] = text(saved.interviewer)
        o["language"] = text(saved.language)
        o["meta"] = saved.checkpoint["meta"] ?? .object(JSONObject())
        var answers = JSONObject(), missing = JSONObject()
        for step in saved.steps {
            switch step.outcome {
            case .answer(let v): answers[step.key] = v.json
            case .missing(let r): missing[step.key] = .string(r.rawValue)
            case .seen: break
            }
        }
        o["answered"] = .number(Double(saved.answered))
        o["answers"] = .object(answers)
        o["missing"] = .object(missing)
        o["last_answered"] = text(saved.lastAnswered)
        o["started_at"] = text(saved.startedAt)
        o["saved_at"] = .string(Timestamp.rfc3339(saved.modified))
        o["file_changed"] = .bool(saved.fileChanged(sha256: sha256))
        switch saved.resumed(checked: checked, sha256: sha256) {
        case .success(let resumed):
            o["resumable"] = .bool(true)
            o["reached"] = text(resumed.interview.prompt?.key.description)
            o["question_number"] = .number(Double(resumed.interview.steps.count + 1))
            o["problem"] = .null
        case .failure(let problem):
            o["resumable"] = .bool(false)
            o["reached"] = .null
            o["question_number"] = .null
            o["problem"] = .string(problem.message)
        }
        return .object(o)
    }

    static func shown(_ outcome: StepOutcome) -> String {
        excerpt(SavedInterview.text(of: outcome))
    }

    /// At most 48 characters of `text`, cut with an ellipsis.
    static func excerpt(_ text: String) -> String {
        text.count <= 48 ? text : String(text.prefix(47)) + "…"
    }

    private func clean(_ s: String) -> String { TerminalSanitizer.neutralize(s) }
}
