import Foundation

/// One saved (unfinished) interview of a questionnaire, read from its checkpoint in an output folder's `.partial/`.
///
/// `touchpoint saved` lists these and discards them; `run --resume` chooses among them. The facts shown for each
/// (who, by whom, meta, answers so far, the question reached, when it was saved) come from here, so the list and
/// the resume chooser say the same.
public struct SavedInterview: Sendable {
    public var id: String
    /// When the checkpoint was last written: the time of the last accepted answer.
    public var modified: Date
    /// The checkpoint as saved.
    public var checkpoint: JSONValue

    public var respondent: String? { checkpoint["respondent"]?.stringValue }
    public var interviewer: String? { checkpoint["interviewer"]?.stringValue }
    public var language: String? { checkpoint["language"]?.stringValue }
    public var startedAt: String? { checkpoint["started_at"]?.stringValue }
    /// The questionnaire file the interview was started with, as it was named then.
    public var file: String? { checkpoint["file"]?.stringValue }
    /// The meta values, by key in key order.
    public var meta: [(key: String, value: Value)] {
        (checkpoint["meta"]?.objectValue ?? JSONObject()).map { (key: $0.key, value: Value(json: $0.value)) }
            .sorted { $0.key < $1.key }
    }
    /// The meta values as a person would type them, by key in key order.
    public var metaText: [(key: String, value: String)] { meta.map { (key: $0.key, value: $0.value.display) } }

    /// What a step recorded, as a person would read it: the answer as typed, or the missing reason.
    public static func text(of outcome: StepOutcome) -> String {
        switch outcome {
        case .answer(let value): value.display
        case .missing(let reason): reason.rawValue
        case .seen: "seen"
        }
    }

    /// Number of prompts answered so far (notes seen included, as "saved after N answers" counts them).
    public var answered: Int { steps.count }
    /// The prompt reached: the last one answered.
    public var lastAnswered: String? { steps.last?.key }

    /// The recorded prompts in order, with what was recorded (damaged steps left out).
    public var steps: [(key: String, outcome: StepOutcome)] {
        (checkpoint["steps"]?.arrayValue ?? []).compactMap { step in
            guard let key = step["key"]?.stringValue else { return nil }
            if let answer = step["answer"] { return (key, .answer(Value(json: answer))) }
            if let reason = step["missing"]?.stringValue.flatMap(MissingReason.init(rawValue:)) { return (key, .missing(reason)) }
            if step["seen"] != nil { return (key, .seen) }
            return nil
        }
    }

    /// Whether the questionnaire file (of hex SHA-256 `sha256`) differs from the one the interview was saved with.
    public func fileChanged(sha256: String) -> Bool {
        checkpoint["questionnaire_sha256"]?.stringValue != sha256
    }

    /// The interview as `run --resume` would continue it with this questionnaire file, or why it would refuse.
    public func resumed(checked: CheckedQuestionnaire, sha256: String) -> Result<Checkpoint.Resumed, Checkpoint.Problem> {
        do {
            return .success(try Checkpoint.resume(checkpoint, checked: checked, sha256: sha256))
        } catch {
            return .failure(error)
        }
    }

    /// What `.partial/` holds for one questionnaire.
    public struct Listing: Sendable {
        /// The questionnaire's saved interviews, most recently saved first.
        public var saved: [SavedInterview] = []
        /// Checkpoints that cannot be read (not JSON, or not a checkpoint), by id, with why: whose they are is
        /// unknown, so every questionnaire of the folder lists them; `discard` removes one by its whole id.
        public var damaged: [(id: String, reason: String)] = []
    }

    /// Every saved interview of `questionnaire` in the store, and the damaged checkpoints beside them; saved
    /// interviews of other questionnaires are left out.
    public static func scan(_ store: ResponseStore, questionnaire: String) throws(StorageError) -> Listing {
        var listing = Listing()
        for entry in try store.listCheckpoints() {
            let json: JSONValue
            do {
                json = try JSONParser().parse(try store.loadCheckpoint(id: entry.id))
            } catch let error as StorageError {
                listing.damaged.append((entry.id, error.message))
                continue
            } catch {
                listing.damaged.append((entry.id, "not valid JSON: \(error)"))
                continue
            }
            guard json["format"]?.stringValue == Checkpoint.format, let owner = json["questionnaire"]?.stringValue else {
                listing.damaged.append((entry.id, "not a touchpoint checkpoint (or one written by a newer version)"))
                continue
            }
            if owner == questionnaire { listing.saved.append(SavedInterview(id: entry.id, modified: entry.modified, checkpoint: json)) }
        }
        return listing
    }

    /// Every saved interview of `questionnaire` in the store, most recently saved first (damaged and foreign
    /// checkpoints left out).
    public static func list(in store: ResponseStore, questionnaire: String) -> [SavedInterview] {
        (try? scan(store, questionnaire: questionnaire).saved) ?? []
    }

    /// What `discard` removed: a saved interview, or a damaged checkpoint known by its id only.
    public enum Discarded: Sendable {
        case saved(SavedInterview)
        case damaged(id: String)

        public var id: String {
            switch self {
            case .saved(let s): s.id
            case .damaged(let id): id
            }
        }
    }

    /// The saved interview (or damaged checkpoint) that `id` names: its whole id, or the start of one saved
    /// interview's id.
    public static func find(_ id: String, in store: ResponseStore, questionnaire: String) throws(SavedInterviewError) -> Discarded {
        guard ResponseStore.isValidCheckpointID(id) else { throw .notAnID(id) }
        let listing: Listing
        do {
            listing = try scan(store, questionnaire: questionnaire)
        } catch {
            throw .storage(error)
        }
        if let exact = listing.saved.first(where: { $0.id == id }) { return .saved(exact) }
        if listing.damaged.contains(where: { $0.id == id }) { return .damaged(id: id) }
        let prefixed = listing.saved.filter { $0.id.hasPrefix(id) }
        if prefixed.count == 1, let only = prefixed.first { return .saved(only) }
        if prefixed.count > 1 { throw .ambiguous(id, matches: prefixed.map(\.id)) }
        if let bytes = try? store.loadCheckpoint(id: id), let json = try? JSONParser().parse(bytes),
           let owner = json["questionnaire"]?.stringValue {
            throw .otherQuestionnaire(id, owner: owner, questionnaire: questionnaire)
        }
        throw .unknown(id, questionnaire: questionnaire, folder: store.partialFolder, saved: listing.saved.count)
    }

    /// Removes the saved interview `id` names (see `find`) durably: its checkpoint is unlinked and the folder
    /// synced, so the removal survives a crash. Returns what was removed.
    @discardableResult
    public static func discard(_ id: String, in store: ResponseStore, questionnaire: String) throws(SavedInterviewError) -> Discarded {
        let found = try find(id, in: store, questionnaire: questionnaire)
        do {
            try store.removeCheckpoint(id: found.id)
        } catch {
            throw .storage(error)
        }
        return found
    }
}
