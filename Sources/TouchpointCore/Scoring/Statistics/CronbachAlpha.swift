/// Cronbach's alpha of a multi-item scale, with the cases it was computed on.
public struct AlphaEstimate: Sendable, Hashable {
    /// The coefficient; at most 1, and negative when the items correlate negatively on average.
    public var alpha: Double
    /// The complete cases used (listwise deletion).
    public var n: Int
    /// The number of items, `k`.
    public var items: Int
}

/// Cronbach's alpha, the internal-consistency reliability of a scale (`alpha` of `method: mean`/`sum`).
public enum CronbachAlpha {
    /// `k/(k-1)·(1 - Σ var(item) / var(total))` over the complete cases, sample variances (n - 1).
    ///
    /// `cases` has one row per respondent and one column per item, `nil` for an item not answered.
    /// Only rows with every item are used (listwise deletion, as in `psych::alpha(use =
    /// "complete.obs")` and `pingouin.cronbach_alpha(nan_policy="listwise")`, which this matches);
    /// a row of a different length than the first counts as incomplete. Items are taken as given:
    /// reverse-keyed items must already be reversed. `nil` with fewer than two items, fewer than two
    /// complete cases, or totals that do not vary.
    public static func estimate(_ cases: [[Double?]]) -> AlphaEstimate? {
        guard let k = cases.first?.count, k >= 2 else { return nil }
        let complete: [[Double]] = cases.compactMap { row in
            guard row.count == k else { return nil }
            let values = row.compactMap { $0 }
            return values.count == k ? values : nil
        }
        guard complete.count >= 2 else { return nil }
        let itemVariances = (0..<k).map { item in sampleVariance(complete.map { $0[item] }) }
        let totalVariance = sampleVariance(complete.map { $0.reduce(0, +) })
        guard totalVariance > 0 else { return nil }
        let items = Double(k)
        let alpha = items / (items - 1) * (1 - itemVariances.reduce(0, +) / totalVariance)
        return AlphaEstimate(alpha: alpha, n: complete.count, items: k)
    }

    private static func sampleVariance(_ values: [Double]) -> Double {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        return values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    }
}
