/// A two-sided 95% confidence interval, in the same unit as the estimate it belongs to.
public struct ConfidenceInterval: Sendable, Hashable {
    public var low: Double
    public var high: Double

    /// An interval from `low` to `high`.
    public init(low: Double, high: Double) {
        self.low = low
        self.high = high
    }
}

/// A point estimate with its 95% interval and the sample size behind it.
///
/// `n` counts the cases that went into the estimate. `nEff` is Kish's effective sample size,
/// `(Σw)² / Σw²`, and is present only for weighted estimates; it is what the interval was computed
/// with. `ci95` is `nil` when the sample is too small for the interval to exist (for example a mean
/// of one case, or a correlation of fewer than four pairs).
public struct Estimate: Sendable, Hashable {
    public var value: Double
    public var ci95: ConfidenceInterval?
    public var n: Int
    public var nEff: Double?

    /// An estimate of `value` from `n` cases (`nEff` for weighted ones), with its interval if it has one.
    public init(value: Double, ci95: ConfidenceInterval?, n: Int, nEff: Double? = nil) {
        self.value = value
        self.ci95 = ci95
        self.n = n
        self.nEff = nEff
    }
}
