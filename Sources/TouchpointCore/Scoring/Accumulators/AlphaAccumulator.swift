/// Running item and total variances of the complete cases of a scale, for Cronbach's alpha.
///
/// Alpha needs only each item's variance and the variance of the case totals over the complete cases
/// (listwise deletion, as `CronbachAlpha.estimate` does), so Welford's update per item and for the total
/// keeps it in constant memory, whatever the number of cases.
struct AlphaAccumulator: Sendable {
    private(set) var n = 0
    private var means: [Double]
    private var squares: [Double]
    private var totalMean = 0.0
    private var totalSquares = 0.0

    init(items: Int) {
        means = Array(repeating: 0, count: items)
        squares = Array(repeating: 0, count: items)
    }

    var items: Int { means.count }

    /// Adds one case if it is complete: a value for every item, reversed ones already reversed.
    mutating func add(_ values: UnsafeBufferPointer<Double?>) {
        guard values.count == means.count, !values.contains(where: { $0 == nil }) else { return }
        n += 1
        let count = Double(n)
        var total = 0.0
        for (item, value) in values.enumerated() {
            let x = value ?? 0
            total += x
            let delta = x - means[item]
            means[item] += delta / count
            squares[item] += delta * (x - means[item])
        }
        let delta = total - totalMean
        totalMean += delta / count
        totalSquares += delta * (total - totalMean)
    }

    /// Adds the complete cases read elsewhere (another part of the file), by the pairwise update of Chan,
    /// Golub and LeVeque for each item and for the total.
    mutating func merge(_ other: AlphaAccumulator) {
        guard other.n > 0, other.means.count == means.count else { return }
        guard n > 0 else {
            self = other
            return
        }
        let count = Double(n + other.n)
        let weight = Double(n) * Double(other.n) / count
        for item in means.indices {
            let delta = other.means[item] - means[item]
            squares[item] += other.squares[item] + delta * delta * weight
            means[item] += delta * Double(other.n) / count
        }
        let delta = other.totalMean - totalMean
        totalSquares += other.totalSquares + delta * delta * weight
        totalMean += delta * Double(other.n) / count
        n += other.n
    }

    /// `k/(k-1)·(1 - Σ var(item) / var(total))`, or `nil` as `CronbachAlpha.estimate` gives it: fewer than
    /// two items or complete cases, or totals that do not vary.
    var estimate: AlphaEstimate? {
        let k = means.count
        guard k >= 2, n >= 2 else { return nil }
        let denominator = Double(n - 1)
        let totalVariance = totalSquares / denominator
        guard totalVariance > 0 else { return nil }
        let itemVariances = squares.reduce(0) { $0 + $1 / denominator }
        let items = Double(k)
        return AlphaEstimate(alpha: items / (items - 1) * (1 - itemVariances / totalVariance), n: n, items: k)
    }
}
