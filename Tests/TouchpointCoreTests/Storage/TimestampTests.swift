import Foundation
import Testing
import TouchpointCore

@Suite struct TimestampTests {
    @Test func theEpochIsWrittenInUTC() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 0)) == "1970-01-01T00:00:00Z")
    }

    @Test func aDateIsWrittenToTheSecond() {
        // 2026-11-23T09:00:00Z
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_795_424_400)) == "2026-11-23T09:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_795_424_530)) == "2026-11-23T09:02:10Z")
    }

    @Test func fractionsOfASecondAreDroppedNotRounded() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1_795_424_400.999)) == "2026-11-23T09:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -0.5)) == "1969-12-31T23:59:59Z")
    }

    @Test func leapDaysAndCenturyYearsFallOnTheRightDate() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 4_107_542_400)) == "2100-03-01T00:00:00Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -2_208_988_800)) == "1900-01-01T00:00:00Z")
    }

    @Test func datesBeyondWhatRFC3339CanWriteAreClamped() {
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: 1e18)) == "9999-12-31T23:59:59Z")
        #expect(Timestamp.rfc3339(Date(timeIntervalSince1970: -1e18)) == "0000-01-01T00:00:00Z")
    }

    @Test func everyDayOfFourCenturiesSurvivesARoundTrip() {
        var day = -2_208_988_800.0  // 1900-01-01
        var previous = ""
        while day < 10_413_792_000 {  // 2300-01-01
            let text = Timestamp.rfc3339(Date(timeIntervalSince1970: day + 45_296))
            #expect(text > previous)
            #expect(Timestamp.parseRFC3339(text) == Date(timeIntervalSince1970: day + 45_296))
            previous = text
            day += 86_400
        }
    }

    @Test func offsetsAreConvertedToUTC() {
        let expected = Date(timeIntervalSince1970: 1_795_424_400)
        #expect(Timestamp.parseRFC3339("2026-11-23T17:00:00+08:00") == expected)
        #expect(Timestamp.parseRFC3339("2026-11-23T04:30:00-04:30") == expected)
        #expect(Timestamp.parseRFC3339("2026-11-23t09:00:00z") == expected)
        #expect(Timestamp.parseRFC3339("2026-11-23 09:00:00Z") == expected)
    }

    @Test func fractionalSecondsAreKeptWhenParsing() throws {
        let parsed = try #require(Timestamp.parseRFC3339("2026-11-23T09:00:00.25Z"))
        #expect(abs(parsed.timeIntervalSince1970 - 1_795_424_400.25) < 1e-6)
    }

    @Test func aLeapSecondCountsAsTheNextMinute() {
        #expect(Timestamp.parseRFC3339("2016-12-31T23:59:60Z") == Timestamp.parseRFC3339("2017-01-01T00:00:00Z"))
    }

    @Test(arguments: [
        "", "2026-11-23", "2026-11-23T09:00:00", "2026-11-23T09:00Z", "2026-13-01T00:00:00Z",
        "2026-00-10T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-11-23T24:00:00Z",
        "2026-11-23T09:60:00Z", "2026-11-23T09:00:61Z", "2026-11-23T09:00:00.Z", "2026-11-23T09:00:00+0800",
        "2026-11-23T09:00:00+24:00", "2026-11-23T09:00:00Z ", "26-11-23T09:00:00Z", "2026-11-23X09:00:00Z",
        "２０２６-11-23T09:00:00Z",
    ])
    func textThatIsNotAnRFC3339DateTimeIsRefused(text: String) {
        #expect(Timestamp.parseRFC3339(text) == nil)
    }

    @Test func februaryTwentyNinthIsAcceptedInLeapYearsOnly() {
        #expect(Timestamp.parseRFC3339("2028-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parseRFC3339("2000-02-29T00:00:00Z") != nil)
        #expect(Timestamp.parseRFC3339("2100-02-29T00:00:00Z") == nil)
    }
}
