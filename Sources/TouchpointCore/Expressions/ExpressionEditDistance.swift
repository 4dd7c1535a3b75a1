/// Levenshtein distance, for "did you mean" among short lists (function names, option values).
enum ExpressionEditDistance {
    /// The number of single-character edits that turn `a` into `b`; stops counting past 64 characters.
    static func between(_ a: String, _ b: String) -> Int {
        let x = Array(a.prefix(64)), y = Array(b.prefix(64))
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var previous = Array(0...y.count)
        var row = previous
        for i in 1...x.count {
            row[0] = i
            for j in 1...y.count {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                row[j] = Swift.min(substitution, previous[j] + 1, row[j - 1] + 1)
            }
            swap(&previous, &row)
        }
        return previous[y.count]
    }

    /// The candidate closest to `word`, when it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: [String]) -> String? {
        let lower = word.lowercased()
        if let sameCase = candidates.first(where: { $0.lowercased() == lower }) { return sameCase }
        let scored = candidates.map { ($0, between(lower, $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
        return best.1 <= Swift.max(1, Swift.min(best.0.count, word.count) / 3) ? best.0 : nil
    }
}
