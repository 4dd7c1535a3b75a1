/// Frequencies or a crosstab of one question (`touchpoint tab`): counts, percentages, bases and missing
/// answers by kind, per column, with the column-proportions test in letters.
public struct Tabulation: Sendable {
    /// One column: all responses (`Total`) or one group of the `--by` values.
    public struct Column: Sendable {
        /// The group's values as stored, joined by ` / ` (`total` for the total column).
        public var key: String
        /// The group's values as labels in the chosen language.
        public var label: String
        /// The letter that names the column in significance marks (A, B...; none for the total).
        public var letter: String
        /// Complete responses in the column (weighted when weighted).
        public var responses: Double
        /// Answers that count in valid percentages (weighted when weighted).
        public var validBase: Double
        /// The same unweighted, for the small-base flag.
        public var unweightedValidBase: Int
        /// Kish's effective size of the valid base, used by the test (equal to the base unweighted).
        public var effectiveBase: Double
        /// Answers that were asked but not given, by reason (`dont_know`, `refused`, `skipped`), and
        /// responses that were not asked the question at all (`not_asked`).
        public var missing: [String: Double]
        /// Whether the valid base is under `Tabulation.smallBase` (unweighted).
        public var isSmallBase: Bool { unweightedValidBase < Tabulation.smallBase }
        /// Answers asked: valid ones plus don't know, refused and skipped (the base of `percent`).
        public var askedBase: Double { validBase + (missing["dont_know"] ?? 0) + (missing["refused"] ?? 0) + (missing["skipped"] ?? 0) }
    }

    /// One answer category: an option, a scale point, yes or no.
    public struct Category: Sendable {
        public var value: String
        public var label: String
        /// Per column, in column order.
        public var counts: [Double]
        /// Count over the asked base (don't know, refused and skipped included), in percent.
        public var percent: [Double?]
        /// Count over the valid base, in percent (the column percentage of a crosstab).
        public var validPercent: [Double?]
        /// Per column, the letters of the columns this one is significantly higher than.
        public var higherThan: [[String]]
    }

    /// One table: the question, or one row of a grid.
    public struct Part: Sendable {
        /// The grid row id, or nil.
        public var row: String?
        public var label: String
        public var columns: [Column]
        public var categories: [Category]
    }

    /// Valid bases under this many answers (unweighted) are flagged and left out of significance tests.
    public static let smallBase = 30
    /// The two-sided level of the column-proportions test.
    public static let significanceLevel = 0.05

    public var question: String
    public var type: QuestionType
    public var label: String
    /// The `--by` names, in order.
    public var by: [String]
    /// The weight name, when weighted.
    public var weight: String?
    /// Whether a respondent may give several categories (multi), so percentages may add to over 100.
    public var isMultiResponse: Bool
    public var parts: [Part]
    /// Complete responses left out because they had no usable weight.
    public var unweightable: Int
}
