extension ShareAccumulator {
    /// The share with the adjusted-Wald interval, as `AdjustedWald.estimate` gives it for the cases added.
    func adjustedWaldEstimate(weighted: Bool) -> Estimate? {
        guard weighted else { return AdjustedWald.estimate(successes: hits, n: n) }
        guard n > 0, let nEff = weights.effectiveSize else { return nil }
        let share = hitWeight / weights.sum
        return Estimate(value: 100 * share, ci95: AdjustedWald.interval(share: share, size: nEff), n: n, nEff: nEff)
    }
}
