import Foundation
import Plot

/// An inline SVG chart being drawn: a fixed coordinate system (`viewBox`), a title and a description for
/// screen readers, and the shapes in drawing order.
struct SVGCanvas {
    let width: Double
    let height: Double
    let title: String
    let summary: String
    private(set) var shapes: [Markup] = []

    init(width: Double, height: Double, title: String, summary: String) {
        self.width = width
        self.height = height
        self.title = title
        self.summary = summary
    }

    /// A coordinate as written: at most one decimal, no trailing `.0`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    private static func attributes(_ pairs: [(String, String?)]) -> [Markup] {
        pairs.compactMap { name, value in value.map { .attr(name, $0) } }
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, fill: String, stroke: String? = nil,
                       opacity: Double? = nil, tooltip: String? = nil, dash: String? = nil) {
        var nodes = Self.attributes([("x", Self.number(x)), ("y", Self.number(y)), ("width", Self.number(max(width, 0))),
                                     ("height", Self.number(max(height, 0))), ("fill", fill), ("stroke", stroke),
                                     ("stroke-dasharray", dash), ("fill-opacity", opacity.map(Self.number))])
        if let tooltip { nodes.append(.element(named: "title", nodes: [.safe(tooltip)])) }
        shapes.append(.element(named: "rect", nodes: nodes))
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1, dash: String? = nil) {
        shapes.append(.element(named: "line", nodes: Self.attributes([
            ("x1", Self.number(x1)), ("y1", Self.number(y1)), ("x2", Self.number(x2)), ("y2", Self.number(y2)),
            ("stroke", stroke), ("stroke-width", Self.number(width)), ("stroke-dasharray", dash),
        ])))
    }

    mutating func circle(cx: Double, cy: Double, r: Double, fill: String, stroke: String? = nil, strokeWidth: Double? = nil,
                         tooltip: String? = nil) {
        var nodes = Self.attributes([("cx", Self.number(cx)), ("cy", Self.number(cy)), ("r", Self.number(r)), ("fill", fill),
                                     ("stroke", stroke), ("stroke-width", strokeWidth.map(Self.number))])
        if let tooltip { nodes.append(.element(named: "title", nodes: [.safe(tooltip)])) }
        shapes.append(.element(named: "circle", nodes: nodes))
    }

    mutating func polygon(_ points: [(Double, Double)], fill: String, opacity: Double) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        shapes.append(.element(named: "polygon", nodes: Self.attributes([("points", list), ("fill", fill), ("fill-opacity", Self.number(opacity))])))
    }

    mutating func polyline(_ points: [(Double, Double)], stroke: String, width: Double) {
        let list = points.map { "\(Self.number($0.0)),\(Self.number($0.1))" }.joined(separator: " ")
        shapes.append(.element(named: "polyline", nodes: Self.attributes([("points", list), ("fill", "none"), ("stroke", stroke),
                                                                           ("stroke-width", Self.number(width))])))
    }

    /// A triangle pointing up or down, centred at `(cx, cy)`.
    mutating func triangle(cx: Double, cy: Double, size: Double, up: Bool, fill: String) {
        let h = size * 0.87
        let points = up
            ? [(cx, cy - h / 2), (cx + size / 2, cy + h / 2), (cx - size / 2, cy + h / 2)]
            : [(cx, cy + h / 2), (cx + size / 2, cy - h / 2), (cx - size / 2, cy - h / 2)]
        polygon(points, fill: fill, opacity: 1)
    }

    enum Anchor: String { case start, middle, end }

    mutating func text(_ content: String, x: Double, y: Double, size: Double = 12, anchor: Anchor = .start, bold: Bool = false,
                       fill: String = Palette.ink, rotate: Double? = nil, tooltip: String? = nil) {
        var nodes = Self.attributes([("x", Self.number(x)), ("y", Self.number(y)), ("font-size", Self.number(size)),
                                     ("text-anchor", anchor == .start ? nil : anchor.rawValue), ("font-weight", bold ? "bold" : nil),
                                     ("fill", fill),
                                     ("transform", rotate.map { "rotate(\(Self.number($0)) \(Self.number(x)) \(Self.number(y)))" })])
        if let tooltip { nodes.append(.element(named: "title", nodes: [.safe(tooltip)])) }
        nodes.append(.safe(content))
        shapes.append(.element(named: "text", nodes: nodes))
    }

    /// The chart's title, drawn at the top left.
    mutating func drawTitle(_ subtitle: String? = nil) {
        text(TextMeasure.fit(title, width: width - 40, size: 15), x: 20, y: 24, size: 15, bold: true)
        if let subtitle { text(TextMeasure.fit(subtitle, width: width - 40, size: 12), x: 20, y: 44, size: 12, fill: Palette.muted) }
    }

    /// A row of legend entries, each a swatch drawn by `swatch` and its label; returns the row's end.
    @discardableResult
    mutating func legend(_ entries: [(label: String, swatch: (inout SVGCanvas, Double, Double) -> Void)], x: Double, y: Double) -> Double {
        var cursor = x
        for entry in entries {
            entry.swatch(&self, cursor, y)
            text(entry.label, x: cursor + 18, y: y + 4, size: 11, fill: Palette.muted)
            cursor += 18 + TextMeasure.width(entry.label, size: 11) + 18
        }
        return cursor
    }

    /// The `<svg>` element, with `role="img"`, an `aria-label`, `<title>` and `<desc>`.
    var node: Markup {
        let head: [Markup] = [
            .attr("xmlns", "http://www.w3.org/2000/svg"),
            .attr("viewBox", "0 0 \(Self.number(width)) \(Self.number(height))"),
            .attr("width", Self.number(width)), .attr("height", Self.number(height)),
            .attr("role", "img"), .attr("aria-label", title),
            .element(named: "title", nodes: [.safe(title)]),
            .element(named: "desc", nodes: [.safe(summary)]),
        ]
        return .element(named: "svg", nodes: head + shapes)
    }
}
