import Testing
@testable import TouchpointCore
import TouchpointJSON

/// The record writer's shortcuts give the bytes of the general path.
@Suite("Record writer")
struct RecordWriterTests {
    @Test func aPathIsWrittenAsItsDescriptionWouldBe() {
        let paths = [
            AnswerPath(question: "recommend"),
            AnswerPath(question: "stage_effort", loop: [.text("awareness")]),
            AnswerPath(question: "task", loop: [.integer(3), .text("find_plan")], row: "speed"),
            AnswerPath(question: "used", isOtherText: true),
            AnswerPath(question: "q", loop: [.text("a\"b")]),
            AnswerPath(question: "q", loop: [.text("café"), .integer(-2)]),
            AnswerPath(question: "q", loop: [.text("tab\there")], row: "r\\x"),
            AnswerPath(question: "q", loop: [.text("a"), .text("b"), .text("c"), .text("d"), .text("e")]),
            AnswerPath(question: "q", loop: [.text("c1\u{85}control")], row: "line\u{2028}sep"),
            AnswerPath(question: "名", loop: [.text("\u{1}"), .integer(0)], isOtherText: true),
        ]
        for path in paths {
            var expected: [UInt8] = []
            JSONWriter.writeString(path.description, to: &expected)
            var w = RecordWriter(out: [])
            w.path(path)
            #expect(w.out == expected, "\(path.description)")
        }
    }

    @Test func treeKeysKeepTheirFirstOrderAndALaterValueReplacesInPlace() {
        var tree = Tree()
        tree.insert(.answer(.number(1)), at: AnswerPath(question: "b"))
        tree.insert(.answer(.number(2)), at: AnswerPath(question: "a", loop: [.text("y")]))
        tree.insert(.answer(.number(3)), at: AnswerPath(question: "a", loop: [.text("x")]))
        tree.insert(.answer(.number(4)), at: AnswerPath(question: "b"))
        tree.insert(.answer(.number(5)), at: AnswerPath(question: "a", loop: [.text("y")]))
        for i in 0..<20 { tree.insert(.missing(.skipped), at: AnswerPath(question: "m\(i)")) }
        tree.insert(.answer(.number(6)), at: AnswerPath(question: "m3"))
        var w = RecordWriter(out: [])
        w.tree(tree)
        let others = (0..<20).map { $0 == 3 ? "\"m3\":6" : "\"m\($0)\":\"skipped\"" }.joined(separator: ",")
        #expect(String(decoding: w.out, as: UTF8.self) == "{\"b\":4,\"a\":{\"y\":5,\"x\":3},\(others)}")
    }
}
