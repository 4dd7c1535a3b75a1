import TouchpointCore

/// How a score's values are written and drawn: its possible range, its unit and its number format.
struct ScoreScale {
    var bounds: ClosedRange<Double>
    var unit: String
    /// Whether the axis may stop short of `bounds` to show differences (NPS, means) or always spans them (shares).
    var spansBounds: Bool
    private let kind: Kind

    enum Kind { case nps, share, mean }

    init(_ definition: ScoreDefinition, questions: [String: Question], text: ReportText) {
        switch definition.method {
        case .nps:
            kind = .nps
            bounds = -100...100
            unit = text.npsUnit
            spansBounds = false
        case .sus, .umuxLite:
            kind = .mean
            bounds = 0...100
            unit = text.valueUnit
            spansBounds = true
        case .timeOnTask:
            kind = .mean
            bounds = 0...Double.greatestFiniteMagnitude
            unit = text.valueUnit
            spansBounds = false
        case .topBox, .bottomBox, .percent, .completion:
            kind = .share
            bounds = 0...100
            unit = text.shareUnit
            spansBounds = true
        case .mean, .sum, .drivers:
            kind = .mean
            let ranges = definition.items.map { item -> ClosedRange<Int>? in
                let parts = item.name.split(separator: ".").map(String.init)
                return parts.first.flatMap { questions[$0]?.scalePoints }
            }
            if let first = ranges.first, let range = first, ranges.allSatisfy({ $0 == range }) {
                let k = definition.method == .sum ? Double(ranges.count) : 1
                bounds = Double(range.lowerBound) * k...Double(range.upperBound) * k
                unit = definition.method == .sum ? text.valueUnit : text.meanUnit(String(range.lowerBound), String(range.upperBound))
            } else {
                bounds = -Double.greatestFiniteMagnitude...Double.greatestFiniteMagnitude
                unit = text.valueUnit
            }
            spansBounds = false
        }
    }

    /// A value as written on the page: `+12.3`, `45.2%`, `4.19`.
    func format(_ value: Double) -> String {
        switch kind {
        case .nps: (value > 0.05 ? "+" : "") + ScoreNumber.text(value, places: 1)
        case .share: ScoreNumber.text(value, places: 1) + "%"
        case .mean: ScoreNumber.text(value, places: 2)
        }
    }

    /// A tick label: whole numbers where they are whole.
    func tick(_ value: Double) -> String {
        let text = ScoreNumber.compact(value, places: 2)
        switch kind {
        case .nps: return value > 0 ? "+" + text : text
        case .share: return text + "%"
        case .mean: return text
        }
    }

    /// `value [low, high]`, the way the page writes an estimate.
    func figure(_ figure: ScoreFigure) -> String {
        var out = format(figure.value)
        if let low = figure.low, let high = figure.high { out += " [\(format(low)), \(format(high))]" }
        return out + ", n = \(figure.n)"
    }

    /// The axis range for these figures' intervals.
    func axisRange(_ figures: [ScoreFigure]) -> ClosedRange<Double> {
        let values = figures.flatMap { [$0.value, $0.low ?? $0.value, $0.high ?? $0.value] }
        if spansBounds { return bounds }
        return Axis.niceRange(values, bounds: bounds)
    }
}
