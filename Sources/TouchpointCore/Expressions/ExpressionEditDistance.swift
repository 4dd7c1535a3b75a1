/// "Did you mean" inside expressions (function names, option values): the one edit distance and threshold of
/// `TextSimilarity`, so every hint in touchpoint finds the same candidates.
enum ExpressionEditDistance {
    /// The Damerau-Levenshtein distance between `a` and `b`, case-insensitive, as `TextSimilarity` counts it.
    static func between(_ a: String, _ b: String) -> Int {
        TextSimilarity.distance(Array(a.lowercased().prefix(TextSimilarity.maxComparedLength)),
                                Array(b.lowercased().prefix(TextSimilarity.maxComparedLength)))
    }

    /// The candidate closest to `word`, when it is close enough to be a likely typo (`TextSimilarity.closest`).
    static func closest(to word: String, in candidates: [String]) -> String? {
        TextSimilarity.closest(to: word, in: candidates)
    }
}
