/// `Σw` and `Σw²` of the cases added, for Kish's effective sample size.
///
/// Beside the plain sums it keeps them scaled by the largest weight, so the effective size stays finite
/// (and at most the number of cases) when `Σw²` or `(Σw)²` overflows, as it does for weights near 1e154.
struct WeightTotals: Sendable {
    private(set) var sum = 0.0
    private(set) var squares = 0.0
    /// The largest weight added, and the sums of `w / largest` and of its square.
    private var largest = 0.0
    private var scaledSum = 0.0
    private var scaledSquares = 0.0

    mutating func add(_ weight: Double) {
        sum += weight
        squares += weight * weight
        rescale(to: weight)
        guard largest > 0 else { return }
        let scaled = weight / largest
        scaledSum += scaled
        scaledSquares += scaled * scaled
    }

    mutating func merge(_ other: WeightTotals) {
        sum += other.sum
        squares += other.squares
        rescale(to: other.largest)
        guard largest > 0 else { return }
        let ratio = other.largest / largest
        scaledSum += other.scaledSum * ratio
        scaledSquares += other.scaledSquares * ratio * ratio
    }

    /// Makes `weight` the scale when it is larger than every weight so far.
    private mutating func rescale(to weight: Double) {
        guard weight > largest else { return }
        let ratio = largest / weight
        scaledSum *= ratio
        scaledSquares *= ratio * ratio
        largest = weight
    }

    /// `(Σw)² / Σw²`, or `nil` when no case has a positive weight (the weights cannot weight anything).
    var effectiveSize: Double? {
        guard sum > 0, squares > 0 || scaledSquares > 0 else { return nil }
        let plain = sum * sum / squares
        if plain.isFinite, squares > 0 { return plain }
        guard scaledSquares > 0, largest.isFinite else { return nil }
        return scaledSum * scaledSum / scaledSquares
    }
}
