extension Pattern {
    /// A random text the pattern accepts, or nil when none was found; used by `simulate` so that simulated
    /// answers obey the same `pattern` that run, verify and score enforce.
    ///
    /// The text is built by walking the syntax tree (a random branch of each alternation, a random count of
    /// each repetition, a random member of each class) and then checked with `matches`, so an example is
    /// never returned that the pattern rejects. Unbounded repetitions are capped at a few rounds, and the text
    /// at `maxLength` scalars: an author's `{0,1000}` does not turn into a huge answer.
    public func example<R: RandomNumberGenerator>(using rng: inout R, maxLength: Int = 200) -> String? {
        for _ in 0..<8 {
            var scalars = String.UnicodeScalarView()
            var budget = maxLength
            guard Self.generate(tree, into: &scalars, budget: &budget, rng: &rng) else { continue }
            let text = String(scalars)
            if matches(text) { return text }
        }
        return nil
    }

    private static func generate<R: RandomNumberGenerator>(_ node: PatternNode, into out: inout String.UnicodeScalarView,
                                                          budget: inout Int, rng: inout R) -> Bool {
        switch node {
        case .empty, .startOfText, .endOfText:
            return true
        case .scalar(let scalar):
            guard budget > 0 else { return false }
            budget -= 1
            out.append(scalar)
            return true
        case .scalarClass(let cls):
            guard budget > 0, let scalar = member(of: cls, rng: &rng) else { return false }
            budget -= 1
            out.append(scalar)
            return true
        case .concatenation(let parts):
            for part in parts where !generate(part, into: &out, budget: &budget, rng: &rng) { return false }
            return true
        case .alternation(let branches):
            guard !branches.isEmpty else { return true }
            return generate(branches[Int.random(in: 0..<branches.count, using: &rng)], into: &out, budget: &budget, rng: &rng)
        case .repetition(let inner, let min, let max):
            let upper = Swift.min(max ?? (min + 3), min + 3)
            let count = Int.random(in: min...Swift.max(min, upper), using: &rng)
            for _ in 0..<count where !generate(inner, into: &out, budget: &budget, rng: &rng) { return false }
            return true
        }
    }

    /// A random scalar of the class: tried from a small pool of likely characters first, then from its ranges.
    private static func member<R: RandomNumberGenerator>(of cls: ScalarClass, rng: inout R) -> Unicode.Scalar? {
        var pool: [Unicode.Scalar] = []
        if !cls.negated {
            for member in cls.members {
                if case .range(let range) = member {
                    let span = Int(range.upperBound - range.lowerBound)
                    for _ in 0..<3 {
                        let value = range.lowerBound + UInt32(Int.random(in: 0...span, using: &rng))
                        if let scalar = Unicode.Scalar(value) { pool.append(scalar) }
                    }
                }
            }
        }
        pool += "aZ5_ x-.中é".unicodeScalars
        pool += "0123456789".unicodeScalars
        pool.shuffle(using: &rng)
        return pool.first { cls.contains($0) }
    }
}
