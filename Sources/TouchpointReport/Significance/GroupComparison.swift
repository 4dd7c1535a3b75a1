import Foundation
import TouchpointCore

/// One group's score compared with the rest of the responses: the significance mark of the segment chart.
///
/// This is a stand-in, kept in this one file: `touchpoint score --by` is getting its own comparisons
/// (`vs_rest`, SPEC section 6, issue 9). Once they land, `SegmentBuilder` should take them from
/// `ScoreReport` and this file should go. It follows the same tests: NPS differences with the standard error
/// of two independent multinomial estimates, two-proportion z (pooled) for boxes and percents, Welch t for
/// means. The rest is the overall totals less the group's, which is exact because the report is unweighted.
public struct GroupComparison: Sendable, Hashable {
    /// The group's value less the rest's, in the score's unit (NPS points, percentage points, scale points).
    public var difference: Double
    public var se: Double
    /// z, or Welch's t.
    public var statistic: Double
    /// Two-sided p.
    public var p: Double

    /// The threshold of a significance mark.
    public static let alpha = 0.05

    /// Whether the difference is significant at `alpha`.
    public var isSignificant: Bool { p < Self.alpha }

    /// The comparison of `group` with `overall` less `group`, or nil when one side is empty or has no spread.
    public static func compare(_ group: ScoreResult, overall: ScoreResult) -> GroupComparison? {
        switch (group.outcome, overall.outcome) {
        case let (.nps(_, g?), .nps(_, o?)):
            let rest = (o.promoters - g.promoters, o.passives - g.passives, o.detractors - g.detractors)
            return nps(group: (g.promoters, g.passives, g.detractors), rest: rest)
        case let (.share(n, count, _), .share(allN, allCount, _)):
            return proportions(group: (count, n), rest: (allCount - count, allN - n))
        case let (.mean(n, g?, _), .mean(allN, o?, _)):
            return means(group: (n, g.estimate.value, g.sd ?? 0), overall: (allN, o.estimate.value, o.sd ?? 0))
        default:
            return nil
        }
    }

    /// NPS difference of two sets of promoter, passive and detractor counts.
    public static func nps(group: (Int, Int, Int), rest: (Int, Int, Int)) -> GroupComparison? {
        func parts(_ c: (Int, Int, Int)) -> (nps: Double, variance: Double, n: Double)? {
            let n = Double(c.0 + c.1 + c.2)
            guard n > 0, c.0 >= 0, c.1 >= 0, c.2 >= 0 else { return nil }
            let p = Double(c.0) / n
            let d = Double(c.2) / n
            return (100 * (p - d), p + d - (p - d) * (p - d), n)
        }
        guard let a = parts(group), let b = parts(rest) else { return nil }
        let se = 100 * (a.variance / a.n + b.variance / b.n).squareRoot()
        return normal(difference: a.nps - b.nps, se: se)
    }

    /// Two-proportion z test (pooled standard error), difference in percentage points.
    public static func proportions(group: (count: Int, n: Int), rest: (count: Int, n: Int)) -> GroupComparison? {
        guard group.n > 0, rest.n > 0, group.count >= 0, rest.count >= 0 else { return nil }
        let p1 = Double(group.count) / Double(group.n)
        let p2 = Double(rest.count) / Double(rest.n)
        let pooled = Double(group.count + rest.count) / Double(group.n + rest.n)
        let se = 100 * (pooled * (1 - pooled) * (1 / Double(group.n) + 1 / Double(rest.n))).squareRoot()
        return normal(difference: 100 * (p1 - p2), se: se)
    }

    /// Welch's t test of the group's mean against the rest's, the rest derived from the overall moments.
    public static func means(group: (n: Int, mean: Double, sd: Double), overall: (n: Int, mean: Double, sd: Double)) -> GroupComparison? {
        let restN = overall.n - group.n
        guard group.n >= 2, restN >= 2 else { return nil }
        let ng = Double(group.n), nr = Double(restN), no = Double(overall.n)
        let restMean = (no * overall.mean - ng * group.mean) / nr
        // Total sum of squares = within the group + within the rest + between them.
        let between = ng * nr / no * (group.mean - restMean) * (group.mean - restMean)
        let restSS = max(overall.sd * overall.sd * (no - 1) - group.sd * group.sd * (ng - 1) - between, 0)
        return welch(a: (ng, group.mean, group.sd * group.sd), b: (nr, restMean, restSS / (nr - 1)))
    }

    /// Welch's t of two samples given as (n, mean, variance).
    public static func welch(a: (Double, Double, Double), b: (Double, Double, Double)) -> GroupComparison? {
        let va = a.2 / a.0, vb = b.2 / b.0
        let se = (va + vb).squareRoot()
        guard se > 0, se.isFinite else { return nil }
        let t = (a.1 - b.1) / se
        let df = (va + vb) * (va + vb) / (va * va / (a.0 - 1) + vb * vb / (b.0 - 1))
        let p = 2 * (1 - StudentT.cdf(abs(t), degreesOfFreedom: df))
        return GroupComparison(difference: a.1 - b.1, se: se, statistic: t, p: min(max(p, 0), 1))
    }

    private static func normal(difference: Double, se: Double) -> GroupComparison? {
        guard se > 0, se.isFinite else { return nil }
        let z = difference / se
        let p = 2 * (1 - Normal.cdf(abs(z)))
        return GroupComparison(difference: difference, se: se, statistic: z, p: min(max(p, 0), 1))
    }
}
