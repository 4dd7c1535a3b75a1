/// Walks an interview with answers given in advance (headless `--answers`, in-file tests).
///
/// The flow is walked with the same rules as at a terminal. A respondent is accepted or rejected whole: an
/// invalid answer, a missing required answer, or an answer to a question its path never asks rejects it.
public struct Replay: Sendable {
    /// Answers by question id; loop answers keyed by option value, grid answers by row id.
    public var answers: [String: Value]
    /// Missing reasons (`skipped`, `dont_know`, `refused`) in the same shape as `answers`.
    public var missing: [String: Value]

    public init(answers: [String: Value], missing: [String: Value] = [:]) {
        self.answers = answers
        self.missing = missing
    }

    /// Why a respondent was rejected: the question concerned and a message for people.
    public struct Rejection: Error, Sendable, Hashable {
        public var question: String
        public var message: String
    }

    /// How a replay settles the quotas that fall due (see `Interview.dueQuota`).
    public enum QuotaDecision: Sendable, Hashable {
        /// Every quota is open: the replay goes on and `run` returns the quotas that were due, in order.
        case allOpen
        /// The quota with this id is full (it ends the interview when due); the others are open. Answers
        /// after that point are not used, as a real interview would never ask them.
        case full(String)
        /// The quotas with these ids are full (each ends the interview where it falls due); the others are open.
        case fullAmong(Set<String>)
        /// Replaying a stored record that ended with this status: a due quota with that status is full when
        /// every stored answer has been used, that is where the record ended (`verify`).
        case endsWhereAnswersEnd(EndStatus)
    }

    /// Answers `interview` until it finishes, or throws the first reason to reject the respondent.
    public func run(_ interview: inout Interview) throws(Rejection) {
        _ = try run(&interview, quotas: .allOpen)
    }

    /// Answers `interview` until it finishes, settling quotas as `quotas` says; returns the ids of the quotas
    /// that fell due (and were held open) on the way.
    @discardableResult
    public func run(_ interview: inout Interview, quotas: QuotaDecision) throws(Rejection) -> [String] {
        try run(&interview, quotas: quotas, onDue: nil)
    }

    /// As `run(_:quotas: .allOpen)`, and also, for each quota that fell due, the interview as it would have
    /// ended had that quota been full: what `run(_:quotas: .full(id))` gives, without replaying again.
    ///
    /// Quotas in `full` are known to be full already: the first of them to fall due ends the interview there
    /// (`Interview.endedByQuota`), as with `.fullAmong(full)`; the others are held open and their endings kept.
    public func runKeepingQuotaEndings(_ interview: inout Interview, full: Set<String> = []) throws(Rejection)
        -> (due: [String], endings: [String: Interview]) {
        var endings: [String: Interview] = [:]
        let due = try run(&interview, quotas: full.isEmpty ? .allOpen : .fullAmong(full)) { quota, atDue in
            var ended = atDue
            ended.resolveQuota(quota, full: true)
            endings[quota.id] = ended
        }
        return (due, endings)
    }

