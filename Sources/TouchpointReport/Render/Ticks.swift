import Foundation

/// A linear axis: a value range mapped onto pixels, with round tick values.
struct Axis {
    var low: Double
    var high: Double
    var start: Double
    var end: Double

    /// The pixel of `value`.
    func position(_ value: Double) -> Double {
        guard high > low else { return (start + end) / 2 }
        return start + (value - low) / (high - low) * (end - start)
    }

    /// Round values from `low` to `high`, about `count` of them.
    func ticks(count: Int = 5) -> [Double] {
        Self.ticks(low: low, high: high, count: count)
    }

    static func step(low: Double, high: Double, count: Int) -> Double {
        let span = high - low
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let fraction = raw / magnitude
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        return nice * magnitude
    }

    static func ticks(low: Double, high: Double, count: Int) -> [Double] {
        let step = step(low: low, high: high, count: count)
        var value = (low / step).rounded(.up) * step
        var out: [Double] = []
        while value <= high + step * 1e-9, out.count < 50 {
            out.append(abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return out
    }

    /// A range around `values` widened to round ends, kept inside `bounds`.
    /// `minimumSpan` keeps a few close values from being spread over the whole axis (by default a tenth of `bounds`).
    static func niceRange(_ values: [Double], bounds: ClosedRange<Double>, count: Int = 5, minimumSpan: Double? = nil) -> ClosedRange<Double> {
        let finite = values.filter(\.isFinite)
        guard var low = finite.min(), var high = finite.max() else { return bounds }
        let boundsSpan = bounds.upperBound - bounds.lowerBound
        let least = minimumSpan ?? (boundsSpan.isFinite ? boundsSpan * 0.1 : 0)
        if high - low < least {
            let pad = (least - (high - low)) / 2
            low -= pad
            high += pad
        }
        if high - low == 0 {
            low -= 1
            high += 1
        }
        let step = step(low: low, high: high, count: count)
        low = max((low / step).rounded(.down) * step, bounds.lowerBound)
        high = min((high / step).rounded(.up) * step, bounds.upperBound)
        return low < high ? low...high : bounds
    }
}
