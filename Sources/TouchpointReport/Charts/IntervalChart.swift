/// A score's headline as a point on its scale with its interval as a bar.
enum IntervalChart {
    static func canvas(title: String, figure: ScoreFigure, scale: ScoreScale, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let summary = scale.figure(figure) + (figure.isSmallBase ? ". " + text.smallBase : "") + "."
        var canvas = SVGCanvas(width: width, height: 176, title: title, summary: summary)
        canvas.drawTitle()
        let big = scale.format(figure.value)
        canvas.text(big, x: 20, y: 58, size: 24, bold: true, fill: Palette.blue)
        let detail = (figure.low.map { low in "\(text.interval) [\(scale.format(low)), \(scale.format(figure.high ?? low))] · " } ?? "")
            + "\(text.base) n = \(figure.n)" + (figure.isSmallBase ? " · " + text.smallBase : "")
        canvas.text(detail, x: 20 + TextMeasure.width(big, size: 24) + 14, y: 57, size: 13, fill: Palette.muted)
        let range = scale.spansBounds || scale.bounds.upperBound < 1e12 ? scale.bounds : scale.axisRange([figure])
        let axis = Axis(low: range.lowerBound, high: range.upperBound, start: 30, end: width - 30)
        let y = 92.0
        canvas.rect(x: axis.start, y: y - 2, width: axis.end - axis.start, height: 4, fill: Palette.grid)
        if let low = figure.low, let high = figure.high {
            canvas.rect(x: axis.position(low), y: y - 7, width: axis.position(high) - axis.position(low), height: 14, fill: Palette.skyBlue,
                        tooltip: "\(text.interval): \(scale.format(low)) – \(scale.format(high))")
        }
        if figure.isSmallBase {
            canvas.circle(cx: axis.position(figure.value), cy: y, r: 7, fill: Palette.paper, stroke: Palette.blue, strokeWidth: 2.5)
        } else {
            canvas.circle(cx: axis.position(figure.value), cy: y, r: 7, fill: Palette.blue)
        }
        ChartLayout.horizontalAxis(&canvas, axis: axis, y: y + 14, label: scale.unit, tick: scale.tick)
        var entries: [(label: String, swatch: (inout SVGCanvas, Double, Double) -> Void)] = [
            (text.estimate, ChartLayout.dot), (text.interval, ChartLayout.interval),
        ]
        if figure.isSmallBase { entries.append((text.smallBase, ChartLayout.hollow)) }
        canvas.legend(entries, x: 20, y: 166)
        return canvas
    }
}
