/// One column of a respondent-level export (SPEC section 8), with what a codebook says about it.
public struct ExportColumn: Sendable {
    /// How the column's values are stored.
    public enum Storage: String, Sendable {
        /// Numbers (codes, scale points, counts); `decimals` digits after the point.
        case numeric
        /// Text.
        case string
        /// A calendar date (in `.sav`, an SPSS date, DATE11).
        case date
    }

    /// The SPSS measurement level.
    public enum Measure: String, Sendable {
        case nominal, ordinal, scale
    }

    /// Where the column's value comes from in a record.
    enum Source: Sendable {
        /// A record field: `response_id`, `status`, `respondent`...
        case field(String)
        /// A meta value.
        case meta(String)
        /// An answer, through `loopKeys` (one option value per enclosing `for_each`), then `leaf`.
        case answer(id: String, loopKeys: [String], leaf: Leaf)
        /// A compute, through `loopKeys`.
        case computed(id: String, loopKeys: [String])
    }

    /// Which part of an answer a column holds.
    enum Leaf: Sendable {
        /// The answer itself (coded when it is a choice).
        case value
        /// One row of a grid.
        case row(String)
        /// 1 when the option was chosen in a multi answer, else 0.
        case option(String)
        /// The text of an `other` choice (`ID_other` in `answers`).
        case otherText
    }

    /// The column name (`visits`, `product_sat_tv`, `meta_region`).
    public var name: String
    /// The variable label: the question text (with its loop item, row or option), in the chosen language.
    public var label: String
    /// The question, meta key or compute it comes from (nil for record fields).
    public var question: String?
    /// `field`, `meta`, `compute` or the question type (`single`, `nps`...); for multi option columns `multi`.
    public var type: String
    public var storage: Storage
    /// Digits after the point for numeric columns.
    public var decimals: Int
    public var measure: Measure
    /// Value labels, in code order as the questionnaire gives them.
    public var valueLabels: [(code: Double, label: String)]
    /// The user-missing code of each reason the column can hold (empty for columns that cannot be missing).
    public var missingCodes: [(reason: MissingReason, code: Double)]
    /// How choice values are coded: option value as written -> code.
    var codes: [String: Double]
    var source: Source

    /// The code of `reason` in this column.
    public func code(for reason: MissingReason) -> Double? {
        missingCodes.first { $0.reason == reason }?.code
    }
}
