import TouchpointCore
import TouchpointTerminal

/// A plain-text table whose columns line up on a terminal, East Asian wide characters counted as two columns.
struct ScoreTextTable {
    enum Alignment {
        case left, right
    }

    struct Column {
        var title: String
        var alignment: Alignment
    }

    var columns: [Column]
    var rows: [[String]] = []

    init(_ columns: [Column]) {
        self.columns = columns
    }

    mutating func add(_ row: [String]) {
        rows.append(row.map(TerminalSanitizer.neutralize))
    }

    /// The header and the rows, each indented, cells padded to their column's width; `emphasis` says which
    /// rows to set in bold (the header is dimmed).
    func render(indent: String, style: Style, emphasis: (Int) -> Bool = { _ in false }) -> [String] {
        var widths = columns.map { DisplayWidth.of($0.title) }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, column) in columns.enumerated() {
                let cell = index < cells.count ? cells[index] : ""
                let padding = String(repeating: " ", count: max(widths[index] - DisplayWidth.of(cell), 0))
                parts.append(column.alignment == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var lines = [indent + style.dim(line(columns.map(\.title)))]
        for (index, row) in rows.enumerated() {
            let text = line(row)
            lines.append(indent + (emphasis(index) ? style.bold(text) : text))
        }
        return lines
    }

    /// A whole number with thousands separators: `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var result = ""
        for (offset, character) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return value < 0 ? "-" + result : result
    }

    /// A bar of `width` cells for a share from 0 to 100, drawn with eighth blocks.
    static func bar(_ percent: Double, width: Int = 20) -> String {
        let share = percent.isNaN ? 0 : min(max(percent, 0), 100)   // NaN would trap in Int()
        let eighths = Int((share / 100 * Double(width * 8)).rounded())
        let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]
        let full = eighths / 8
        var bar = String(repeating: "█", count: full) + partials[eighths % 8]
        let drawn = full + (eighths % 8 > 0 ? 1 : 0)
        bar += String(repeating: "·", count: max(width - drawn, 0))
        return bar
    }
}
