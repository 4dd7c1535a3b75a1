/// `Σw` and `Σw²` of the cases added, for Kish's effective sample size.
struct WeightTotals: Sendable {
    private(set) var sum = 0.0
    private(set) var squares = 0.0

    mutating func add(_ weight: Double) {
        sum += weight
        squares += weight * weight
    }

    mutating func merge(_ other: WeightTotals) {
        sum += other.sum
        squares += other.squares
    }

    /// `(Σw)² / Σw²`, or `nil` when no case has a positive weight (the weights cannot weight anything).
    var effectiveSize: Double? {
        guard sum > 0, squares > 0, sum.isFinite, squares.isFinite else { return nil }
        return sum * sum / squares
    }
}
