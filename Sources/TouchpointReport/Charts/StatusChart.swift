import TouchpointCore

/// Counts of responses by status, and of lines that were not scored, as horizontal bars.
enum StatusChart {
    struct Bar {
        var label: String
        var count: Int
        var colour: String
    }

    static func canvas(title: String, bars: [Bar], text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let rowHeight = 28.0, top = 46.0
        let labelWidth = min(max(bars.map { TextMeasure.width($0.label, size: 12) }.max() ?? 80, 80), 240) + 12
        let left = 20 + labelWidth, right = width - 80
        let total = bars.map(\.count).reduce(0, +)
        let maxCount = max(bars.map(\.count).max() ?? 1, 1)
        let high = Axis.ticks(low: 0, high: Double(maxCount), count: 5).last.map { $0 < Double(maxCount) ? $0 + Axis.step(low: 0, high: Double(maxCount), count: 5) : $0 } ?? Double(maxCount)
        let axis = Axis(low: 0, high: max(high, 1), start: left, end: right)
        let bottom = top + Double(bars.count) * rowHeight
        let summary = bars.map { "\($0.label): \($0.count)" }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: bottom + 74, title: title, summary: summary)
        canvas.drawTitle()
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * rowHeight
            canvas.text(TextMeasure.fit(bar.label, width: labelWidth - 6, size: 12), x: 20, y: y + rowHeight / 2 + 4, size: 12)
            canvas.rect(x: left, y: y + 5, width: axis.position(Double(bar.count)) - left, height: rowHeight - 10, fill: bar.colour,
                        tooltip: "\(bar.label): \(bar.count)")
            let share = total > 0 ? " (\(ScoreNumber.text(Double(bar.count) / Double(total) * 100, places: 1))%)" : ""
            canvas.text("\(bar.count)\(share)", x: axis.position(Double(bar.count)) + 6, y: y + rowHeight / 2 + 4, size: 12, bold: true)
        }
        ChartLayout.horizontalAxis(&canvas, axis: axis, y: bottom + 2, label: "\(text.count) (\(text.countUnit))",
                                   tick: { String(Int($0)) })
        var entries: [(label: String, swatch: (inout SVGCanvas, Double, Double) -> Void)] = []
        for bar in bars {
            let colour = bar.colour
            entries.append((label: bar.label, swatch: { c, x, y in c.rect(x: x, y: y - 6, width: 12, height: 12, fill: colour) }))
        }
        canvas.legend(entries, x: 20, y: bottom + 64)
        return canvas
    }
}
