extension AnswerRule {
    /// The longest text `simulate` makes up: an author's `min_length: 100000000000` gives no answer rather than
    /// an allocation of that size.
    static let longestExample = 10_000

    /// A random answer that this rule accepts, or nil when none could be made (a pattern or length it cannot
    /// meet); `shown` are the options in the order shown, for choices.
    ///
    /// Every value returned has passed `problem(with:)`, so simulated records obey exactly the rules that
    /// `run`, `verify` and `score` enforce, meta patterns included.
    public func example(shown: [ChoiceOption]? = nil, using rng: inout SeededRandom) -> Value? {
        for _ in 0..<20 {
            guard let value = draft(shown ?? options, rng: &rng) else { return nil }
            let stored = normalized(value)
            if problem(with: stored, language: "en") == nil { return stored }
        }
        return nil
    }

    private func draft(_ options: [ChoiceOption], rng: inout SeededRandom) -> Value? {
        let q = question
        func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(max(n, 1))) }
        switch q.type {
        case .single:
            guard !options.isEmpty else { return nil }
            return Value.of(options[pick(options.count)].value)
        case .grid where q.gridUsesOptions:
            return Value.of(q.options[pick(q.options.count)].value)
        case .multi:
            guard !options.isEmpty else { return nil }
            if let ex = options.first(where: \.exclusive), pick(options.count + 1) == 0 { return .list([Value.of(ex.value)]) }
            let plain = options.filter { !$0.exclusive }
            let lo = max(Self.clampedCount(q.min) ?? 1, 1), hi = min(Self.clampedCount(q.max) ?? plain.count, plain.count)
            guard hi >= lo else { return nil }
            let k = lo + pick(hi - lo + 1)
            var chosen = plain
            chosen.shuffle(using: &rng)
            return .list(chosen.prefix(k).map { Value.of($0.value) })
        case .scale, .nps, .grid:
            let range = q.scalePoints ?? 0...10
            return .number(Double(range.lowerBound + pick(range.count)))
        case .number:
            let lo = q.min ?? 0, hi = q.max ?? max(lo + 100, 100)
            let v = lo + (hi - lo) * Double(rng.next() % 10_001) / 10_000
            guard v.isFinite else { return .number(lo) }
            return .number(q.integer ? v.rounded(.down) : (v * 100).rounded() / 100)
        case .text:
            let longest = min(q.maxLength ?? Self.longestExample, Self.longestExample)
            if let pattern = q.pattern {
                return pattern.example(using: &rng, maxLength: min(longest, 200)).map(Value.text)
            }
            let shortest = max(q.minLength ?? 1, 1)
            guard shortest <= longest else { return nil }
            let n = min(shortest + pick(5), longest)
            return .text(String(repeating: "a", count: n))
        case .yesNo:
            return .bool(pick(2) == 0)
        case .date:
            let lo = q.minDate.flatMap(DateText.parts) ?? (2020, 1, 1)
            let hi = q.maxDate.flatMap(DateText.parts) ?? (2026, 12, 31)
            let year = lo.year + pick(max(hi.year - lo.year + 1, 1))
            let month = 1 + pick(12), day = 1 + pick(28)
            let text = zeroPadded(year, width: 4) + "-" + zeroPadded(month, width: 2) + "-" + zeroPadded(day, width: 2)
            if let a = q.minDate, text < a { return .text(a) }
            if let b = q.maxDate, text > b { return .text(b) }
            return .text(text)
        case .note:
            return nil
        }
    }

    /// A choice count from the file as an Int, saturated so that `max: 1e300` cannot trap the conversion.
    private static func clampedCount(_ value: Double?) -> Int? {
        guard let value, value.isFinite else { return nil }
        return Int(min(max(value, 0), 1_000_000))
    }
}

/// Zero-padded decimal digits (`7` -> `07`), for dates.
func zeroPadded(_ n: Int, width: Int) -> String {
    let digits = "\(n)"
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