    private func run(_ interview: inout Interview, quotas: QuotaDecision,
                     onDue: ((Quota, Interview) -> Void)?) throws(Rejection) -> [String] {
        interview.confirmSoftChecksAutomatically = true
        // Shapes first: an answer given in the wrong shape (a loop answer not keyed by option) is reported as
        // such, not later as a missing answer.
        // Then how many prompt keys the answers and missing reasons speak of, and, prompt by prompt, how many
        // of them were used: every one must be, or the respondent answers what its path never asks. Counted,
        // not kept as a set of key texts to strike out: the texts are built only to name an unused one.
        // Given keys that could spell one prompt key in two ways (`[`, `]` or `.` in them) are kept as texts.
        let table = interview.table
        let leafCount = try leafKeyCount(table)
        var unused = leafCount == nil ? try leafKeys(table) : []
        var used = 0
        func allUsed() -> Bool { leafCount.map { used == $0 } ?? unused.isEmpty }
        var due: [String] = []
        var guardSteps = 0
        // The quotas that fall due are settled before every prompt. Written in the loop, not as a nested
        // function: one capturing `interview` copied the whole interview at every prompt to read `dueQuota`.
        let hasQuotas = !interview.questionnaire.quotas.isEmpty
        while true {
            while hasQuotas, let quota = interview.dueQuota {
                let full: Bool
                switch quotas {
                case .allOpen: full = false
                case .full(let id): full = quota.id == id
                case .fullAmong(let ids): full = ids.contains(quota.id)
                case .endsWhereAnswersEnd(let status): full = quota.status == status && allUsed()
                }
                if !full {
                    due.append(quota.id)
                    onDue?(quota, interview)
                }
                interview.resolveQuota(quota, full: full)
            }
            // Only the key and question of the prompt: not a copy of all of it at every step.
            guard let asked = interview.asked else { break }
            guardSteps += 1
            if guardSteps > 1_000_000 { throw Rejection(question: asked.key.question, message: "the interview did not end") }
            let key = asked.key
            let q = asked.question
            let answer = lookup(answers, key)
            let reason = lookup(missing, key)
            // The key's text, for `unused` and for messages, built only when needed.
            var name: String { key.description }
            if q.type == .note {
                _ = interview.submit(.seen)
                if leafCount != nil {
                    if uses(key, answer: answer, reason: reason) { used += 1 }
                } else if !unused.isEmpty {
                    unused.remove(name)
                }
                continue
            }
            let feedback: Feedback
            if let answer, answer != .null {
                if reason != nil {
                    throw Rejection(question: name, message: "`\(name)` has both an answer and a missing reason")
                }
                feedback = interview.submit(.answer(answer))
            } else if let reason {
                guard case .text(let text) = reason, let r = MissingReason(rawValue: text) else {
                    throw Rejection(question: name, message: "the missing reason of `\(name)` must be \"skipped\", \"dont_know\" or \"refused\", not \(reason.display)")
                }
                feedback = interview.submit(.missing(r))
            } else if !q.required || key.isOtherText {
                feedback = interview.submit(.missing(.skipped))
            } else {
                throw Rejection(question: name, message: "no answer to the required question `\(name)`")
            }
            switch feedback {
            case .accepted:
                if leafCount != nil {
                    if uses(key, answer: answer, reason: reason) { used += 1 }
                } else if !unused.isEmpty {
                    unused.remove(name)
                }
            case .invalid(let message), .confirm(let message):
                let given = answer.map { " \($0.display.debugDescription)" } ?? ""
                throw Rejection(question: name, message: "`\(name)`\(given): \(message)")
            default:
                throw Rejection(question: name, message: "`\(name)` could not be recorded")
            }
        }
        if interview.endedByQuota != nil {
            switch quotas {
            case .full, .fullAmong: return due
            case .allOpen, .endsWhereAnswersEnd: break
            }
        }
        if let leafCount, used < leafCount {
            // Some given key was not used: find which, as texts (the steps are the prompts accepted).
            unused = try leafKeys(table).subtracting(interview.steps.lazy.map(\.key.description))
        }
        // The first unasked answer in sorted order, when there is one.
        if let key = unused.min() {
            throw Rejection(question: key, message: "answers `\(key)`, which this respondent's path never asks")
        }
        return due
    }

    private func lookup(_ source: [String: Value], _ key: AnswerPath) -> Value? {
        var value = source[key.isOtherText ? key.question + "_other" : key.question]
        for option in key.loop {
            guard case .keyed(let map)? = value else { return nil }
            value = map[option.description]
        }
        if let row = key.row {
            guard case .keyed(let map)? = value else { return nil }
            value = map[row]
        }
        return value
    }

    /// Whether the prompt `key`, whose answer and missing reason were looked up as `answer` and `reason`, is
    /// one of the keys `leafKeys` lists: a grid row given (even as null), or another answer or reason given
    /// and not null; a missing reason counts only when `answers` does not name the question at all.
    private func uses(_ key: AnswerPath, answer: Value?, reason: Value?) -> Bool {
        func given(_ value: Value?) -> Bool { key.row != nil ? value != nil : value != nil && value != .null }
        if given(answer) { return true }
        guard given(reason) else { return false }
        return answers[key.isOtherText ? key.question + "_other" : key.question] == nil
    }

