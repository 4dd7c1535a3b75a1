import Testing
@testable import TouchpointCore

/// `--period`: the day, ISO week and month of `completed_at`, in UTC.
@Suite struct ScorePeriodTests {
    @Test(arguments: [
        ("2021-01-03T12:00:00Z", "2020-W53"), ("2024-12-30T00:00:00Z", "2025-W01"), ("2026-11-23T09:02:10Z", "2026-W48"),
        ("2026-12-31T23:59:59Z", "2026-W53"), ("2027-01-03T10:00:00Z", "2026-W53"), ("2027-01-04T00:00:00Z", "2027-W01"),
        ("1999-01-01T08:00:00Z", "1998-W53"),
    ])
    func isoWeeksBelongToTheYearOfTheirThursday(time: String, week: String) {
        #expect(ScorePeriod.week.key(of: time) == week)
    }

    @Test func daysAndMonthsAreTakenInUTC() {
        #expect(ScorePeriod.day.key(of: "2026-11-23T09:02:10Z") == "2026-11-23")
        #expect(ScorePeriod.month.key(of: "2026-11-23T09:02:10Z") == "2026-11")
        // 07:30 in Shanghai on 1 December is still 30 November in UTC.
        #expect(ScorePeriod.day.key(of: "2026-12-01T07:30:00+08:00") == "2026-11-30")
        #expect(ScorePeriod.month.key(of: "2026-12-01T07:30:00+08:00") == "2026-11")
        #expect(ScorePeriod.day.key(of: "2024-02-29T23:00:00.250Z") == "2024-02-29")
    }

    @Test func textThatIsNotATimeHasNoPeriod() {
        #expect(ScorePeriod.day.key(of: "yesterday") == nil)
        #expect(ScorePeriod.week.key(of: "2026-13-01T00:00:00Z") == nil)
        #expect(ScorePeriod.month.key(of: "") == nil)
    }

    @Test func groupsByPeriodAreChronologicalAndMissingTimesGoLast() throws {
        let file = try ResponseFile([
            ScoringFixture.line(id: "a", completedAt: "2027-01-04T08:00:00Z"),
            ScoringFixture.line(id: "b", completedAt: "2026-12-31T08:00:00Z"),
            ScoringFixture.line(id: "c") { $0["completed_at"] = nil },
            ScoringFixture.line(id: "d", completedAt: "2027-01-03T22:00:00Z"),
        ])
        let (report, rejections) = try ScoringFixture.score([file.source], options: ScoreOptions(period: .week))
        #expect(rejections.isEmpty)
        #expect(report.groupNames == ["period"])
        #expect(report.groups.map { $0.by[0].value.description } == ["2026-W53", "2027-W01", "(missing)"])
        #expect(report.groups.map(\.responses) == [2, 1, 1])
    }
}
