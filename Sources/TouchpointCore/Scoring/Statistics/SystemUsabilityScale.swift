/// The System Usability Scale (Brooke 1996): ten 1-5 items alternating positive and negative wording,
/// scored 0-100 (`method: sus`), and the Sauro-Lewis curved grading scale.
public enum SystemUsabilityScale {
    /// The number of items.
    public static let itemCount = 10

    /// One respondent's SUS score: odd items (1st, 3rd, ...) give x - 1, even items 5 - x, and the sum of
    /// the ten contributions times 2.5 is 0-100. `nil` unless there are exactly ten answers, each 1 to 5: a
    /// respondent missing an item is not scored.
    public static func score(_ answers: [Double]) -> Double? {
        guard let parts = contributions(answers) else { return nil }
        return 2.5 * parts.reduce(0, +)
    }

    /// The ten 0-4 contributions of a respondent's answers, in item order; `nil` as for `score`.
    public static func contributions(_ answers: [Double]) -> [Double]? {
        guard answers.count == itemCount, answers.allSatisfy({ (1...5).contains($0) }) else { return nil }
        return answers.enumerated().map { index, x in index % 2 == 0 ? x - 1 : 5 - x }
    }

    /// One band of the curved grading scale: the grade and the lowest mean score that earns it, with the
    /// percentile range of that band.
    public struct Band: Sendable, Hashable {
        public var grade: String
        public var lowest: Double
        public var percentiles: ClosedRange<Int>
    }

    /// The curved grading scale of Sauro and Lewis (Quantifying the User Experience, 2nd ed., 2016, chapter 8),
    /// fitted to the mean SUS scores of a large set of industrial usability studies: each band's lowest SUS
    /// score and its percentile range.
    public static let curvedGradingScale: [Band] = [
        Band(grade: "A+", lowest: 84.1, percentiles: 96...100),
        Band(grade: "A", lowest: 80.8, percentiles: 90...95),
        Band(grade: "A-", lowest: 78.9, percentiles: 85...89),
        Band(grade: "B+", lowest: 77.2, percentiles: 80...84),
        Band(grade: "B", lowest: 74.1, percentiles: 70...79),
        Band(grade: "B-", lowest: 72.6, percentiles: 65...69),
        Band(grade: "C+", lowest: 71.1, percentiles: 60...64),
        Band(grade: "C", lowest: 65.0, percentiles: 41...59),
        Band(grade: "C-", lowest: 62.7, percentiles: 35...40),
        Band(grade: "D", lowest: 51.7, percentiles: 15...34),
        Band(grade: "F", lowest: 0, percentiles: 0...14),
    ]

    /// The grade of a mean SUS score: the first band whose lowest score it reaches (A+ from 84.1, ...,
    /// F below 51.7); `nil` for a value outside 0-100.
    public static func grade(_ mean: Double) -> String? {
        guard mean.isFinite, (0...100).contains(mean) else { return nil }
        // The table's bounds have one decimal; a mean between two bands (84.05) takes the lower grade. The
        // tolerance lets 84.1 computed as 84.09999999 still earn A+.
        return curvedGradingScale.first { mean >= $0.lowest - 1e-9 }?.grade
    }
}
