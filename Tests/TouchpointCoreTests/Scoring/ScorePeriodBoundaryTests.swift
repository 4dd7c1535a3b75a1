import Testing
@testable import TouchpointCore

/// `--period` labels at the ends of the years RFC 3339 can write (issue 13).
@Suite struct ScorePeriodBoundaryTests {
    @Test func theWeekOf0000_01_01IsWeek52OfYearMinusOne() {
        // 0000-01-01 (proleptic Gregorian) is a Saturday, so its ISO week is the last of year -1.
        #expect(ScorePeriod.week.key(of: "0000-01-01T00:00:00Z") == "-0001-W52")
        #expect(ScorePeriod.week.key(of: "0000-01-03T00:00:00Z") == "0000-W01")
        #expect(ScorePeriod.day.key(of: "0000-01-01T00:00:00Z") == "0000-01-01")
    }

    @Test func aLeapSecondOn9999_12_31StaysOnThatDay() {
        #expect(ScorePeriod.day.key(of: "9999-12-31T23:59:60Z") == "9999-12-31")
        #expect(ScorePeriod.month.key(of: "9999-12-31T23:59:60Z") == "9999-12")
        #expect(ScorePeriod.day.key(of: "2016-12-31T23:59:60Z") == "2016-12-31")
        #expect(ScorePeriod.week.key(of: "9999-12-31T23:59:60Z") == "9999-W52")
    }

    @Test func offsetsPastTheEndsAreClampedIntoThem() {
        #expect(ScorePeriod.day.key(of: "9999-12-31T23:00:00-05:00") == "9999-12-31")
        #expect(ScorePeriod.day.key(of: "0000-01-01T01:00:00+05:00") == "0000-01-01")
    }
}