    /// How many keys `leafKeys` lists, without building their texts; nil when a given loop or row key holds
    /// `[`, `]` or `.`, which could make two of them one text.
    private func leafKeyCount(_ table: SymbolTable) throws(Rejection) -> Int? {
        var count = 0
        var plain = true
        try forEachGivenKey(table) { _, loopKeys, row in
            count += 1
            if plain, loopKeys.contains(where: Self.couldJoin) || row.map(Self.couldJoin) == true { plain = false }
        }
        return plain ? count : nil
    }

    /// Calls `visit` with every prompt key the given answers and missing reasons speak of, as the name given
    /// (a question id or `<id>_other`), its loop keys as given, outermost first, and its grid row; throws the
    /// first answer of the wrong shape or name. As over `answers.merging(missing)` keeping the answer: a name
    /// in both is walked once, with its answer. Null answers name no key; a grid's rows do, even when null.
    private func forEachGivenKey(_ table: SymbolTable,
                                 _ visit: (_ name: String, _ loopKeys: [String], _ row: String?) -> Void) throws(Rejection) {
        var loopKeys: [String] = []
        func add(_ name: String, _ value: Value) throws(Rejection) {
            let (q, isOther, depth) = try Self.question(named: name, in: table)
            func walk(_ v: Value, _ level: Int) throws(Rejection) {
                if level < depth {
                    guard case .keyed(let map) = v else { throw Rejection(question: name, message: Self.loopShape(name)) }
                    for (k, inner) in map {
                        loopKeys.append(k)
                        try walk(inner, level + 1)
                        loopKeys.removeLast()
                    }
                    return
                }
                if q.type == .grid && !isOther {
                    guard case .keyed(let rows) = v else { throw Rejection(question: name, message: Self.gridShape(name)) }
                    for row in rows.keys { visit(name, loopKeys, row) }
                    return
                }
                if v != .null { visit(name, loopKeys, nil) }
            }
            try walk(value, 0)
        }
        for (name, value) in answers { try add(name, value) }
        for (name, value) in missing where answers[name] == nil { try add(name, value) }
    }

    private static func couldJoin(_ key: String) -> Bool {
        key.utf8.contains { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "]") || $0 == UInt8(ascii: ".") }
    }

    /// The question a given answer's name stands for (`<id>_other`: the text of `id`'s other choice), and
    /// how many loops it is in; or the rejection of a name that is no question.
    private static func question(named name: String, in table: SymbolTable) throws(Rejection) -> (Question, isOther: Bool, depth: Int) {
        // One lookup of the name in the usual case (a question id); `<id>_other` and unknown names need more.
        var symbol = table.symbols[name]
        var isOther = false
        if symbol?.question == nil, name.hasSuffix("_other"), let base = table.symbols[String(name.dropLast(6))],
           base.question?.other == true {
            symbol = base
            isOther = true
        }
        guard let symbol, let q = symbol.question else {
            throw Rejection(question: name, message: "answers `\(name)`, which is not a question of this questionnaire")
        }
        return (q, isOther, symbol.loops.count)
    }

    private static func loopShape(_ name: String) -> String {
        "`\(name)` is asked in a loop: give its answers as an object keyed by option value"
    }

    private static func gridShape(_ name: String) -> String {
        "`\(name)` is a grid: give its answers as an object keyed by row id"
    }

    /// Every prompt key the given answers and missing reasons speak of, to find answers no path asked. Each is
    /// the `AnswerPath` description of its prompt, made from the keys as given: an option key reads back as
    /// itself (`Replay.optionValue(k)`).
    private func leafKeys(_ table: SymbolTable) throws(Rejection) -> Set<String> {
        var keys = Set<String>(minimumCapacity: 32)
        try forEachGivenKey(table) { name, loopKeys, row in
            var text = name
            for key in loopKeys { text += "[" + key + "]" }
            if let row { text += "." + row }
            keys.insert(text)
        }
        return keys
    }

    static func optionValue(_ key: String) -> OptionValue {
        if let i = Int(key), String(i) == key { return .integer(i) }
        return .text(key)
    }
}
