import Foundation

/// The standard normal distribution: its CDF and its quantile function.
public enum Normal {
    /// The two-sided 95% critical value, `Φ⁻¹(0.975)`, as statsmodels and scipy return it.
    public static let z95 = 1.959963984540054

    /// `P(Z ≤ x)` for a standard normal `Z`.
    ///
    /// Computed through `erfc`, so the lower tail keeps its relative precision (about 10⁻¹³ even at
    /// 10⁻³⁰⁰) instead of vanishing into `1 - tiny`.
    public static func cdf(_ x: Double) -> Double {
        guard !x.isNaN else { return .nan }
        return 0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The standard normal density at `x`.
    public static func density(_ x: Double) -> Double {
        exp(-0.5 * x * x) / (2 * Double.pi).squareRoot()
    }

    /// The inverse of `cdf`: the `x` with `P(Z ≤ x) = p`.
    ///
    /// Wichura's algorithm AS 241 (PPND16), accurate to about one part in 10¹⁶ over the whole range.
    /// Returns `-∞` for `p = 0`, `+∞` for `p = 1` and NaN outside `[0, 1]`.
    public static func quantile(_ p: Double) -> Double {
        guard p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let q = p - 0.5
        if abs(q) <= 0.425 {
            let r = 0.180625 - q * q
            return q * central(r)
        }
        // The tail is parameterised by sqrt(-log(tail probability)); `1 - p` is exact for p > 0.5.
        var r = (-log(q < 0 ? p : 1 - p)).squareRoot()
        let value: Double
        if r <= 5 {
            r -= 1.6
            value = intermediate(r)
        } else {
            r -= 5
            value = farTail(r)
        }
        return q < 0 ? -value : value
    }

    private static func central(_ r: Double) -> Double {
        let num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r
            + 6.7265770927008700853e+4) * r + 4.5921953931549871457e+4) * r
            + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
            + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0)
        let den = (((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r
            + 3.9307895800092710610e+4) * r + 2.1213794301586595867e+4) * r
            + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
            + 4.2313330701600911252e+1) * r + 1.0)
        return num / den
    }

    private static func intermediate(_ r: Double) -> Double {
        let num = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
            + 2.41780725177450611770e-1) * r + 1.27045825245236838258e+0) * r
            + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
            + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0)
        let den = (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
            + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
            + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
            + 2.05319162663775882187e+0) * r + 1.0)
        return num / den
    }

    private static func farTail(_ r: Double) -> Double {
        let num = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
            + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r
            + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
            + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0)
        let den = (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
            + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
            + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
            + 5.99832206555887937690e-1) * r + 1.0)
        return num / den
    }
}
