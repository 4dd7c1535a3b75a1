import TouchpointCore

/// The journey: stages by measures, each cell coloured by its value on the measure's own scale (low
/// vermillion, high blue) and holding the value and its base.
enum JourneyMatrixChart {
    static func canvas(title: String, matrix: JourneyMatrix, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let labelWidth = min(max(matrix.stages.map { TextMeasure.width($0.label, size: 12) }.max() ?? 80, 100), 250) + 14
        let baseWidth = 90.0
        let left = 20 + labelWidth
        let cellWidth = (width - 20 - left - baseWidth) / Double(max(matrix.measures.count, 1))
        let cellHeight = 46.0
        let top = 92.0
        let height = top + Double(matrix.stages.count) * cellHeight + 52
        let summary = matrix.stages.map { stage in
            "\(stage.label) (\(stage.base) \(text.respondents)): "
                + zip(matrix.measures, stage.cells).map { measure, cell in
                    "\(measure.label) " + (cell.map { value($0, measure) + ", n = \($0.n)" } ?? "—")
                }.joined(separator: ", ")
        }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: height, title: title, summary: summary)
        canvas.drawTitle(text.journeyLegend)
        canvas.text(text.stage, x: 20, y: top - 12, size: 11, bold: true, fill: Palette.muted)
        canvas.text(text.base, x: left + baseWidth / 2, y: top - 26, size: 12, anchor: .middle, bold: true)
        canvas.text(text.respondents, x: left + baseWidth / 2, y: top - 10, size: 11, anchor: .middle, fill: Palette.muted)
        for (m, measure) in matrix.measures.enumerated() {
            let cx = left + baseWidth + (Double(m) + 0.5) * cellWidth
            canvas.text(TextMeasure.fit(measure.label, width: cellWidth - 8, size: 12), x: cx, y: top - 26, size: 12, anchor: .middle, bold: true,
                        tooltip: measure.text)
            let unit = measure.isShare ? text.percentYes : text.meanRange(ScoreNumber.compact(measure.low), ScoreNumber.compact(measure.high))
            canvas.text(unit, x: cx, y: top - 10, size: 11, anchor: .middle, fill: Palette.muted)
        }
        for (s, stage) in matrix.stages.enumerated() {
            let y = top + Double(s) * cellHeight
            let lines = TextMeasure.wrap(stage.label, width: labelWidth - 8, size: 12, lines: 2)
            for (i, line) in lines.enumerated() {
                canvas.text(line, x: 20, y: y + cellHeight / 2 + 4 + (Double(i) - Double(lines.count - 1) / 2) * 15, size: 12, tooltip: stage.label)
            }
            canvas.rect(x: left + 2, y: y + 2, width: baseWidth - 4, height: cellHeight - 4, fill: "#f6f8fa")
            canvas.text("\(stage.base)", x: left + baseWidth / 2, y: y + cellHeight / 2 + 5, size: 13, anchor: .middle,
                        fill: stage.base < ScoreFigure.smallBase ? Palette.vermillion : Palette.ink)
            for (m, measure) in matrix.measures.enumerated() {
                let x = left + baseWidth + Double(m) * cellWidth
                guard let cell = stage.cells[m] else {
                    canvas.rect(x: x + 2, y: y + 2, width: cellWidth - 4, height: cellHeight - 4, fill: Palette.paper, stroke: Palette.grid, dash: "3 3")
                    canvas.text("—", x: x + cellWidth / 2, y: y + cellHeight / 2 + 4, size: 12, anchor: .middle, fill: Palette.muted)
                    continue
                }
                let t = measure.high > measure.low ? (cell.value - measure.low) / (measure.high - measure.low) : 0.5
                let interval = cell.ci95.map { " [\(ScoreNumber.text($0.low, places: 1)), \(ScoreNumber.text($0.high, places: 1))]" } ?? ""
                canvas.rect(x: x + 2, y: y + 2, width: cellWidth - 4, height: cellHeight - 4, fill: Palette.diverging(t),
                            tooltip: "\(stage.label) · \(measure.label): \(value(cell, measure))\(interval), n = \(cell.n)")
                let ink = Palette.ink(onDiverging: t)
                canvas.text(value(cell, measure), x: x + cellWidth / 2, y: y + 21, size: 15, anchor: .middle, bold: true, fill: ink)
                canvas.text("n=\(cell.n)" + (cell.n < ScoreFigure.smallBase ? " *" : ""), x: x + cellWidth / 2, y: y + 37, size: 10,
                            anchor: .middle, fill: ink)
            }
        }
        // The colour legend: a strip of steps from the low to the high end of a scale.
        let legendY = top + Double(matrix.stages.count) * cellHeight + 24
        canvas.text(text.low, x: 20, y: legendY + 10, size: 11, fill: Palette.muted)
        let stripStart = 20 + TextMeasure.width(text.low, size: 11) + 8
        for step in 0..<10 {
            canvas.rect(x: stripStart + Double(step) * 22, y: legendY, width: 22, height: 12, fill: Palette.diverging((Double(step) + 0.5) / 10))
        }
        canvas.text(text.high, x: stripStart + 228, y: legendY + 10, size: 11, fill: Palette.muted)
        canvas.text("* " + text.smallBase, x: stripStart + 240 + TextMeasure.width(text.high, size: 11) + 20, y: legendY + 10, size: 11, fill: Palette.muted)
        return canvas
    }

    static func value(_ cell: Estimate, _ measure: JourneyMatrix.Measure) -> String {
        measure.isShare ? ScoreNumber.text(cell.value, places: 0) + "%" : ScoreNumber.text(cell.value, places: 2)
    }
}
