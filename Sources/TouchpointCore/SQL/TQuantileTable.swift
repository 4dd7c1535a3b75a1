import Foundation

/// The 97.5% quantile of Student's t as a table of Chebyshev pieces that a SQL query can evaluate.
///
/// DuckDB and Spark have no t quantile, and the degrees of freedom of a mean's interval are known only when
/// the query runs (`n - 1`, or `n_eff - 1` with weights, rarely a whole number). So `touchpoint sql` fits
/// `StudentT.quantile(0.975, ν)`, touchpoint's own function, piece by piece at generation time, and the query
/// sums `c_k·cos(k·acos(x))` over the piece that holds ν. Each piece interpolates a smooth transform of the
/// quantile at Chebyshev nodes:
/// - `ν` in `[minimumDegrees, 1)`: `ν·ln t`, which stays bounded as `t` explodes when ν → 0;
/// - `ν` in `[2^i, 2^(i+1))` up to `2^10`: `ln t` against `ln ν`;
/// - `ν ≥ 2^10`: `t` against `1/ν`, whose limit at `1/ν = 0` is the normal quantile.
/// The fit reproduces `StudentT.quantile` to about 1e-13 relative (a unit test checks it); below
/// `minimumDegrees` the query gives no interval.
public struct TQuantileTable: Sendable {
    /// How a piece's variable and value relate to ν and t.
    public enum Transform: Int, Sendable {
        /// variable ν, value ν·ln t
        case scaledLog = 0
        /// variable ln ν, value ln t
        case log = 1
        /// variable 1/ν, value t
        case inverse = 2
    }

    /// One piece: ν in `[low, high)`, the variable in `[a, b]`, and the Chebyshev coefficients.
    public struct Piece: Sendable {
        public var transform: Transform
        public var low: Double
        public var high: Double
        public var a: Double
        public var b: Double
        public var coefficients: [Double]
    }

    /// The smallest degrees of freedom the table covers.
    public static let minimumDegrees = 0.05
    /// The number of coefficients of each piece.
    public static let terms = 18

    public let pieces: [Piece]

    /// The table, fitted with `StudentT.quantile`.
    public init() {
        var pieces: [Piece] = []
        func fit(_ transform: Transform, low: Double, high: Double, a: Double, b: Double) {
            let n = Self.terms
            var values: [Double] = []
            for j in 0..<n {
                let theta = Double.pi * (Double(j) + 0.5) / Double(n)
                let v = 0.5 * (a + b) + 0.5 * (b - a) * cos(theta)
                values.append(Self.transformed(transform, variable: v))
            }
            var coefficients: [Double] = []
            for k in 0..<n {
                var sum = 0.0
                for j in 0..<n {
                    sum += values[j] * cos(Double(k) * Double.pi * (Double(j) + 0.5) / Double(n))
                }
                coefficients.append(sum * (k == 0 ? 1 : 2) / Double(n))
            }
            pieces.append(Piece(transform: transform, low: low, high: high, a: a, b: b, coefficients: coefficients))
        }
        let small = [Self.minimumDegrees, 0.1, 0.175, 0.25, 0.375, 0.5, 0.75, 1]
        for (low, high) in zip(small, small.dropFirst()) { fit(.scaledLog, low: low, high: high, a: low, b: high) }
        for i in 0..<10 {
            let low = Double(1 << i)
            let high = Double(1 << (i + 1))
            fit(.log, low: low, high: high, a: log(low), b: log(high))
        }
        let last = Double(1 << 10)
        fit(.inverse, low: last, high: .infinity, a: 0, b: 1 / last)
        self.pieces = pieces
    }

    private static func transformed(_ transform: Transform, variable v: Double) -> Double {
        switch transform {
        case .scaledLog: return v * log(StudentT.quantile(0.975, degreesOfFreedom: v))
        case .log: return log(StudentT.quantile(0.975, degreesOfFreedom: exp(v)))
        case .inverse: return StudentT.quantile(0.975, degreesOfFreedom: 1 / v)
        }
    }

    /// The quantile as the query computes it, for tests: `nil` below `minimumDegrees`.
    public func quantile(degreesOfFreedom nu: Double) -> Double? {
        guard let piece = pieces.first(where: { nu >= $0.low && nu < $0.high }) else { return nil }
        let v: Double
        switch piece.transform {
        case .scaledLog: v = nu
        case .log: v = log(nu)
        case .inverse: v = 1 / nu
        }
        let x = min(max((2 * v - piece.a - piece.b) / (piece.b - piece.a), -1), 1)
        let theta = acos(x)
        var sum = 0.0
        for (k, c) in piece.coefficients.enumerated() { sum += c * cos(Double(k) * theta) }
        switch piece.transform {
        case .scaledLog: return exp(sum / nu)
        case .log: return exp(sum)
        case .inverse: return sum
        }
    }
}
