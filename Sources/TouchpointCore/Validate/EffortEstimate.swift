/// The fewest and most questions and seconds over all paths through a questionnaire (SPEC section 7).
///
/// Computed in one pass over the items, never by enumerating paths. The maximum is an upper bound: every
/// conditional item counts as asked and every loop runs once per option, so it is never below the true
/// maximum. The minimum counts only what every path must ask before the first `end` that may fire.
public struct EffortEstimate: Sendable, Hashable {
    public var minQuestions: Int
    public var maxQuestions: Int
    public var minSeconds: Double
    public var maxSeconds: Double

    /// "5-9 questions, about 40 s-1 min 30 s".
    public var summary: String {
        let questions = minQuestions == maxQuestions ? "\(maxQuestions)" : "\(minQuestions)-\(maxQuestions)"
        let lo = EffortEstimate.duration(max(minSeconds, 5), roundingUp: false)
        let hi = EffortEstimate.duration(max(maxSeconds, 5), roundingUp: true)
        let noun = maxQuestions == 1 ? "question" : "questions"
        return "\(questions) \(noun), about \(lo == hi ? hi : "\(lo)-\(hi)")"
    }

    /// The longest duration written out; anything longer (or infinite) reads "more than" it.
    public static let longestDuration = 1e12

    /// A duration for people, to 5 seconds: "40 s", "1 min 30 s", "12 min".
    ///
    /// Any number gives text: below 0 (or NaN) is "0 s", beyond `longestDuration` (or infinite) is
    /// "more than 16666666666 min 40 s".
    public static func duration(_ seconds: Double, roundingUp: Bool) -> String {
        guard seconds <= longestDuration else { return "more than " + duration(longestDuration, roundingUp: false) }
        let clamped = seconds > 0 ? seconds : 0
        let five = Saturating.int(roundingUp ? (clamped / 5).rounded(.up) : (clamped / 5).rounded(.down)) * 5
        if five < 60 { return "\(five) s" }
        let m = five / 60, s = five % 60
        return s == 0 ? "\(m) min" : "\(m) min \(s) s"
    }

    /// Seconds to answer a question once read (SPEC section 7).
    public static func answeringSeconds(_ q: Question) -> Double {
        switch q.type {
        case .yesNo: 2
        case .single: 2 + 0.4 * Double(q.allOptions.count)
        case .multi: 3 + 0.6 * Double(q.allOptions.count)
        case .scale, .nps: 3
        case .number: 4
        case .date: 5
        case .text: 15
        case .grid: 3 * Double(max(q.rows.count, 1))
        case .note: 0
        }
    }

    /// Seconds to read a question in `language`: its text, its options and labels, its rows.
    public static func readingSeconds(_ q: Question, language: String) -> Double {
        var texts = [q.text.text(language)]
        texts += q.allOptions.map { $0.label.text(language) }
        texts += q.labels.values.map { $0.text(language) }
        texts += q.rows.map { $0.text.text(language) }
        return texts.reduce(0) { $0 + ReadingTime.seconds($1) }
    }

    /// Estimates effort for a questionnaire whose names were analysed into `table`.
    public static func estimate(_ q: Questionnaire, table: SymbolTable) -> EffortEstimate {
        // Seconds are those of the questions (SPEC section 7), as `simulate` counts them: the intro and outro are
        // not questions, and counting them made the minimum higher than the shortest path simulate found.
        let languages = q.languages.isEmpty ? [""] : q.languages
        var walker = Walker(languages: languages, table: table)
        let (lo, hi) = walker.walk(q.items)
        return EffortEstimate(minQuestions: lo.questions, maxQuestions: hi.questions,
                              minSeconds: lo.seconds, maxSeconds: hi.seconds)
    }

    private struct Cost {
        var questions = 0
        var seconds = 0.0
        // Saturating: nested loops over big selections multiply runs past any Int (docs/robustness.md).
        static func + (a: Cost, b: Cost) -> Cost {
            Cost(questions: Saturating.add(a.questions, b.questions), seconds: a.seconds + b.seconds)
        }
        static func * (a: Cost, n: Int) -> Cost {
            Cost(questions: Saturating.multiply(a.questions, n), seconds: n == 0 ? 0 : a.seconds * Double(n))
        }
    }

    private struct Walker {
        let languages: [String]
        let table: SymbolTable
        /// Set once an end that may fire has been passed: nothing after it is certain any more.
        var minStopped = false

        /// (fewest, most) over `items`; `counting` is false inside anything some path skips.
        mutating func walk(_ items: [Item], counting: Bool = true) -> (Cost, Cost) {
            var lo = Cost(), hi = Cost()
            for item in items {
                switch item {
                case .question(let question):
                    let reading = languages.map { EffortEstimate.readingSeconds(question, language: $0) }
                    let answer = EffortEstimate.answeringSeconds(question)
                    let counts = question.type == .note ? 0 : 1
                    hi = hi + Cost(questions: counts, seconds: (reading.max() ?? 0) + answer)
                    if counting && !minStopped && question.when == nil {
                        lo = lo + Cost(questions: counts, seconds: (reading.min() ?? 0) + answer)
                    }
                case .section(let s):
                    var fewestRuns = 1
                    var mostRuns = 1
                    if let name = s.forEach, let loopQuestion = table.question(name) {
                        mostRuns = loopQuestion.type == .single ? 1 : max(loopQuestion.allOptions.count, 1)
                        let askedAlways = loopQuestion.when == nil && loopQuestion.required && !loopQuestion.dontKnow && !loopQuestion.refuse
                        fewestRuns = askedAlways ? max(Saturating.int(loopQuestion.min ?? 1), 1) : 0
                    } else if s.forEach != nil {
                        fewestRuns = 0
                    }
                    let inside = counting && s.when == nil && fewestRuns > 0
                    let (innerLo, innerHi) = walk(s.items, counting: inside)
                    hi = hi + innerHi * mostRuns
                    if inside { lo = lo + innerLo * fewestRuns }
                case .end(let e):
                    minStopped = true
                    if e.when == nil {
                        // An end every path meets: nothing after it at this level is ever asked.
                        return (lo, hi)
                    }
                case .compute:
                    break
                }
            }
            return (lo, hi)
        }
    }
}
