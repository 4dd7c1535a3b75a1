extension ScoreRule {
    /// `bad-score`, `not-an-option`: a scored name limited to loop rounds (`seq[find_plan]`) is in that many
    /// loops, and each round is an option of its loop's `for_each` question. Whether the rounds are usable.
    static func checkRounds(_ name: ScoreItemName, of symbol: Symbol, _ item: ScoreItem, _ score: ScoreDefinition,
                            _ context: ValidationContext, into bag: inout DiagnosticBag) -> Bool {
        guard name.rounds.count <= symbol.loops.count else {
            let loops = symbol.loops.isEmpty ? "is in no loop" : "is in \(symbol.loops.count) loop\(symbol.loops.count == 1 ? "" : "s")"
            bag.add(.badScore, at: item.position, "score `\(score.id)` names `\(item.name)`, but `\(name.id)` \(loops)",
                    hint: symbol.loops.isEmpty ? "write `\(name.base)`" : "give at most \(symbol.loops.count) round\(symbol.loops.count == 1 ? "" : "s"), outermost loop first")
            return false
        }
        var loopQuestion: [String: String] = [:]
        for f in context.flow {
            if case .section(let section) = f.item, let over = section.forEach { loopQuestion[section.id] = over }
        }
        for (round, section) in zip(name.rounds, symbol.loops) {
            guard let over = loopQuestion[section], let question = context.table.question(over) else { continue }
            let values = question.allOptions.map(\.value.description)
            if !values.contains(round) {
                bag.add(.notAnOption, at: item.position, "score `\(score.id)` names the round `\(round)` of `\(name.id)`, but `\(round)` is not an option of `\(over)`, which the loop `\(section)` goes over",
                        hint: TextSimilarity.closest(to: round, in: values).map { "did you mean `\($0)`?" } ?? "options: \(values.joined(separator: ", "))")
                return false
            }
        }
        return true
    }
}
