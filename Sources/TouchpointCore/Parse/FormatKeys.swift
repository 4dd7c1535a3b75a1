/// The keys of the questionnaire format's smaller mappings, one list each, read by the parser.
///
/// With `QuestionnaireParser.topKeys`, `ItemParser.commonKeys`/`typeKeys` and `ScoreParser.methodKeys` these are
/// every key the format has; a test checks that docs/questionnaire.schema.json holds exactly these.
enum FormatKeys {
    static let defaults = ["required", "dont_know", "refuse"]
    static let budget = ["questions", "seconds"]
    static let option = ["value", "label", "exclusive", "fixed"]
    static let gridRow = ["id", "text"]
    static let check = ["rule", "message", "soft"]
    static let section = ["section", "title", "when", "for_each", "questions"]
    static let end = ["end", "id", "when", "text"]
    static let compute = ["compute", "value"]
    /// An entry of `quotas:`.
    static let quota = ["id", "when", "limit", "text", "status"]
    /// What a meta field has besides a question's keys (it has no `id`: its key is its id).
    static let metaExtra = ["ask"]
    /// An entry of a score's `items` written as a mapping.
    static let scoredItem = ["item", "reverse"]
    static let test = ["name", "language", "meta", "answers", "missing", "expect"]
    static let expect = ["status", "rejected", "asked", "not_asked", "computed"]
}
