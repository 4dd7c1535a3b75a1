/// Why one line of a response file is not scored (or, for `verify`, not clean).
///
/// `kind` is for counting and for programs; `message` is for people and says what is wrong and how to
/// fix it, naming the question or field concerned.
public struct LineProblem: Error, Sendable, Hashable, CustomStringConvertible {
    /// The families of problems, in roughly the order a line is checked.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The last line has no newline: an interrupted write, never data.
        case incomplete
        /// The line is longer than a response record can reasonably be.
        case tooLong = "too_long"
        /// The line is not valid JSON, or not a JSON object.
        case invalidJSON = "invalid_json"
        /// The record belongs to another questionnaire.
        case otherQuestionnaire = "other_questionnaire"
        /// A record field (`response_id`, `status`, `answers`...) is missing or has the wrong type.
        case badField = "bad_field"
        /// An answer names no question, is keyed by something that is not a loop option, or breaks its
        /// question's rules.
        case badAnswer = "bad_answer"
        /// A `missing` entry names no question or gives a reason the question does not allow.
        case badMissing = "bad_missing"
        /// A meta value is not declared or breaks its rules.
        case badMeta = "bad_meta"
        /// The `response_id` was already scored from an earlier line.
        case duplicateID = "duplicate_id"
        /// `--weight` found no usable weight on the record.
        case badWeight = "bad_weight"
        /// Replaying the answers breaks the flow: an answer off the path, a required answer missing.
        case pathRule = "path_rule"
        /// A stored field disagrees with the replay (`status`, `computed`).
        case inconsistent
    }

    public var kind: Kind
    public var message: String

    /// A problem of `kind`, explained by `message`.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
