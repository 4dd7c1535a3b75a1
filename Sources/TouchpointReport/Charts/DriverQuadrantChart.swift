import TouchpointCore

/// Key drivers: importance (r with the target) up, performance (mean as % of scale) across, split into
/// quadrants at the drivers' average importance and performance.
enum DriverQuadrantChart {
    static func canvas(title: String, map: DriverMap, text: ReportText) -> SVGCanvas {
        let width = ChartLayout.width
        let left = 80.0, right = width - 40, top = 56.0, bottom = 456.0
        let plotted = map.drivers.filter { $0.importance != nil && $0.performance != nil }
        let rs = plotted.flatMap { d in [d.importance?.value, d.importance?.ci95?.low, d.importance?.ci95?.high].compactMap { $0 } }
        // Both axes are zoomed to the drivers (a quadrant compares drivers with each other), but never to less
        // than 0.3 of r or 30 points of performance, so that small differences do not look large.
        let yRange = Axis.niceRange(rs, bounds: -1...1, minimumSpan: 0.3)
        let ps = plotted.compactMap(\.performance)
        let xRange = Axis.niceRange(ps, bounds: 0...100, minimumSpan: 30)
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
        // Points and their intervals first, then labels where they overlap neither a point nor another label.
        let points = plotted.compactMap { driver -> (DriverMap.Driver, Double, Double)? in
            guard let r = driver.importance, let performance = driver.performance else { return nil }
            return (driver, x.position(performance), y.position(r.value))
        }
        var boxes: [Box] = points.map { Box(x0: $0.1 - 8, y0: $0.2 - 8, x1: $0.1 + 8, y1: $0.2 + 8) }
        for (driver, px, py) in points {
            guard let r = driver.importance, let performance = driver.performance else { continue }
            if let ci = r.ci95 {
                canvas.line(x1: px, y1: y.position(max(ci.low, yRange.lowerBound)), x2: px, y2: y.position(min(ci.high, yRange.upperBound)),
                            stroke: Palette.blue, width: 2)
            }
            let tooltip = "\(driver.text): r = \(ScoreNumber.text(r.value, places: 3)), \(text.performance) \(ScoreNumber.text(performance, places: 1))%, n = \(driver.n)"
            canvas.circle(cx: px, cy: py, r: 7, fill: Palette.blue, stroke: Palette.paper, strokeWidth: 1.5, tooltip: tooltip)
        }
        for (driver, px, py) in points {
            let label = TextMeasure.fit(driver.item, width: 200, size: 12)
            let w = TextMeasure.width(label, size: 12)
            let candidates: [(Double, Double, SVGCanvas.Anchor, Box)] = [
                (px + 12, py + 4, .start, Box(x0: px + 10, y0: py - 8, x1: px + 14 + w, y1: py + 7)),
                (px - 12, py + 4, .end, Box(x0: px - 14 - w, y0: py - 8, x1: px - 10, y1: py + 7)),
                (px, py - 14, .middle, Box(x0: px - w / 2 - 2, y0: py - 26, x1: px + w / 2 + 2, y1: py - 10)),
                (px, py + 24, .middle, Box(x0: px - w / 2 - 2, y0: py + 12, x1: px + w / 2 + 2, y1: py + 28)),
            ]
            let inside = { (b: Box) in b.x0 >= left && b.x1 <= right && b.y0 >= top && b.y1 <= bottom }
            var choice = candidates.first { c in inside(c.3) && !boxes.contains { $0.overlaps(c.3) } }
            if choice == nil {
                // Crowded: go down from the point on its right until a free line is found.
                var shift = 14.0
                while choice == nil, shift < 200 {
                    let b = Box(x0: px + 10, y0: py - 8 + shift, x1: px + 14 + w, y1: py + 7 + shift)
                    if !boxes.contains(where: { $0.overlaps(b) }) { choice = (px + 12, py + 4 + shift, .start, b) }
                    shift += 14
                }
            }
            let (lx, ly, anchor, box) = choice ?? candidates[0]
            boxes.append(box)
            canvas.text(label, x: lx, y: ly, size: 12, anchor: anchor, bold: true, tooltip: driver.text)
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
