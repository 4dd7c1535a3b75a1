/// Finds the name a person probably meant, for "did you mean" hints.
public enum TextSimilarity {
    /// Names longer than this are not compared: the distance costs the product of the two lengths, and
    /// a hostile file must not make a hint slow. Real ids and keys are far shorter.
    static let maxComparedLength = 256

    /// The candidate closest to `name` by edit distance (Damerau-Levenshtein, case-insensitive), if close enough:
    /// distance <= max(1, name.count / 3), ties broken by order; nil otherwise. Used for "did you mean".
    ///
    /// Distances count insertions, deletions, substitutions and transpositions of adjacent characters
    /// (so `recomend` and `recommedn` both find `recommend`). Names or candidates longer than 256
    /// characters are never suggested.
    public static func closest(to name: String, in candidates: some Sequence<String>) -> String? {
        let target = Array(name.lowercased())
        guard target.count <= maxComparedLength else { return nil }
        let limit = max(1, name.count / 3)
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            let other = Array(candidate.lowercased())
            guard other.count <= maxComparedLength, abs(other.count - target.count) <= limit else { continue }
            let d = distance(target, other)
            if d <= limit, d < (best?.distance ?? Int.max) {
                best = (candidate, d)
            }
        }
        return best?.candidate
    }

    /// The unrestricted Damerau-Levenshtein distance (Lowrance-Wagner), in characters.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let infinity = a.count + b.count
        let width = b.count + 2
        // Row and column 0 hold `infinity` so that transpositions never reach before the strings start.
        var d = Array(repeating: 0, count: (a.count + 2) * width)
        d[0] = infinity
        for i in 0...a.count {
            d[(i + 1) * width] = infinity
            d[(i + 1) * width + 1] = i
        }
        for j in 0...b.count {
            d[j + 1] = infinity
            d[width + j + 1] = j
        }
        var lastRowOf: [Character: Int] = [:]
        for i in 1...a.count {
            var lastMatchingColumn = 0
            for j in 1...b.count {
                let k = lastRowOf[b[j - 1]] ?? 0
                let l = lastMatchingColumn
                let cost: Int
                if a[i - 1] == b[j - 1] {
                    cost = 0
                    lastMatchingColumn = j
                } else {
                    cost = 1
                }
                d[(i + 1) * width + j + 1] = min(
                    d[i * width + j] + cost,
                    d[(i + 1) * width + j] + 1,
                    d[i * width + j + 1] + 1,
                    d[k * width + l] + (i - k - 1) + 1 + (j - l - 1)
                )
            }
            lastRowOf[a[i - 1]] = i
        }
        return d[(a.count + 1) * width + b.count + 1]
    }
}
