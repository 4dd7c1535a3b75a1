import Testing
import TouchpointCore

/// What a person may type at a prompt beyond ASCII answers: full-width input, label starts that several
/// labels share, dates that are not in the calendar, and the words Tab offers.
@Suite("Typed input")
struct TypedInputTests {
    static let yaml = """
    touchpoint: 1
    id: typing
    languages: [en, zh]
    questions:
      - id: ease
        type: scale
        min: 1
        max: 7
        labels: {1: {en: Strongly disagree, zh: 非常不同意}, 4: {en: Neither, zh: 一般}, 7: {en: Strongly agree, zh: 非常同意}}
        text: {en: Easy?, zh: 容易吗？}
      - id: channel
        type: single
        options:
          - {value: web, label: {en: Website, zh: 网站，应用}}
          - {value: shop, label: {en: Shop, zh: 门店}}
          - {value: phone, label: {en: Telephone, zh: 电话}}
        text: {en: Channel?, zh: 渠道？}
      - id: used
        type: multi
        options:
          - {value: find, label: {en: Finding out about us, zh: 了解我们}}
          - {value: buy, label: {en: Buying or ordering, zh: 购买}}
          - {value: help, label: {en: Getting help, zh: 寻求帮助}}
        text: {en: Used?, zh: 用过？}
      - id: visits
        type: number
        text: {en: Visits?, zh: 次数？}
      - id: last_visit
        type: date
        text: {en: When?, zh: 何时？}
      - id: service
        type: grid
        min: 1
        max: 5
        labels: {1: {en: Very poor, zh: 很差}, 5: {en: Very good, zh: 很好}, 4: {en: Very fast, zh: 很快}}
        rows: [{id: speed, text: {en: Speed, zh: 速度}}]
        text: {en: Rate us., zh: 请评分。}
      - id: solved
        type: yes_no
        dont_know: true
        text: {en: Solved?, zh: 解决了吗？}
      - id: comment
        type: text
        text: {en: Anything else?, zh: 还有吗？}
    """

