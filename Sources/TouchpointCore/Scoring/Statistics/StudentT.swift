import Foundation

/// Student's t distribution with real (not only whole) degrees of freedom.
///
/// Weighted estimates use `n_eff - 1` degrees of freedom, which is rarely a whole number, so every
/// function here takes `degreesOfFreedom` as a `Double`. An infinite value gives the standard normal.
public enum StudentT {
    /// `P(T ≤ t)` for `T` with `degreesOfFreedom` degrees of freedom; NaN when they are not positive.
    public static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
        if nu.isInfinite { return Normal.cdf(t) }
        let tail = upperTail(abs(t), nu)
        return t < 0 ? tail : 1 - tail
    }

    /// The density of the t distribution at `t`.
    public static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        guard !t.isNaN, !nu.isNaN, nu > 0 else { return .nan }
        if nu.isInfinite { return Normal.density(t) }
        return exp(logDensity(t, nu))
    }

    /// The inverse of `cdf`: the `t` with `P(T ≤ t) = p`.
    ///
    /// Starts from the Cornish–Fisher expansion around the normal quantile and polishes it with
    /// Newton steps on the log of the tail probability, kept inside a bisection bracket so it cannot
    /// run away in the heavy tails of few degrees of freedom. One and two degrees of freedom have
    /// closed forms. Returns `∓∞` for `p` of 0 and 1 and NaN for `p` outside `[0, 1]`.
    public static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        guard p >= 0, p <= 1, !nu.isNaN, nu > 0 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if nu.isInfinite { return Normal.quantile(p) }
        // Work on the smaller tail; `1 - p` is exact for p ≥ 0.5, so no digits are lost.
        let q = p < 0.5 ? p : 1 - p
        let t = upperQuantile(q, nu)
        return p < 0.5 ? -t : t
    }

    /// `P(T > t)` for `t ≥ 0`.
    static func upperTail(_ t: Double, _ nu: Double) -> Double {
        if t.isInfinite { return 0 }
        let a = nu / 2
        if t > 1e50 * nu.squareRoot() {
            // x = ν / (ν + t²) < 1e-100 would underflow for heavy tails (ν < 2 reaches p = 1e-300 only
            // past t = 1e200); there I_x(a, ½) = x^a / (a·B(a, ½)) to double precision, taken in logs.
            let logX = log(nu) - 2 * log(t)
            return 0.5 * exp(a * logX - log(a) - IncompleteBeta.logBeta(a, 0.5))
        }
        let t2 = t * t
        let x = nu / (nu + t2)
        let y = t2 / (nu + t2)
        return 0.5 * IncompleteBeta.regularizedPair(x: x, complement: y, a: a, b: 0.5).lower
    }

    private static func logDensity(_ t: Double, _ nu: Double) -> Double {
        let half = nu / 2
        let logGammaRatio = half >= 20
            ? IncompleteBeta.logGammaDifference(half, 0.5)
            : lgamma(half + 0.5) - lgamma(half)
        let r = abs(t) / nu.squareRoot()
        // log(1 + r²) without squaring r when that would overflow; past 1e8 the 1 is below rounding.
        let logKernel = r > 1e8 ? 2 * log(r) : log1p(r * r)
        return logGammaRatio - 0.5 * log(nu * Double.pi) - (nu + 1) / 2 * logKernel
    }

    /// The `t > 0` with `P(T > t) = q`, for `0 < q < ½`.
    private static func upperQuantile(_ q: Double, _ nu: Double) -> Double {
        if nu == 1 { return 1 / tan(Double.pi * q) }
        if nu == 2 { return (1 - 2 * q) / (2 * q * (1 - q)).squareRoot() }
        let logQ = log(q)
        var low = 0.0
        var high = Double.infinity
        var t = max(cornishFisher(-Normal.quantile(q), nu), Double.leastNormalMagnitude)
        for _ in 0..<200 {
            let tail = upperTail(t, nu)
            if tail == q { return t }
            if tail > q { low = t } else { high = t }
            var next: Double
            if tail > 0 {
                // Newton on log U(t): the log keeps the step sensible where U is tiny and flat, and
                // U / density is formed in logs because far out the density underflows before U does.
                let logTail = log(tail)
                next = t + (logTail - logQ) * exp(logTail - logDensity(t, nu))
            } else {
                next = .nan
            }
            if !(next > low && next < high) {
                // Newton left the bracket: grow while it has no upper end, else bisect, geometrically
                // when the bracket spans orders of magnitude.
                if high.isInfinite {
                    next = 2 * t
                } else if low > 0, high / low > 4 {
                    next = (low * high).squareRoot()
                } else {
                    next = 0.5 * (low + high)
                }
            }
            if abs(next - t) <= 2 * Double.ulpOfOne * t { return next }
            t = next
        }
        return t
    }

    /// The Cornish–Fisher expansion of the t quantile in powers of `1 / nu` (Abramowitz & Stegun 26.7.5).
    private static func cornishFisher(_ z: Double, _ nu: Double) -> Double {
        guard z.isFinite else { return z }
        let z2 = z * z
        let g1 = (z2 + 1) * z / 4
        let g2 = ((5 * z2 + 16) * z2 + 3) * z / 96
        let g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384
        let g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160
        return z + (g1 + (g2 + (g3 + g4 / nu) / nu) / nu) / nu
    }
}
