import Testing
@testable import TouchpointCore

/// The streaming totals give the numbers of the `Statistics` functions on the same values, and totals of two
/// parts of a file merge into those of the whole.
@Suite struct ScoreAccumulatorTests {
    /// A seeded generator, so that every run checks the same numbers.
    struct Numbers {
        var random = SeededRandom(seed: 20261123)

        mutating func uniform() -> Double { Double(random.next() >> 11) / Double(1 << 53) }
        mutating func integer(_ range: ClosedRange<Int>) -> Int { range.lowerBound + Int(uniform() * Double(range.count)) }
        mutating func weight() -> Double { 0.2 + 2.8 * uniform() }
    }

    static func close(_ a: Double?, _ b: Double?, _ tolerance: Double = 1e-12) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return abs(a - b) <= tolerance * max(1, abs(b))
    }

    static func same(_ a: Estimate?, _ b: Estimate?) -> Bool {
        guard let a, let b else { return a == nil && b == nil }
        return close(a.value, b.value) && close(a.ci95?.low, b.ci95?.low) && close(a.ci95?.high, b.ci95?.high)
            && a.n == b.n && close(a.nEff, b.nEff)
    }

    @Test(arguments: [1, 2, 7, 500])
    func meansMatchMeanEstimateWeightedAndNot(count: Int) {
        var numbers = Numbers()
        let values = (0..<count).map { _ in Double(numbers.integer(1...7)) + numbers.uniform() * 0.001 }
        let weights = (0..<count).map { _ in numbers.weight() }
        var totals = MomentAccumulator()
        for (x, w) in zip(values, weights) { totals.add(x, weight: w) }
        let plain = totals.estimate(weighted: false)
        let expected = Mean.estimate(values)
        #expect(Self.same(plain?.estimate, expected?.estimate) && Self.close(plain?.sd, expected?.sd))
        let weighted = totals.estimate(weighted: true)
        let expectedWeighted = Mean.estimate(values, weights: weights)
        #expect(Self.same(weighted?.estimate, expectedWeighted?.estimate) && Self.close(weighted?.sd, expectedWeighted?.sd))
    }

    @Test func largeOffsetsDoNotCostPrecision() {
        // Values near 10^9 with a spread of 1: Σx² - n·mean² would lose every digit of the variance.
        let values = (0..<1000).map { 1e9 + Double($0 % 7) }
        var totals = MomentAccumulator()
        for x in values { totals.add(x, weight: 1) }
        #expect(Self.close(totals.estimate(weighted: false)?.sd, Mean.estimate(values)?.sd, 1e-9))
    }

    @Test func sharesAndNPSMatchTheirFunctions() {
        var numbers = Numbers()
        let ratings = (0..<300).map { _ in numbers.integer(0...10) }
        let weights = ratings.map { _ in numbers.weight() }
        var nps = NPSAccumulator()
        var share = ShareAccumulator()
        for (rating, weight) in zip(ratings, weights) {
            nps.add(rating: rating, weight: weight)
            share.add(rating >= 9, weight: weight)
        }
        for interval in NPSInterval.allCases {
            #expect(nps.estimate(weighted: false, interval: interval) == NetPromoter.estimate(ratings: ratings, interval: interval))
            let weighted = nps.estimate(weighted: true, interval: interval)
            let expected = NetPromoter.estimate(ratings: ratings, weights: weights, interval: interval)
            #expect(Self.same(weighted?.estimate, expected?.estimate))
            #expect(weighted?.promoters == expected?.promoters && Self.close(weighted?.promoterPercent, expected?.promoterPercent))
        }
        #expect(share.estimate(weighted: false) == Proportion.wilson(successes: ratings.filter { $0 >= 9 }.count, n: 300))
        #expect(Self.same(share.estimate(weighted: true), Proportion.wilson(outcomes: ratings.map { $0 >= 9 }, weights: weights)))
    }

    @Test func alphaMatchesCronbachAlphaOnCompleteCases() {
        var numbers = Numbers()
        var rows: [[Double?]] = []
        var totals = AlphaAccumulator(items: 3)
        for _ in 0..<200 {
            let base = numbers.integer(1...5)
            let row: [Double?] = (0..<3).map { _ in
                numbers.uniform() < 0.1 ? nil : Double(min(max(base + numbers.integer(-1...1), 1), 5))
            }
            rows.append(row)
            row.withUnsafeBufferPointer { totals.add($0) }
        }
        let expected = CronbachAlpha.estimate(rows)
        #expect(Self.close(totals.estimate?.alpha, expected?.alpha) && totals.estimate?.n == expected?.n)
    }

    @Test func correlationsMatchPearsonWeightedAndNotAndFindConstantSeries() {
        var numbers = Numbers()
        let x = (0..<150).map { _ in Double(numbers.integer(1...7)) }
        let y = x.map { $0 + Double(numbers.integer(-3...3)) }
        let weights = x.map { _ in numbers.weight() }
        var totals = CorrelationAccumulator()
        for index in x.indices { totals.add(x: x[index], y: y[index], weight: weights[index]) }
        #expect(Self.same(totals.estimate(weighted: false), Correlation.pearson(x: x, y: y)))
        #expect(Self.same(totals.estimate(weighted: true), Correlation.pearson(x: x, y: y, weights: weights)))
        var constant = CorrelationAccumulator()
        for value in y { constant.add(x: 4, y: value, weight: 1) }
        #expect(constant.estimate(weighted: false) == nil, "r is undefined when one series never changes")
    }

    @Test func mergingTwoPartsGivesTheTotalsOfTheWhole() {
        var numbers = Numbers()
        let values = (0..<400).map { _ in Double(numbers.integer(1...7)) }
        let other = values.map { $0 + Double(numbers.integer(-2...2)) }
        let weights = values.map { _ in numbers.weight() }
        var whole = (MomentAccumulator(), CorrelationAccumulator(), AlphaAccumulator(items: 2))
        var parts = [(MomentAccumulator(), CorrelationAccumulator(), AlphaAccumulator(items: 2)),
                     (MomentAccumulator(), CorrelationAccumulator(), AlphaAccumulator(items: 2))]
        for index in values.indices {
            let row: [Double?] = [values[index], other[index]]
            whole.0.add(values[index], weight: weights[index])
            whole.1.add(x: values[index], y: other[index], weight: weights[index])
            row.withUnsafeBufferPointer { whole.2.add($0) }
            let part = index < 123 ? 0 : 1
            parts[part].0.add(values[index], weight: weights[index])
            parts[part].1.add(x: values[index], y: other[index], weight: weights[index])
            row.withUnsafeBufferPointer { parts[part].2.add($0) }
        }
        var merged = parts[0]
        merged.0.merge(parts[1].0)
        merged.1.merge(parts[1].1)
        merged.2.merge(parts[1].2)
        for weighted in [false, true] {
            #expect(Self.same(merged.0.estimate(weighted: weighted)?.estimate, whole.0.estimate(weighted: weighted)?.estimate))
            #expect(Self.close(merged.0.estimate(weighted: weighted)?.sd, whole.0.estimate(weighted: weighted)?.sd))
            #expect(Self.same(merged.1.estimate(weighted: weighted), whole.1.estimate(weighted: weighted)))
        }
        #expect(Self.close(merged.2.estimate?.alpha, whole.2.estimate?.alpha) && merged.2.n == whole.2.n)
    }
}
