import TouchpointCore

/// Key drivers: importance (r with the target) up, performance (mean as % of scale) across, split into
/// quadrants at the drivers' average importance and performance.
enum DriverQuadrantChart {
    static func canvas(title: String, map: DriverMap, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let left = 80.0, right = width - 40, top = 56.0, bottom = 456.0
        let plotted = map.drivers.filter { $0.importance != nil && $0.performance != nil }
        let rs = plotted.flatMap { d in [d.importance?.value, d.importance?.ci95?.low, d.importance?.ci95?.high].compactMap { $0 } }
        let yRange = Axis.niceRange(rs + [0], bounds: -1...1)
        let ps = plotted.compactMap(\.performance)
        let xRange = Axis.niceRange(ps + [0, 100], bounds: 0...100)
        let x = Axis(low: xRange.lowerBound, high: xRange.upperBound, start: left, end: right)
        let y = Axis(low: yRange.lowerBound, high: yRange.upperBound, start: bottom, end: top)
        let summary = map.drivers.map { d in
            "\(d.item): r = " + (d.importance.map { ScoreNumber.text($0.value, places: 2) } ?? "—")
                + ", " + text.performance + " " + (d.performance.map { ScoreNumber.text($0, places: 0) + "%" } ?? "—")
        }.joined(separator: "; ") + "."
        var canvas = SVGCanvas(width: width, height: bottom + 96, title: title, summary: summary)
        canvas.drawTitle()
        let midX = ps.isEmpty ? 50 : ps.reduce(0, +) / Double(ps.count)
        let importances = plotted.compactMap { $0.importance?.value }
        let midY = importances.isEmpty ? 0 : importances.reduce(0, +) / Double(importances.count)
        // Quadrant tints and names.
        let qx = x.position(midX), qy = y.position(midY)
        canvas.rect(x: left, y: top, width: qx - left, height: qy - top, fill: "#fbe9dd")
        canvas.rect(x: qx, y: top, width: right - qx, height: qy - top, fill: "#e3eff7")
        canvas.rect(x: left, y: qy, width: qx - left, height: bottom - qy, fill: "#f4f4f4")
        canvas.rect(x: qx, y: qy, width: right - qx, height: bottom - qy, fill: "#f4f4f4")
        canvas.text(text.fixFirst, x: left + 8, y: top + 18, size: 13, bold: true, fill: Palette.vermillion)
        canvas.text(text.keepUp, x: right - 8, y: top + 18, size: 13, anchor: .end, bold: true, fill: Palette.blue)
        canvas.text(text.lowerPriority, x: left + 8, y: bottom - 10, size: 13, bold: true, fill: Palette.muted)
        canvas.text(text.maintain, x: right - 8, y: bottom - 10, size: 13, anchor: .end, bold: true, fill: Palette.muted)
        for value in y.ticks() {
            canvas.line(x1: left, y1: y.position(value), x2: right, y2: y.position(value), stroke: Palette.grid, dash: value == 0 ? nil : "2 3")
            canvas.text(ScoreNumber.compact(value, places: 2), x: left - 8, y: y.position(value) + 4, size: 11, anchor: .end, fill: Palette.muted)
        }
        canvas.line(x1: qx, y1: top, x2: qx, y2: bottom, stroke: Palette.axis, dash: "6 4")
        canvas.line(x1: left, y1: qy, x2: right, y2: qy, stroke: Palette.axis, dash: "6 4")
        canvas.line(x1: left, y1: top, x2: left, y2: bottom, stroke: Palette.axis)
        ChartLayout.horizontalAxis(&canvas, axis: x, y: bottom, label: text.performanceAxis + " (%)", tick: { "\(Int($0))%" })
        canvas.text(text.importanceAxis(map.target), x: 22, y: (top + bottom) / 2, size: 12, anchor: .middle, fill: Palette.muted, rotate: -90)
        // Points, their intervals, and labels nudged apart vertically.
        var placed: [(x: Double, y: Double)] = []
        for driver in plotted.sorted(by: { ($0.importance?.value ?? 0) > ($1.importance?.value ?? 0) }) {
            guard let r = driver.importance, let performance = driver.performance else { continue }
            let px = x.position(performance), py = y.position(r.value)
            if let ci = r.ci95 {
                canvas.line(x1: px, y1: y.position(max(ci.low, yRange.lowerBound)), x2: px, y2: y.position(min(ci.high, yRange.upperBound)),
                            stroke: Palette.blue, width: 2)
            }
            let tooltip = "\(driver.text): r = \(ScoreNumber.text(r.value, places: 3)), \(text.performance) \(ScoreNumber.text(performance, places: 1))%, n = \(driver.n)"
            canvas.circle(cx: px, cy: py, r: 7, fill: Palette.blue, stroke: Palette.paper, strokeWidth: 1.5, tooltip: tooltip)
            let label = TextMeasure.fit(driver.item, width: 200, size: 12)
            let labelWidth = TextMeasure.width(label, size: 12)
            let onLeft = px + 12 + labelWidth > right
            var ly = py + 4
            while placed.contains(where: { abs($0.y - ly) < 14 && abs($0.x - px) < labelWidth + 20 }) { ly += 14 }
            placed.append((px, ly))
            canvas.text(label, x: onLeft ? px - 12 : px + 12, y: ly, size: 12, anchor: onLeft ? .end : .start, bold: true, tooltip: driver.text)
        }
        canvas.legend([
            (text.driver, ChartLayout.dot),
            (text.interval + " (r)", { (c: inout SVGCanvas, x: Double, y: Double) in c.line(x1: x + 6, y1: y - 7, x2: x + 6, y2: y + 7, stroke: Palette.blue, width: 2) }),
            (text.driverLegendAverage, { (c: inout SVGCanvas, x: Double, y: Double) in c.line(x1: x, y1: y, x2: x + 14, y2: y, stroke: Palette.axis, dash: "6 4") }),
        ], x: 20, y: bottom + 62)
        canvas.text(text.driverNote, x: 20, y: bottom + 84, size: 11, fill: Palette.muted)
        return canvas
    }
}
