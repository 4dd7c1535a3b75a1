import Testing
@testable import TouchpointCore

@Suite struct ExportWriterTests {
    @Test func cellsThatLookLikeFormulasGetALeadingApostrophe() {
        for text in ["=1+1", "+49 30", "-x", "@SUM(A1)", "\tTab"] {
            #expect(CSVExportWriter.neutralized(text) == "'" + text)
        }
        #expect(CSVExportWriter.neutralized("plain") == "plain")
        #expect(CSVExportWriter.neutralized("") == "")
    }

    @Test func fieldsAreQuotedOnlyWhenRFC4180NeedsIt() {
        #expect(CSVExportWriter.field("a,b") == "\"a,b\"")
        #expect(CSVExportWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVExportWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVExportWriter.field("plain") == "plain")
    }

    @Test func datesCountSecondsFromTheGregorianCalendarStart() {
        #expect(SAVWriter.spssDate("1582-10-14") == 0)
        #expect(SAVWriter.spssDate("1970-01-01") == 12_219_379_200)
        #expect(SAVWriter.spssDate("2026-11-23") == Double(141_428 + 20_780) * 86_400)
        #expect(SAVWriter.spssDate("not a date") == nil)
    }

    @Test func labelsAreCutOnCharacterBoundaries() {
        let cut = SAVWriter.cut(String(repeating: "满意", count: 100), bytes: 120)
        #expect(cut.utf8.count == 120)
        #expect(cut == String(repeating: "满意", count: 20))
    }

    @Test func choiceCodesKeepIntegersAndNumberTextValuesInOrder() {
        let options = [ChoiceOption(value: .text("web"), label: LocalizedText(plain: "Web")),
                       ChoiceOption(value: .integer(1), label: LocalizedText(plain: "One")),
                       ChoiceOption(value: .text("shop"), label: LocalizedText(plain: "Shop"))]
        #expect(ExportLayout.choiceCodes(options) == ["web": 2, "1": 1, "shop": 3])
    }

    @Test func decimalsAreThoseNeededToWriteAValueExactly() {
        #expect(ExportTable.decimals(of: 3) == 0)
        #expect(ExportTable.decimals(of: 2.5) == 1)
        #expect(ExportTable.decimals(of: 1.0 / 3) == 10)
    }
}
