import TouchpointCore

/// One score per group: a dot and interval per row (all responses first), the base, and a mark where the
/// group differs significantly from the rest.
enum SegmentChart {
    struct Row {
        var label: String
        var figure: ScoreFigure?
        var comparison: Difference?
        var isTotal: Bool
    }

    static func canvas(title: String, rows: [Row], scale: ScoreScale, groupName: String, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let rowHeight = 30.0
        let labelWidth = min(max(rows.map { TextMeasure.width($0.label, size: 12) }.max() ?? 60, 80), 240) + 10
        let plotStart = 20 + labelWidth + 10
        let baseColumn = width - 190.0
        let markColumn = width - 120.0
        let plotEnd = baseColumn - 30
        let top = 78.0
        let height = top + Double(rows.count) * rowHeight + 100
        let figures = rows.compactMap(\.figure)
        let range = scale.axisRange(figures)
        let axis = Axis(low: range.lowerBound, high: range.upperBound, start: plotStart, end: plotEnd)
        let summary = rows.map { row -> String in
            guard let figure = row.figure else { return "\(row.label): \(text.unavailable)" }
            var line = "\(row.label): \(scale.figure(figure))"
            if figure.isSmallBase { line += " (\(text.smallBase))" }
            if let c = row.comparison, c.isSignificant {
                line += c.difference > 0 ? " ▲" : " ▼"
                line += " " + text.p(c.p)
            }
            return line
        }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: height, title: title, summary: summary)
        canvas.drawTitle(scale.unit)
        canvas.text(text.group, x: 20, y: top - 10, size: 11, bold: true, fill: Palette.muted)
        canvas.text("n", x: baseColumn + 40, y: top - 10, size: 11, anchor: .end, bold: true, fill: Palette.muted)
        canvas.text(text.vsRest, x: markColumn, y: top - 10, size: 11, bold: true, fill: Palette.muted)
        let axisY = top + Double(rows.count) * rowHeight + 6
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * rowHeight + rowHeight / 2
            if index % 2 == 0 { canvas.rect(x: 16, y: y - rowHeight / 2, width: width - 32, height: rowHeight, fill: "#f6f8fa") }
            canvas.text(TextMeasure.fit(row.label, width: labelWidth, size: 12), x: 20, y: y + 4, size: 12, bold: row.isTotal,
                        tooltip: row.label)
            guard let figure = row.figure else {
                canvas.text("—", x: plotStart, y: y + 4, size: 12, fill: Palette.muted)
                continue
            }
            if let low = figure.low, let high = figure.high {
                let x1 = axis.position(max(low, range.lowerBound)), x2 = axis.position(min(high, range.upperBound))
                canvas.rect(x: x1, y: y - 4, width: x2 - x1, height: 8, fill: Palette.skyBlue,
                            tooltip: "\(row.label): \(text.interval) \(scale.format(low)) – \(scale.format(high))")
            }
            let cx = axis.position(figure.value)
            if figure.isSmallBase {
                canvas.circle(cx: cx, cy: y, r: 6, fill: Palette.paper, stroke: Palette.blue, strokeWidth: 2, tooltip: "\(row.label): \(scale.figure(figure))")
            } else {
                canvas.circle(cx: cx, cy: y, r: 6, fill: row.isTotal ? Palette.ink : Palette.blue, tooltip: "\(row.label): \(scale.figure(figure))")
            }
            canvas.text(scale.format(figure.value), x: baseColumn - 6, y: y + 4, size: 12, anchor: .end, bold: true)
            canvas.text("\(figure.n)" + (figure.isSmallBase ? " *" : ""), x: baseColumn + 40, y: y + 4, size: 12, anchor: .end,
                        fill: figure.isSmallBase ? Palette.vermillion : Palette.muted)
            if let c = row.comparison, c.isSignificant {
                let up = c.difference > 0
                canvas.triangle(cx: markColumn + 6, cy: y, size: 11, up: up, fill: up ? Palette.blue : Palette.vermillion)
                canvas.text(text.p(c.p), x: markColumn + 18, y: y + 4, size: 11, fill: Palette.muted)
            }
        }
        ChartLayout.horizontalAxis(&canvas, axis: axis, y: axisY, label: scale.unit, tick: scale.tick, gridFrom: top)
        let legendY = axisY + 62
        let next = canvas.legend([(text.estimate, ChartLayout.dot), (text.interval, ChartLayout.interval),
                                  ("* " + text.smallBase, ChartLayout.hollow)], x: 20, y: legendY)
        canvas.legend([
            (text.higher, { (c: inout SVGCanvas, x: Double, y: Double) in c.triangle(cx: x + 6, cy: y, size: 11, up: true, fill: Palette.blue) }),
            (text.lower, { (c: inout SVGCanvas, x: Double, y: Double) in c.triangle(cx: x + 6, cy: y, size: 11, up: false, fill: Palette.vermillion) }),
        ], x: next > width - 420 ? 20 : next, y: next > width - 420 ? legendY + 16 : legendY)
        _ = groupName
        return canvas
    }
}
