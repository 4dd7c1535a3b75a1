/// Tab completion from a fixed list of words: case-insensitive prefix matching.
///
/// Readline hands over the text typed since the last word break; this decides what replaces it.
struct CompletionMatcher: Equatable {
    /// What Tab does: `replacement` takes the place of the typed text, and `matches` are listed on a
    /// second Tab when there is more than one.
    struct Completion: Equatable {
        var replacement: String
        var matches: [String]
    }

    /// The words that may be completed, without duplicates, in the order given.
    let candidates: [String]

    init(candidates: [String]) {
        var seen = Set<String>()
        self.candidates = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The completion of `typed`, or nil when no candidate starts with it.
    ///
    /// Spaces before the typed word (after a comma in a list of answers) are kept in front of the
    /// replacement. With several matches the replacement is their longest common prefix, spelled
    /// as the first match spells it, so `mob` becomes `Mobile ` for `Mobile app` and `Mobile web`.
    func completion(for typed: String) -> Completion? {
        let leading = String(typed.prefix(while: { $0 == " " }))
        let word = typed.dropFirst(leading.count).lowercased()
        let matches = candidates.filter { $0.lowercased().hasPrefix(word) }
        guard let first = matches.first else { return nil }
        var common = Array(first)
        for other in matches.dropFirst() {
            let otherCharacters = Array(other)
            var length = 0
            while length < common.count, length < otherCharacters.count,
                  common[length].lowercased() == otherCharacters[length].lowercased() {
                length += 1
            }
            common.removeSubrange(length...)
        }
        let replacement = common.count < word.count ? String(typed.dropFirst(leading.count)) : String(common)
        return Completion(replacement: leading + replacement, matches: matches.map { leading + $0 })
    }

    /// Whether the whole line typed so far starts a candidate, so that completion should take the
    /// whole line rather than the part after the last comma (labels may contain commas).
    func matchesWholeLine(_ line: String) -> Bool {
        let word = line.drop(while: { $0 == " " }).lowercased()
        return candidates.contains { $0.lowercased().hasPrefix(word) }
    }
}
