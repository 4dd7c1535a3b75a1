import TouchpointCore

/// One score per period: a line through the estimates over a band of their intervals, with each period's base.
enum TrendChart {
    struct Point {
        var period: String
        var figure: ScoreFigure?
    }

    static func canvas(title: String, points: [Point], scale: ScoreScale, periodName: String, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let left = 70.0, right = width - 30, top = 60.0, plotHeight = 220.0
        let bottom = top + plotHeight
        let figures = points.compactMap(\.figure)
        let range = scale.axisRange(figures)
        let y = Axis(low: range.lowerBound, high: range.upperBound, start: bottom, end: top)
        let step = points.count > 1 ? (right - left) / Double(points.count - 1) : 0
        func x(_ index: Int) -> Double { points.count > 1 ? left + Double(index) * step : (left + right) / 2 }
        let summary = points.map { point in
            "\(point.period): " + (point.figure.map { scale.figure($0) + ($0.isSmallBase ? " (\(text.smallBase))" : "") } ?? text.unavailable)
        }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: bottom + 110, title: title, summary: summary)
        canvas.drawTitle(points.count == 1 ? text.onePeriod : nil)
        for value in y.ticks() {
            canvas.line(x1: left, y1: y.position(value), x2: right, y2: y.position(value), stroke: Palette.grid, dash: value == 0 ? nil : "2 3")
            canvas.text(scale.tick(value), x: left - 8, y: y.position(value) + 4, size: 11, anchor: .end, fill: Palette.muted)
        }
        canvas.line(x1: left, y1: bottom, x2: right, y2: bottom, stroke: Palette.axis)
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        canvas.text(scale.unit, x: 16, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: Palette.muted, rotate: -90)
        // The band: upper ends left to right, lower ends back; broken where a period has no interval.
        var runs: [[(Int, ScoreFigure)]] = [[]]
        for (index, point) in points.enumerated() {
            if let figure = point.figure, figure.low != nil, figure.high != nil {
                runs[runs.count - 1].append((index, figure))
            } else if !(runs.last?.isEmpty ?? true) {
                runs.append([])
            }
        }
        for run in runs where !run.isEmpty {
            let clip = { (v: Double) in min(max(v, range.lowerBound), range.upperBound) }
            if run.count == 1, let only = run.first {
                canvas.rect(x: x(only.0) - 6, y: y.position(clip(only.1.high ?? only.1.value)), width: 12,
                            height: y.position(clip(only.1.low ?? only.1.value)) - y.position(clip(only.1.high ?? only.1.value)),
                            fill: Palette.skyBlue, opacity: 0.45)
                continue
            }
            let upper = run.map { (x($0.0), y.position(clip($0.1.high ?? $0.1.value))) }
            let lower = run.reversed().map { (x($0.0), y.position(clip($0.1.low ?? $0.1.value))) }
            canvas.polygon(upper + lower, fill: Palette.skyBlue, opacity: 0.45)
        }
        let line = points.enumerated().compactMap { index, point in point.figure.map { (x(index), y.position($0.value)) } }
        if line.count > 1 { canvas.polyline(line, stroke: Palette.blue, width: 2.5) }
        let labelEvery = max(1, Int((Double(points.count) * 70 / (right - left)).rounded(.up)))
        for (index, point) in points.enumerated() {
            let px = x(index)
            if index % labelEvery == 0 || index == points.count - 1 {
                canvas.line(x1: px, y1: bottom, x2: px, y2: bottom + 5, stroke: Palette.axis)
                canvas.text(point.period, x: px, y: bottom + 18, size: 11, anchor: .middle, fill: Palette.muted)
                if let figure = point.figure {
                    canvas.text("n=\(figure.n)", x: px, y: bottom + 32, size: 10, anchor: .middle,
                                fill: figure.isSmallBase ? Palette.vermillion : Palette.muted)
                }
            }
            guard let figure = point.figure else { continue }
            let tooltip = "\(point.period): \(scale.figure(figure))"
            if figure.isSmallBase {
                canvas.circle(cx: px, cy: y.position(figure.value), r: 5, fill: Palette.paper, stroke: Palette.blue, strokeWidth: 2, tooltip: tooltip)
            } else {
                canvas.circle(cx: px, cy: y.position(figure.value), r: 5, fill: Palette.blue, tooltip: tooltip)
            }
        }
        canvas.text("\(text.period) (\(periodName)) · n = \(text.base)", x: (left + right) / 2, y: bottom + 52, size: 12, anchor: .middle, fill: Palette.muted)
        canvas.legend([
            (text.estimate, { (c: inout SVGCanvas, x: Double, y: Double) in
                c.line(x1: x, y1: y, x2: x + 14, y2: y, stroke: Palette.blue, width: 2.5)
                c.circle(cx: x + 7, cy: y, r: 4, fill: Palette.blue)
            }),
            (text.interval, { (c: inout SVGCanvas, x: Double, y: Double) in
                c.rect(x: x, y: y - 6, width: 14, height: 12, fill: Palette.skyBlue, opacity: 0.45)
            }),
            (text.smallBase, ChartLayout.hollow),
        ], x: 20, y: bottom + 84)
        return canvas
    }
}
