/// `validate NEW --against OLD`: what changed between two versions of a questionnaire that makes the data
/// collected under OLD incomparable with data collected under NEW (SPEC section 1).
///
/// Every finding is a warning placed in NEW (a question gone from NEW is reported at NEW's `questions:` and
/// names its line in OLD), and says which collected answers can no longer be compared:
/// - `id-removed`: a question (or grid row) of OLD is not in NEW, and nothing in NEW looks like it;
/// - `id-renamed`: it is in NEW under another id, with identical type, text and options;
/// - `option-removed` / `option-recoded`: an option value is gone, or a label now has another value, or a value
///   another label;
/// - `type-changed` / `range-changed`: the question's type, or its scale, number or grid range, changed;
/// - `routing-changed`: NEW asks a question under a condition OLD did not have, so some respondents who
///   answered it under OLD are not asked under NEW.
public enum VersionComparison {
    /// The findings for NEW compared with OLD; both must have parsed.
    public static func compare(new: Questionnaire, old: Questionnaire) -> [Diagnostic] {
        let newFlow = FlowItem.flatten(new.items), oldFlow = FlowItem.flatten(old.items)
        let newQuestions = questions(newFlow), oldQuestions = questions(oldFlow)
        let newByID = Dictionary(newQuestions.map { ($0.question.id, $0) }, uniquingKeysWith: { first, _ in first })
        let oldIDs = Set(oldQuestions.map(\.question.id))
        let language = old.defaultLanguage
        var bag = DiagnosticBag()
        var claimed: Set<String> = []
        for (oldQuestion, oldPlace) in oldQuestions {
            guard let (newQuestion, newPlace) = newByID[oldQuestion.id] else {
                let rename = newQuestions.first { candidate in
                    !oldIDs.contains(candidate.question.id) && !claimed.contains(candidate.question.id)
                        && sameContent(candidate.question, oldQuestion)
                }
                if let rename {
                    claimed.insert(rename.question.id)
                    bag.add(.idRenamed, at: rename.question.position,
                            "question `\(oldQuestion.id)` (line \(oldQuestion.position.line) of the earlier version) is now `\(rename.question.id)`, "
                            + "with the same text and options: answers collected as `\(oldQuestion.id)` are stored under another name",
                            hint: "keep the id `\(oldQuestion.id)`, or join `\(oldQuestion.id)` and `\(rename.question.id)` when analysing")
                } else {
                    bag.add(.idRemoved, at: new.position(of: "questions"),
                            "question `\(oldQuestion.id)` (line \(oldQuestion.position.line) of the earlier version) is gone: the answers "
                            + "collected to it have no counterpart in this version",
                            hint: "keep it, or analyse its earlier answers on their own")
                }
                continue
            }
            compareQuestion(newQuestion, oldQuestion, language: language, into: &bag)
            compareRouting(newQuestion, newPlace, oldPlace, into: &bag)
        }
        return bag.sorted
    }

    private static func questions(_ flow: [FlowItem]) -> [(question: Question, flow: FlowItem)] {
        flow.compactMap { f in
            if case .question(let q) = f.item, q.type != .note { return (q, f) }
            return nil
        }
    }

    /// A rename keeps type, text and options exactly.
    private static func sameContent(_ a: Question, _ b: Question) -> Bool {
        a.type == b.type && a.text.translations == b.text.translations
            && a.options.map(\.value) == b.options.map(\.value)
            && a.options.map(\.label.translations) == b.options.map(\.label.translations)
            && a.min == b.min && a.max == b.max && a.rows.map(\.id) == b.rows.map(\.id)
    }

