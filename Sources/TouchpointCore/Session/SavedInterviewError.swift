/// Why a saved interview named by id cannot be found or removed (`touchpoint saved FILE --discard ID`).
public enum SavedInterviewError: Error, Sendable, CustomStringConvertible {
    /// The text cannot be an interview id at all.
    case notAnID(String)
    /// No saved interview of the questionnaire has this id, or an id starting with it.
    case unknown(String, questionnaire: String, folder: String, saved: Int)
    /// Several saved interviews' ids start with this text.
    case ambiguous(String, matches: [String])
    /// The checkpoint belongs to another questionnaire.
    case otherQuestionnaire(String, owner: String, questionnaire: String)
    /// The `.partial` folder or the checkpoint could not be read or removed.
    case storage(StorageError)

    public var message: String {
        switch self {
        case .notAnID(let id):
            return "`\(id)` is not an interview id (ids are letters, digits and '-', such as 3f2a6c1e-8d0b-4c7e-9a55-0d7c2b1e4f10); list the saved interviews without --discard"
        case .unknown(let id, let questionnaire, let folder, let saved):
            let hint = saved == 0 ? "there are none" : "\(saved) \(saved == 1 ? "is" : "are") listed without --discard"
            return "no saved interview `\(id)` of `\(questionnaire)` in \(folder) (\(hint)); is --out the same as the interview's?"
        case .ambiguous(let id, let matches):
            return "`\(id)` is the start of \(matches.count) saved interviews' ids (\(matches.sorted().joined(separator: ", "))); type more of it"
        case .otherQuestionnaire(let id, let owner, let questionnaire):
            return "`\(id)` is a saved interview of `\(owner)`, not of `\(questionnaire)`; name that questionnaire's file to discard it"
        case .storage(let error):
            return error.message
        }
    }

    public var description: String { message }
}
