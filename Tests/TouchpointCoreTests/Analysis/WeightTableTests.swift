import Testing
@testable import TouchpointCore

@Suite struct WeightTableTests {
    @Test func weightsAreReadByTheNamedKeyColumn() throws {
        let table = try WeightTable(bytes: Array("\u{FEFF}region,respondent,weight\r\nn,R1,1.5\r\ns,\"R,2\",0\r\n".utf8), key: .respondent, name: "w.csv")
        #expect(table.weights == ["R1": 1.5, "R,2": 0])
    }

    @Test func aNegativeWeightIsRefusedWithItsLine() {
        #expect(throws: WeightTable.Problem.self) {
            try WeightTable(bytes: Array("response_id,weight\na,1\nb,-2\n".utf8), key: .responseID, name: "w.csv")
        }
        do {
            _ = try WeightTable(bytes: Array("response_id,weight\na,1\na,2\n".utf8), key: .responseID, name: "w.csv")
        } catch {
            #expect(error.line == 3)
            #expect(error.message.contains("twice"))
        }
    }

    @Test func aHeaderWithoutTheKeyColumnSaysWhichColumnsItHas() {
        do {
            _ = try WeightTable(bytes: Array("id,w\n".utf8), key: .respondent, name: "w.csv")
            Issue.record("expected a problem")
        } catch {
            #expect(error.message.contains("`respondent` and `weight`"))
        }
    }
}
