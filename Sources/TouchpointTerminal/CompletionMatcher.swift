/// Tab completion from a fixed list of words: case-insensitive prefix matching of the answer being typed.
///
/// The matcher is given the whole line up to the cursor and decides which part of it is being completed:
/// the whole line (after leading spaces), or, where the answer is a list (`completesListItems`), the item
/// being typed, which starts after a comma or a space (`3 Ge`, `Buying or ordering, Us`). Labels may hold
/// spaces and commas themselves, so the longest such tail that starts a word is taken: `Using the` still
/// completes `Using the product or service`. Commands (words starting with `:`) complete only as the
/// whole line.
struct CompletionMatcher: Equatable {
    /// What Tab does: the line up to the cursor becomes `kept + word`, and `matches` are listed on a second
    /// Tab when there is more than one.
    struct Completion: Equatable {
        /// The text before the item being completed, kept as typed.
        var kept: String
        /// A lone match, or the longest prefix the matches share, spelled as the first match spells it.
        var word: String
        /// The words the item may become.
        var matches: [String]

        /// The new line up to the cursor.
        var replacement: String { kept + word }
    }

    /// The words that may be completed, without duplicates, in the order given.
    let candidates: [String]
    /// Whether the line is a list of answers whose last item is completed.
    let completesListItems: Bool

    init(candidates: [String], completesListItems: Bool = false) {
        var seen = Set<String>()
        self.candidates = candidates.filter { !$0.isEmpty && seen.insert($0).inserted }
        self.completesListItems = completesListItems
    }

    /// Characters that separate the items of a list answer, as the answer parser reads them.
    static let separators: Set<Character> = [",", "，", "、", ";", "；", " ", "\u{3000}"]

    /// The completion of the line typed up to the cursor, or nil when no word starts with its item.
    func completion(for typed: String) -> Completion? {
        let characters = Array(typed)
        let lineStart = firstStart(characters)
        for start in itemStarts(characters) {
            let word = String(characters[start...])
            let lowered = word.lowercased()
            let matches = candidates.filter { (start == lineStart || !$0.hasPrefix(":")) && $0.lowercased().hasPrefix(lowered) }
            guard let first = matches.first else { continue }
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
            let completed = common.count < word.count ? word : String(common)
            return Completion(kept: String(characters[..<start]), word: completed, matches: matches)
        }
        return nil
    }

    /// Where the item being typed may start, the earliest (the longest item) first.
    private func itemStarts(_ characters: [Character]) -> [Int] {
        let first = firstStart(characters)
        guard completesListItems else { return [first] }
        var starts = [first]
        for index in characters.indices.dropFirst() where index > first {
            if Self.separators.contains(characters[index - 1]) && !Self.separators.contains(characters[index]) {
                starts.append(index)
            }
        }
        // After a trailing separator the next item has not begun: every word may start it.
        if let last = characters.last, Self.separators.contains(last), characters.count > first {
            starts.append(characters.count)
        }
        return starts
    }

    /// The start of the line's text after leading spaces.
    private func firstStart(_ characters: [Character]) -> Int {
        characters.firstIndex { $0 != " " } ?? characters.count
    }
}
