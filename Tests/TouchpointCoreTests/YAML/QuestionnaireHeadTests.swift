import Foundation
import Testing
import TouchpointCore

/// The head of a questionnaire (`QuestionnaireHead.cut`), which `run` draws its first screen from: cut only before
/// an entry of a `questions` list or a top-level key after it, never inside a question or a block scalar.
@Suite("The head of a questionnaire file")
struct QuestionnaireHeadTests {
    static let nested = """
        touchpoint: 1
        id: head
        questions:
          - section: first
            title: First part
            questions:
              - id: q1
                type: single
                text: One
                options:
                  - {value: a, label: A}
                  - {value: b, label: B}
              - id: q2
                type: text
                text: |
                  A block of text
                  - id: fake
                  - section: fake
                questions:
              - id: q3
                type: number
                text: Three
          - id: q4
            type: text
            text: >-
              questions:
              - id: fake
        scores:
          - id: s
        """ + "\n"

    /// Where the cut falls for each smallest offset: the start of the line it cuts before.
    func cutLine(_ source: String, atLeast minimum: Int) -> String? {
        let bytes = Array(source.utf8)
        guard let head = QuestionnaireHead.cut(bytes, atLeast: minimum) else { return nil }
        let rest = bytes[head.endIndex...]
        let line = rest.prefix { $0 != UInt8(ascii: "\n") }
        return String(decoding: line, as: UTF8.self)
    }

    @Test("cut only before entries of question lists and the keys after them", arguments: ["\n", "\r\n"])
    func cutsOnlyBeforeEntriesOfQuestionListsAndTheKeysAfterThem(lineEnd: String) {
        let source = Self.nested.replacingOccurrences(of: "\n", with: lineEnd)
        let bytes = Array(source.utf8)
        var cuts: [String] = []
        for minimum in 0...bytes.count {
            if let line = cutLine(source, atLeast: minimum)?.replacingOccurrences(of: "\r", with: ""), cuts.last != line {
                cuts.append(line)
            }
        }
        #expect(cuts == ["  - section: first", "      - id: q1", "      - id: q2", "      - id: q3", "  - id: q4", "scores:"])
        #expect(cutLine(source, atLeast: bytes.count) == nil)
    }

    @Test func needsAQuestionsKeyAtTheTop() {
        let source = "touchpoint: 1\nid: x\nmeta:\n  questions:\n    - id: a\n      type: text\n      text: A\n"
        #expect(QuestionnaireHead.cut(Array(source.utf8), atLeast: 0) == nil)
        #expect(QuestionnaireHead.cut(Array("{\"questions\": []}".utf8), atLeast: 0) == nil)
    }

    @Test func entriesWrittenWithoutIndentationAreCutToo() {
        let source = "touchpoint: 1\nid: x\nquestions:\n- id: a\n  type: text\n  text: A\n  options:\n  - x\n- id: b\n  type: text\n  text: B\n"
        #expect(cutLine(source, atLeast: 0) == "- id: a")
        #expect(cutLine(source, atLeast: 32) == "- id: b")
    }

    /// Every head of every bundled questionnaire, at every line: cut at the start of a line, and the questions,
    /// sections, ends and computes it holds are the file's first ones, in order, none cut short.
    @Test("heads of the bundled questionnaires hold their first items", arguments: BundledQuestionnaireTests.files)
    func bundledHeads(_ name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: BundledQuestionnaireTests.folder.appendingPathComponent(name)))
        let full = Self.ids(try #require(Validator.validate(bytes).questionnaire).items)
        var heads = 0
        var minimum = 0
        while let head = QuestionnaireHead.cut(bytes, atLeast: minimum) {
            #expect(head.endIndex == 0 || bytes[head.endIndex - 1] == UInt8(ascii: "\n"))
            let report = Validator.validate(Array(head))
            if let q = report.questionnaire {
                let ids = Self.ids(q.items)
                #expect(Array(full.prefix(ids.count)) == ids, "\(name), cut at \(head.endIndex)")
                heads += 1
            }
            minimum = head.endIndex + 1
        }
        #expect(heads > 3, "\(name): \(heads) heads")
    }

    static func ids(_ items: [Item]) -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case .question(let q): ["\(q.id):\(q.options.count)"]
            case .section(let s): ["section \(s.id)"] + ids(s.items)
            case .end(let e): ["end \(e.status)"]
            case .compute(let c): ["compute \(c.id)"]
            }
        }
    }
}
