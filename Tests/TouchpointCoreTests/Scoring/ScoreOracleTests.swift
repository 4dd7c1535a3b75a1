import Testing
@testable import TouchpointCore

/// Every score of the fixture, overall, by group and weighted, against scipy / statsmodels / pingouin
/// (`oracle/make_expected.py`) to 1e-6.
@Suite struct ScoreOracleTests {
    @Test func unweightedScoresMatchTheOracle() throws {
        let (report, rejections) = try ScoringFixture.score([.file(ScoringFixture.responsesPath)])
        #expect(rejections.isEmpty)
        #expect(report.responses == ScoreReport.Responses(read: 90, scored: 90, rejected: 0))
        try Self.check(report.overall, against: ScoringFixture.expected()["unweighted"], label: "unweighted")
    }

    @Test func everySegmentMatchesTheOracleAndMissingSegmentsFormTheirOwnGroup() throws {
        let options = ScoreOptions(groupBy: ["meta.segment"])
        let (report, _) = try ScoringFixture.score([.file(ScoringFixture.responsesPath)], options: options)
        let expected = try ScoringFixture.expected()["by_segment"]
        #expect(report.groups.map { $0.by.map(\.value) } == [[.value("new")], [.value("regular")], [.missing]])
        #expect(report.groups.map(\.responses).reduce(0, +) == 90)
        for group in report.groups {
            let label = group.by[0].value.description
            try Self.check(group, against: expected?[label], label: label)
        }
    }

    @Test func weightedScoresMatchTheOracle() throws {
        let options = ScoreOptions(weight: "meta.weight")
        let (report, rejections) = try ScoringFixture.score([.file(ScoringFixture.responsesPath)], options: options)
        #expect(rejections.isEmpty, "a weight of 0 is a usable weight")
        try Self.check(report.overall, against: ScoringFixture.expected()["weighted"], label: "weighted")
    }

    @Test func adjustedWaldIntervalsMatchTheOracle() throws {
        for (weight, key) in [(nil, "adjusted_wald"), ("meta.weight", "weighted_adjusted_wald")] {
            let options = ScoreOptions(weight: weight, interval: .adjustedWald)
            let (report, _) = try ScoringFixture.score([.file(ScoringFixture.responsesPath)], options: options)
            try Self.check(report.overall, against: ScoringFixture.expected()[key], label: key)
        }
    }

    /// Compares every score of `group` with the oracle's entry for it.
    static func check(_ group: ScoreReport.Group, against expected: JSONValue?, label: String) throws {
        let expected = try #require(expected, "no oracle figures for \(label)")
        #expect(Double(group.responses) == expected["responses"]?.doubleValue, "\(label) responses")
        #expect(group.scores.count == 14)
        for score in group.scores {
            let want = try #require(expected[score.id], "\(label): no oracle figures for \(score.id)")
            let where_ = "\(label) \(score.id)"
            #expect(Double(score.n) == want["n"]?.doubleValue, "\(where_) n")
            switch score.outcome {
            case .nps(_, let result):
                let result = try #require(result, "\(where_)")
                #expect(Double(result.promoters) == want["promoters"]?.doubleValue, "\(where_) promoters")
                #expect(Double(result.passives) == want["passives"]?.doubleValue, "\(where_) passives")
                #expect(Double(result.detractors) == want["detractors"]?.doubleValue, "\(where_) detractors")
                expectEstimate(result.estimate, want, where_)
            case .share(_, let count, let estimate):
                #expect(Double(count) == want["count"]?.doubleValue, "\(where_) count")
                expectEstimate(try #require(estimate, "\(where_)"), want, where_)
            case .mean(_, let result, let alpha):
                let result = try #require(result, "\(where_)")
                expectEstimate(result.estimate, want, where_)
                #expect(agreesWithOracle(result.sd, want["sd"]), "\(where_) sd \(String(describing: result.sd))")
                #expect(agreesWithOracle(alpha?.alpha, want["alpha"]), "\(where_) alpha \(String(describing: alpha))")
                if let alpha { #expect(Double(alpha.n) == want["alpha_n"]?.doubleValue, "\(where_) alpha n") }
            case .drivers(_, let drivers):
                let items = try #require(want["items"]?.objectValue)
                #expect(drivers.map(\.item).sorted() == items.keys.sorted())
                for driver in drivers {
                    let wantItem = try #require(items[driver.item])
                    #expect(Double(driver.n) == wantItem["n"]?.doubleValue, "\(where_) \(driver.item) n")
                    let estimate = try #require(driver.estimate, "\(where_) \(driver.item)")
                    #expect(agreesWithOracle(estimate.value, wantItem["r"]), "\(where_) \(driver.item) r \(estimate.value)")
                    #expect(agreesWithOracle(estimate.ci95?.low, wantItem["low"]), "\(where_) \(driver.item) low")
                    #expect(agreesWithOracle(estimate.ci95?.high, wantItem["high"]), "\(where_) \(driver.item) high")
                    #expect(agreesWithOracle(estimate.nEff, wantItem["n_eff"]), "\(where_) \(driver.item) n_eff")
                }
                let rs = drivers.compactMap { $0.estimate?.value }
                #expect(rs == rs.sorted(by: >), "\(where_): drivers are sorted by r, strongest first")
            case .unavailable(let reason):
                Issue.record("\(where_) is unavailable: \(reason)")
            }
        }
    }

    private static func expectEstimate(_ estimate: Estimate, _ want: JSONValue, _ label: String) {
        #expect(agreesWithOracle(estimate.value, want["value"]), "\(label) value \(estimate.value)")
        #expect(agreesWithOracle(estimate.ci95?.low, want["low"]), "\(label) low \(String(describing: estimate.ci95))")
        #expect(agreesWithOracle(estimate.ci95?.high, want["high"]), "\(label) high \(String(describing: estimate.ci95))")
        #expect(agreesWithOracle(estimate.nEff, want["n_eff"]), "\(label) n_eff \(String(describing: estimate.nEff))")
    }
}
