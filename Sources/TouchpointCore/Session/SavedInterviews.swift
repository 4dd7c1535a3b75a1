import Foundation

/// The saved (unfinished) interviews of one questionnaire in an output folder's `.partial/`, newest first.
public struct SavedInterview: Sendable {
    public var id: String
    public var modified: Date
    /// The checkpoint as saved.
    public var checkpoint: JSONValue

    public var respondent: String? { checkpoint["respondent"]?.stringValue }
    public var interviewer: String? { checkpoint["interviewer"]?.stringValue }
    /// Number of prompts answered so far.
    public var answered: Int { checkpoint["steps"]?.arrayValue?.count ?? 0 }
    /// The prompt reached: the last one answered.
    public var lastAnswered: String? { checkpoint["steps"]?.arrayValue?.last?["key"]?.stringValue }

    /// Every saved interview of `questionnaire` in the store (damaged and foreign checkpoints left out).
    public static func list(in store: ResponseStore, questionnaire: String) -> [SavedInterview] {
        guard let entries = try? store.listCheckpoints() else { return [] }
        return entries.compactMap { entry in
            guard let bytes = try? store.loadCheckpoint(id: entry.id),
                  let json = try? JSONParser().parse(bytes),
                  json["questionnaire"]?.stringValue == questionnaire else { return nil }
            return SavedInterview(id: entry.id, modified: entry.modified, checkpoint: json)
        }
    }
}
