import TouchpointCore
import TouchpointTerminal

/// `tab --format table`: a frequency table (count, %, valid %) or a crosstab (column %), with bases,
/// missing answers by kind, `*` on small bases and significance letters.
struct TabTableFormatter {
    var style: Style

    init(color: Bool) {
        style = Style(colorEnabled: color)
    }

    func render(_ tab: Tabulation) -> String {
        var lines: [String] = []
        for part in tab.parts {
            if !lines.isEmpty { lines.append("") }
            lines.append(style.accent(style.bold(part.row.map { "\(tab.question).\($0)" } ?? tab.question)) + style.dim(" · " + part.label))
            lines += part.columns.count == 1 ? frequencies(part, tab) : crosstab(part, tab)
        }
        var notes: [String] = []
        if let weight = tab.weight { notes.append("weighted by \(weight)") }
        if tab.isMultiResponse { notes.append("several answers allowed: percentages may add to more than 100") }
        notes.append("only complete responses; % over all asked, valid % over those who answered")
        if tab.parts.first.map({ $0.columns.count > 2 }) ?? false {
            notes.append("letters: higher than that column (column proportions z, p < 0.05; bases under \(Tabulation.smallBase) marked * and not tested)")
        } else {
            notes.append("* base under \(Tabulation.smallBase)")
        }
        if tab.unweightable > 0 { notes.append("\(tab.unweightable) responses without a usable weight left out") }
        lines.append("")
        lines.append(style.dim(notes.joined(separator: "; ")))
        return lines.joined(separator: "\n")
    }

    private func frequencies(_ part: Tabulation.Part, _ tab: Tabulation) -> [String] {
        let column = part.columns[0]
        var table = ScoreTextTable([.init(title: "", alignment: .left), .init(title: "value", alignment: .right),
                                    .init(title: "count", alignment: .right), .init(title: "%", alignment: .right),
                                    .init(title: "valid %", alignment: .right)])
        for category in part.categories {
            table.add([category.label, category.value, count(category.counts[0]), percent(category.percent[0]), percent(category.validPercent[0])])
        }
        for kind in ["dont_know", "refused", "skipped"] {
            let n = column.missing[kind] ?? 0
            table.add([AnalysisWords.missingKind(kind), "", count(n), percent(column.askedBase > 0 ? 100 * n / column.askedBase : nil), ""])
        }
        table.add(["base (asked / answered)", "", count(column.askedBase) + " / " + count(column.validBase) + (column.isSmallBase ? " *" : ""), "", ""])
        table.add([AnalysisWords.missingKind("not_asked"), "", count(column.missing["not_asked"] ?? 0), "", ""])
        return table.render(indent: "  ", style: style)
    }

    private func crosstab(_ part: Tabulation.Part, _ tab: Tabulation) -> [String] {
        var columns: [ScoreTextTable.Column] = [.init(title: "", alignment: .left)]
        for column in part.columns {
            columns.append(.init(title: column.letter.isEmpty ? column.label : "\(column.label) (\(column.letter))", alignment: .right))
        }
        var table = ScoreTextTable(columns)
        table.add(["base (answered)"] + part.columns.map { count($0.validBase) + ($0.isSmallBase ? " *" : "") })
        for category in part.categories {
            table.add([category.label] + part.columns.indices.map { index in
                let letters = category.higherThan[index].joined()
                return percent(category.validPercent[index]) + (letters.isEmpty ? "" : " " + letters)
            })
        }
        for kind in ["dont_know", "refused", "skipped", "not_asked"] {
            table.add([AnalysisWords.missingKind(kind)] + part.columns.map { count($0.missing[kind] ?? 0) })
        }
        return table.render(indent: "  ", style: style) { $0 == 0 }
    }

    private func count(_ value: Double) -> String {
        value == value.rounded() ? ScoreTextTable.grouped(Int(value)) : ScoreNumber.text(value, places: 1)
    }

    private func percent(_ value: Double?) -> String {
        value.map { ScoreNumber.text($0, places: 1) + "%" } ?? "—"
    }
}
