import TouchpointCore

/// The NPS headline: one bar split into promoters, passives and detractors, with the score, its interval and base.
enum NPSBarChart {
    static func canvas(title: String, estimate: NPSEstimate, n: Int, scale: ScoreScale, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let figure = ScoreFigure(value: estimate.estimate.value, low: estimate.estimate.ci95?.low,
                                 high: estimate.estimate.ci95?.high, n: n)
        let parts: [(String, Double, Int, String)] = [
            (text.promoters, estimate.promoterPercent, estimate.promoters, Palette.green),
            (text.passives, estimate.passivePercent, estimate.passives, Palette.grey),
            (text.detractors, estimate.detractorPercent, estimate.detractors, Palette.vermillion),
        ]
        let summary = "NPS " + scale.figure(figure) + ". "
            + parts.map { "\($0.0): \(ScoreNumber.text($0.1, places: 1))% (\($0.2))" }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: 196, title: title, summary: summary)
        canvas.drawTitle()
        canvas.text("NPS " + scale.format(figure.value), x: 20, y: 58, size: 24, bold: true, fill: Palette.blue)
        let detail = (figure.low.map { low in "\(text.interval) [\(scale.format(low)), \(scale.format(figure.high ?? low))] · " } ?? "")
            + "\(text.base) n = \(n)" + (figure.isSmallBase ? " · " + text.smallBase : "")
        canvas.text(detail, x: 20 + TextMeasure.width("NPS " + scale.format(figure.value), size: 24) + 14, y: 57, size: 13, fill: Palette.muted)
        let axis = Axis(low: 0, high: 100, start: 20, end: width - 20)
        var x = axis.start
        let top = 72.0, barHeight = 34.0
        for (label, share, count, colour) in parts {
            let w = axis.position(share) - axis.start
            canvas.rect(x: x, y: top, width: w, height: barHeight, fill: colour,
                        tooltip: "\(label): \(ScoreNumber.text(share, places: 1))% (\(count))")
            let figureText = "\(ScoreNumber.text(share, places: 0))%"
            if w > TextMeasure.width(figureText, size: 13) + 8 {
                canvas.text(figureText, x: x + w / 2, y: top + barHeight / 2 + 5, size: 13, anchor: .middle, bold: true,
                            fill: colour == Palette.grey ? Palette.ink : Palette.paper)
            }
            x += w
        }
        ChartLayout.horizontalAxis(&canvas, axis: axis, y: top + barHeight + 4, label: text.shareOfRatings, tick: { "\(Int($0))%" })
        var entries: [(label: String, swatch: (inout SVGCanvas, Double, Double) -> Void)] = []
        for part in parts {
            let colour = part.3
            entries.append((label: "\(part.0): \(part.2)", swatch: { c, x, y in c.rect(x: x, y: y - 6, width: 12, height: 12, fill: colour) }))
        }
        canvas.legend(entries, x: 20, y: 184)
        return canvas
    }
}
