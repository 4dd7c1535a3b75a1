/// Shared measures of the charts, in SVG user units (pixels at 100%).
enum ChartLayout {
    static let width = 880.0
    static let margin = 20.0

    /// The legend swatch of a point estimate.
    static func dot(_ canvas: inout SVGCanvas, _ x: Double, _ y: Double) {
        canvas.circle(cx: x + 6, cy: y, r: 5, fill: Palette.blue)
    }

    /// The legend swatch of an interval.
    static func interval(_ canvas: inout SVGCanvas, _ x: Double, _ y: Double) {
        canvas.rect(x: x, y: y - 3, width: 14, height: 6, fill: Palette.skyBlue)
    }

    /// The legend swatch of a small base.
    static func hollow(_ canvas: inout SVGCanvas, _ x: Double, _ y: Double) {
        canvas.circle(cx: x + 6, cy: y, r: 5, fill: Palette.paper, stroke: Palette.blue, strokeWidth: 2)
    }

    /// Draws a horizontal axis with ticks, tick labels and the axis label below.
    static func horizontalAxis(_ canvas: inout SVGCanvas, axis: Axis, y: Double, label: String, tick: (Double) -> String,
                               gridFrom top: Double? = nil) {
        canvas.line(x1: axis.start, y1: y, x2: axis.end, y2: y, stroke: Palette.axis)
        let span = axis.high - axis.low
        let count = span >= 2 && span <= 10 && span == span.rounded() && axis.low == axis.low.rounded() ? Int(span) : 5
        for value in axis.ticks(count: count) {
            let x = axis.position(value)
            if let top { canvas.line(x1: x, y1: top, x2: x, y2: y, stroke: Palette.grid, dash: value == 0 ? nil : "2 3") }
            canvas.line(x1: x, y1: y, x2: x, y2: y + 5, stroke: Palette.axis)
            canvas.text(tick(value), x: x, y: y + 18, size: 11, anchor: .middle, fill: Palette.muted)
        }
        canvas.text(label, x: (axis.start + axis.end) / 2, y: y + 36, size: 12, anchor: .middle, fill: Palette.muted)
    }
}
