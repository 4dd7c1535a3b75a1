/// The value of one export column for one response.
public enum ExportCell: Sendable, Hashable {
    /// Not asked (or no value): empty in CSV, system-missing in `.sav`.
    case empty
    case number(Double)
    case text(String)
    /// A date, `YYYY-MM-DD`.
    case date(String)
    /// Asked, with no answer for this reason: the column's user-missing code.
    case missing(MissingReason)
}
