/// Writes an export table as CSV (RFC 4180, UTF-8, CRLF line ends), one row per response.
///
/// Codes and numbers are written as numbers; dates as `YYYY-MM-DD`; a missing reason as its column's code.
/// Text cells that begin with `=`, `+`, `-`, `@` (or a tab or carriage return) get a leading `'`, so a
/// spreadsheet shows them as text instead of running them as formulas; the numbers touchpoint writes
/// itself (codes such as -97) are left as they are.
public struct CSVExportWriter: Sendable {
    /// Whether the file starts with a UTF-8 byte order mark (for spreadsheet programs).
    public var byteOrderMark: Bool

    public init(byteOrderMark: Bool = false) {
        self.byteOrderMark = byteOrderMark
    }

    /// The whole file.
    public func bytes(_ table: ExportTable) -> [UInt8] {
        var out: [UInt8] = byteOrderMark ? [0xEF, 0xBB, 0xBF] : []
        out += Array(table.columns.map { Self.field($0.name) }.joined(separator: ",").utf8)
        out += [13, 10]
        for row in table.rows {
            var fields: [String] = []
            fields.reserveCapacity(row.count)
            for (index, cell) in row.enumerated() {
                fields.append(Self.text(cell, table.columns[index]))
            }
            out += Array(fields.joined(separator: ",").utf8)
            out += [13, 10]
        }
        return out
    }

    static func text(_ cell: ExportCell, _ column: ExportColumn) -> String {
        switch cell {
        case .empty: return ""
        case .number(let value): return NumberText.format(value)
        case .date(let date): return field(date)
        case .text(let text): return field(neutralized(text))
        case .missing(let reason): return column.code(for: reason).map(NumberText.format) ?? ""
        }
    }

    /// `text` with a leading `'` when a spreadsheet would take it for a formula.
    public static func neutralized(_ text: String) -> String {
        guard let first = text.unicodeScalars.first else { return text }
        return ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + text : text
    }

    /// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF; quotes doubled.
    public static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
