/// A test of the difference between two independent estimates: the difference (first minus second), its
/// standard error, the test statistic (z, or Welch's t) and the two-sided p value.
public struct Difference: Sendable, Hashable {
    public var difference: Double
    public var se: Double
    public var statistic: Double
    public var p: Double
    /// Welch-Satterthwaite degrees of freedom, for the t test of means; nil for z tests.
    public var degreesOfFreedom: Double?

    /// The threshold of a significance mark: two-sided p below it.
    public static let significanceLevel = 0.05

    /// Whether the difference is significant at `significanceLevel`.
    public var isSignificant: Bool { p < Self.significanceLevel }

    public init(difference: Double, se: Double, statistic: Double, p: Double, degreesOfFreedom: Double? = nil) {
        self.difference = difference
        self.se = se
        self.statistic = statistic
        self.p = p
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// Two NPS values (in points) from promoter and detractor shares (0-1) on `size` cases each (Kish's
    /// effective size when weighted): the standard error is that of the difference of two independent
    /// multinomial estimates, `100·√(v₁ + v₂)` with `v = (p + d - (p - d)²) / n`; the statistic is z.
    public static func nps(promoterShare p1: Double, detractorShare d1: Double, size n1: Double,
                           versus p2: Double, _ d2: Double, size n2: Double) -> Difference? {
        guard n1 > 0, n2 > 0 else { return nil }
        let v1 = max(p1 + d1 - (p1 - d1) * (p1 - d1), 0) / n1
        let v2 = max(p2 + d2 - (p2 - d2) * (p2 - d2), 0) / n2
        let se = 100 * (v1 + v2).squareRoot()
        let difference = 100 * ((p1 - d1) - (p2 - d2))
        return zTest(difference, se)
    }

    /// Two shares (0-1) of `n1` and `n2` cases, in points: the two-proportion z test with the pooled
    /// standard error `√(p̄(1 - p̄)(1/n₁ + 1/n₂))` (as statsmodels' `proportions_ztest` computes it).
    public static func proportions(_ share1: Double, size n1: Double, versus share2: Double, size n2: Double) -> Difference? {
        guard n1 > 0, n2 > 0 else { return nil }
        let pooled = (share1 * n1 + share2 * n2) / (n1 + n2)
        let se = 100 * (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        return zTest(100 * (share1 - share2), se)
    }

    /// Two means with their standard deviations and sizes: Welch's unequal-variance t test (as scipy's
    /// `ttest_ind(equal_var=False)`), with Welch-Satterthwaite degrees of freedom.
    public static func welch(mean m1: Double, sd s1: Double, size n1: Double,
                             versus m2: Double, sd s2: Double, size n2: Double) -> Difference? {
        guard n1 > 1, n2 > 1 else { return nil }
        let a = s1 * s1 / n1
        let b = s2 * s2 / n2
        let se = (a + b).squareRoot()
        let difference = m1 - m2
        guard se > 0 else { return nil }
        let df = (a + b) * (a + b) / (a * a / (n1 - 1) + b * b / (n2 - 1))
        let t = difference / se
        let p = min(1, 2 * StudentT.upperTail(abs(t), df))
        return Difference(difference: difference, se: se, statistic: t, p: p, degreesOfFreedom: df)
    }

    private static func zTest(_ difference: Double, _ se: Double) -> Difference? {
        guard se > 0 else { return nil }
        let z = difference / se
        return Difference(difference: difference, se: se, statistic: z, p: min(1, 2 * Normal.cdf(-abs(z))))
    }

    /// The test that fits two results of the same score: NPS for `nps`, two proportions for boxes,
    /// percents and completion, Welch's t for means and sums; nil for drivers or when undefined.
    public static func between(_ a: ScoreResult, _ b: ScoreResult) -> Difference? {
        switch (a.outcome, b.outcome) {
        case let (.nps(_, x?), .nps(_, y?)):
            return nps(promoterShare: x.promoterPercent / 100, detractorShare: x.detractorPercent / 100,
                       size: x.estimate.nEff ?? Double(x.estimate.n),
                       versus: y.promoterPercent / 100, y.detractorPercent / 100, size: y.estimate.nEff ?? Double(y.estimate.n))
        case let (.share(_, _, x?), .share(_, _, y?)):
            return proportions(x.value / 100, size: x.nEff ?? Double(x.n), versus: y.value / 100, size: y.nEff ?? Double(y.n))
        case let (.mean(_, x?, _), .mean(_, y?, _)):
            guard let sx = x.sd, let sy = y.sd else { return nil }
            return welch(mean: x.estimate.value, sd: sx, size: x.estimate.nEff ?? Double(x.estimate.n),
                         versus: y.estimate.value, sd: sy, size: y.estimate.nEff ?? Double(y.estimate.n))
        default:
            return nil
        }
    }

    /// `{"difference", "se", "statistic", "p"}` (and `"df"` for Welch's t), rounded as scores are.
    public var json: JSONValue {
        var object = JSONObject()
        object["difference"] = ScoreNumber.json(difference)
        object["se"] = ScoreNumber.json(se)
        object["statistic"] = ScoreNumber.json(statistic)
        object["p"] = ScoreNumber.json(p)
        if let degreesOfFreedom { object["df"] = ScoreNumber.json(degreesOfFreedom) }
        return .object(object)
    }
}