    func start(language: String = "en") throws -> Interview {
        let report = Validator.validate(Array(Self.yaml.utf8))
        #expect(!report.hasErrors, "\(report.diagnostics)")
        return Interview(try #require(report.checked), language: language, meta: [:], seed: 1)
    }

    private func invalid(_ feedback: Feedback) -> String? {
        if case .invalid(let message) = feedback { return message }
        return nil
    }

    // MARK: Full-width input

    @Test func fullWidthFormsAndTheIdeographicSpaceAndCommaFoldToASCII() {
        #expect(InputFolding.folded("３，４．５－：？\u{3000}ｙ") == "3,4.5-:? y")
        #expect(InputFolding.folded("１、２") == "1,2")
        #expect(InputFolding.folded("门店。") == "门店。")
        #expect(InputFolding.folded("plain 3") == "plain 3")
    }

    @Test func fullWidthDigitsPunctuationAndCommandsAreAcceptedWhereANumberDateOrOptionIsExpected() throws {
        var i = try start(language: "zh")
        #expect(i.submit("\u{3000}６\u{3000}") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.number(6)))
        #expect(i.submit("２") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.text("shop")))
        #expect(i.submit("３，１") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.list([.text("find"), .text("help")])))
        #expect(i.submit("－３．５") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.number(-3.5)))
        #expect(i.submit("２０２６－０２－２８") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.text("2026-02-28")))
        #expect(i.submit("５") == .accepted)
        // A full-width command: don't know.
        #expect(i.submit("：ｄｋ") == .accepted)
        #expect(i.steps.last?.outcome == .missing(.dontKnow))
        #expect(i.prompt?.key.question == "comment")
    }

    @Test func aFreeTextAnswerIsStoredAsTypedFullWidthFormsIncluded() throws {
        var i = try start(language: "zh")
        for line in ["1", "1", "1", "1", "2026-01-01", "1", "y"] { #expect(i.submit(line) == .accepted, "\(line)") }
        #expect(i.submit("送货太慢，３天才到．") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.text("送货太慢，３天才到．")))
    }

    @Test func aLabelWithAFullWidthCommaIsChosenByItsLabel() throws {
        var i = try start(language: "zh")
        _ = i.submit("1")
        #expect(i.submit("网站，应用") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.text("web")))
    }

    @Test func aListMixesNumbersAndWholeLabelsSeparatedBySpaces() throws {
        var i = try start()
        _ = i.submit("1"); _ = i.submit("1")
        #expect(i.submit("3 Finding out about us") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.list([.text("find"), .text("help")])))
    }

    // MARK: Ambiguous labels

    @Test func aScaleLabelStartThatTwoLabelsShareNamesBothInEnglishAndChinese() throws {
        var en = try start()
        let message = try #require(invalid(en.submit("Strongly")))
        #expect(message == "\"Strongly\" could be \"Strongly disagree\" (1) / \"Strongly agree\" (7). Type more of the label, or its number.")
        #expect(en.submit("strongly a") == .accepted)
        #expect(en.steps.last?.outcome == .answer(.number(7)))

        var zh = try start(language: "zh")
        let chinese = try #require(invalid(zh.submit("非常")))
        #expect(chinese.contains("“非常”可能是"), "\(chinese)")
        #expect(chinese.contains("\"非常不同意\" (1)") && chinese.contains("\"非常同意\" (7)"), "\(chinese)")
        #expect(zh.submit("非常同意") == .accepted)
    }

    @Test func aWordThatIsNoLabelStillAsksForAWholeNumber() throws {
        var i = try start()
        #expect(invalid(i.submit("often")) == "Type a whole number from 1 to 7.")
    }

    @Test func aGridRowWithLabelsNamesTheAmbiguityToo() throws {
        var i = try start()
        for line in ["1", "1", "1", "1", "2026-01-01"] { #expect(i.submit(line) == .accepted, "\(line)") }
        #expect(i.prompt?.key.description == "service.speed")
        let message = try #require(invalid(i.submit("very")))
        #expect(message.contains("\"Very poor\" (1) / \"Very fast\" (4) / \"Very good\" (5)"), "\(message)")
        #expect(i.submit("very g") == .accepted)
        #expect(i.steps.last?.outcome == .answer(.number(5)))
    }

    // MARK: Dates

    @Test(arguments: [
        ("2026-02-30", "February has no 30th: it has 28 days, or 29 in a leap year.", "2 月没有 30 日：2 月只有 28 天，闰年 29 天。"),
        ("2026-02-29", "2026 is not a leap year: February 2026 has 28 days.", "2026 年不是闰年：2026 年 2 月只有 28 天。"),
        ("2026-13-01", "There is no month 13: months run from 1 to 12. Type a date as YYYY-MM-DD.", "没有 13 月：月份为 1 到 12。请按 YYYY-MM-DD 格式输入日期。"),
        ("2026-04-31", "April has no 31st: it has 30 days.", "4 月没有 31 日：该月只有 30 天。"),
        ("2026-01-00", "There is no day 0: days of the month start at 1.", "没有 0 日：日期从 1 日开始。"),
        ("26-1-1", "Type a date as YYYY-MM-DD, such as 2026-11-23.", "请按 YYYY-MM-DD 格式输入日期，例如 2026-11-23。"),
    ])
    func aDateOutsideTheCalendarSaysWhichDayOrMonthDoesNotExist(date: String, english: String, chinese: String) {
        let problem = DateProblem.of(date)
        #expect(problem?.message("en") == english)
        #expect(problem?.message("zh") == chinese)
    }

    @Test func leapDaysAndMonthEndsAreDates() {
        for date in ["2024-02-29", "2000-02-29", "2026-12-31", "2026-04-30"] {
            #expect(DateProblem.of(date) == nil, "\(date)")
            #expect(DateText.isValid(date))
        }
        #expect(DateProblem.of("1900-02-29") == .notALeapYear(1900))
    }

    @Test func ordinalsFollowEnglishUsage() throws {
        #expect(DateProblem.of("2026-06-31")?.message("en") == "June has no 31st: it has 30 days.")
        #expect(DateProblem.of("2026-01-32")?.message("en") == "January has no 32nd: it has 31 days.")
        #expect(DateProblem.of("2026-01-33")?.message("en") == "January has no 33rd: it has 31 days.")
    }

    // MARK: Completion words

    @Test func tabOffersLabelsInTheInterviewsLanguageAndTheAllowedCommandsNeverOptionValues() throws {
        var zh = try start(language: "zh")
        // The first prompt has nothing to go back to: no :back (issue 8, item 1).
        #expect(zh.prompt?.completions == ["非常不同意", "一般", "非常同意", ":help", ":quit"])
        _ = zh.submit("1")
        let channel = try #require(zh.prompt)
        #expect(channel.completions == ["网站，应用", "门店", "电话", ":back", ":help", ":quit"])
        #expect(!channel.completesListItems)
        _ = zh.submit("1")
        #expect(zh.prompt?.completesListItems == true)
        for line in ["1", "1", "2026-01-01", "1"] { _ = zh.submit(line) }
        #expect(zh.prompt?.completions == ["是", "否", ":back", ":dk", ":help", ":quit"])
    }
}