    private static func compareQuestion(_ new: Question, _ old: Question, language: String, into bag: inout DiagnosticBag) {
        let id = new.id
        if new.type != old.type {
            bag.add(.typeChanged, at: new.position(of: "type"),
                    "`\(id)` was a \(old.type.rawValue) question and is now a \(new.type.rawValue) question: its answers collected "
                    + "before this version cannot be compared with those collected after",
                    hint: "keep the type, or give the changed question a new id")
            return
        }
        if let oldRange = range(old), let newRange = range(new), oldRange != newRange {
            bag.add(.rangeChanged, at: new.position(of: new.keyPositions["min"] != nil ? "min" : "max"),
                    "the range of `\(id)` was \(oldRange) and is now \(newRange): points collected before this version mean "
                    + "something else, so its answers (and scores built on it) cannot be compared across versions",
                    hint: "keep the range, or give the question a new id")
        }
        compareOptions(new, old, language: language, into: &bag)
        let newRows = Set(new.rows.map(\.id))
        for row in old.rows where !newRows.contains(row.id) {
            bag.add(.idRemoved, at: new.position(of: "rows"),
                    "row `\(row.id)` of grid `\(id)` is gone: the answers collected to it have no counterpart in this version",
                    hint: "keep the row, or analyse its earlier answers on their own")
        }
    }

    private static func range(_ q: Question) -> String? {
        switch q.type {
        case .scale, .number, .date, .grid:
            guard q.options.isEmpty else { return nil }
            if q.type == .date { return "\(q.minDate ?? "any") to \(q.maxDate ?? "any")" }
            func f(_ v: Double?) -> String { v.map { $0 == $0.rounded() ? String(Int($0)) : String($0) } ?? "unbounded" }
            return "\(f(q.min)) to \(f(q.max))"
        default:
            return nil
        }
    }

    private static func compareOptions(_ new: Question, _ old: Question, language: String, into bag: inout DiagnosticBag) {
        guard !old.options.isEmpty else { return }
        let id = new.id
        func label(_ o: ChoiceOption) -> String { o.label.text(language, fallback: o.value.description) }
        let newByValue = Dictionary(new.options.map { ($0.value, $0) }, uniquingKeysWith: { first, _ in first })
        for option in old.options {
            if let now = newByValue[option.value] {
                if label(now) != label(option) {
                    bag.add(.optionRecoded, at: now.position,
                            "option `\(option.value)` of `\(id)` was \"\(label(option))\" and is now \"\(label(now))\": answers `\(option.value)` "
                            + "collected before this version meant something else",
                            hint: "give the new meaning a new value, and keep `\(option.value)` for the old one")
                }
                continue
            }
            if let moved = new.options.first(where: { label($0) == label(option) && !old.options.map(\.value).contains($0.value) }) {
                bag.add(.optionRecoded, at: moved.position,
                        "option \"\(label(option))\" of `\(id)` was stored as `\(option.value)` and is now `\(moved.value)`: answers "
                        + "collected before this version carry the old code",
                        hint: "keep the value `\(option.value)`, or recode the earlier answers when analysing")
            } else {
                bag.add(.optionRemoved, at: new.position(of: "options"),
                        "option `\(option.value)` (\"\(label(option))\") of `\(id)` is gone: respondents who chose it before this version "
                        + "have no counterpart, so the shares of the other options are not comparable across versions",
                        hint: "keep the option, or merge it into another one when analysing")
            }
        }
    }

    /// A condition NEW puts on a question that OLD did not have: some who answered it before are not asked now.
    private static func compareRouting(_ new: Question, _ newPlace: FlowItem, _ oldPlace: FlowItem, into bag: inout DiagnosticBag) {
        let oldConditions = Set(oldPlace.conditions.map { normalized($0.source) })
        let added = newPlace.conditions.filter { !oldConditions.contains(normalized($0.source)) }
        guard let first = added.first else { return }
        let before = oldPlace.conditions.isEmpty ? "was asked of everyone who reached it"
            : "was asked when " + oldPlace.conditions.map { "`\($0.source)`" }.joined(separator: " and ")
        bag.add(.routingChanged, at: first.position,
                "`\(new.id)` \(before), and is now asked only when " + added.map { "`\($0.source)`" }.joined(separator: " and ")
                + ": its answers collected before this version include respondents this version skips, so compare them only "
                + "for those who meet the new condition",
                hint: "keep the condition, or filter the earlier answers by it when comparing")
    }

    private static func normalized(_ source: String) -> String {
        source.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }
}
