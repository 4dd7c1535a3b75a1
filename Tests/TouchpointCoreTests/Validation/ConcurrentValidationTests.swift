import Testing
@testable import TouchpointCore

/// A large file is read and checked partly on other cores (`run` reaches its first question sooner); the report
/// must be exactly the one of reading it on one thread.
@Suite("Validating on several cores gives the one-thread report")
struct ConcurrentValidationTests {
    /// A questionnaire of `sections` sections of 50 questions, with a mistake in about every seventh question.
    static func largeSource(sections: Int, mistakes: Bool, defaultsLast: Bool = false) -> String {
        var lines = ["touchpoint: 1", "id: large"] + (defaultsLast ? [] : ["defaults: {required: true, dont_know: true}"]) + ["questions:"]
        var n = 0
        for s in 1...sections {
            lines.append("  - section: part\(s)")
            lines.append(n == 0 ? "    title: \"Part 1\"" : "    title: \"Part \(s) after {q\(n)}\"")
            lines.append("    questions:")
            for _ in 1...50 {
                n += 1
                let slip = mistakes && n % 7 == 3
                lines.append("      - id: q\(n)")
                lines.append("        type: \(slip && n % 2 == 0 ? "singel" : "single")")
                lines.append(n == 1 ? "        text: \"Question 1\"" : "        text: \"Question \(n) about {q\(n - 1)} and {{braces}}\"")
                if slip { lines.append("        requierd: false") }
                if n > 1 { lines.append("        when: \(slip ? "q\(n + 5)" : "q\(n - 1)") == 'a'") }
                lines.append("        options: [a, b, \(slip ? "'c, d'" : "c")]")
            }
        }
        if defaultsLast { lines.append("defaults: {required: false, refuse: true}") }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("the parser reads the top-level items on several cores into the same questionnaire and diagnostics", arguments: [false, true])
    func parserPartsMatch(mistakes: Bool) {
        let bytes = Array(Self.largeSource(sections: 8, mistakes: mistakes).utf8)
        let one = QuestionnaireParser.parse(bytes, parallel: false)
        let many = QuestionnaireParser.parse(bytes, parallel: true)
        #expect(one.questionnaire != nil)
        #expect(one.questionnaire == many.questionnaire)
        #expect(one.diagnostics == many.diagnostics)
        #expect(mistakes == !one.diagnostics.isEmpty)
    }

    @Test("items read while the file is still being loaded take defaults written after the list into account")
    func defaultsAfterTheList() {
        let bytes = Array(Self.largeSource(sections: 4, mistakes: true, defaultsLast: true).utf8)
        let one = QuestionnaireParser.parse(bytes, parallel: false)
        let many = QuestionnaireParser.parse(bytes, parallel: true)
        #expect(one.questionnaire == many.questionnaire)
        #expect(one.diagnostics == many.diagnostics)
        let first = many.questionnaire?.items.first.flatMap { item -> Question? in
            if case .section(let s) = item, case .question(let q)? = s.items.first { return q }
            return nil
        }
        #expect(first?.required == false)
        #expect(first?.refuse == true)
    }

    @Test("the validator's report is the same with and without its background work", arguments: [false, true])
    func validatorMatches(mistakes: Bool) {
        let bytes = Array(Self.largeSource(sections: 8, mistakes: mistakes).utf8)
        for analyseFlow in [true, false] {
            let one = Validator.validate(bytes, analyseFlow: analyseFlow, concurrent: false)
            let many = Validator.validate(bytes, analyseFlow: analyseFlow, concurrent: true)
            #expect(one.diagnostics == many.diagnostics)
            #expect(one.effort == many.effort)
            #expect((one.checked == nil) == (many.checked == nil))
            #expect(mistakes == one.hasErrors, "\(one.diagnostics.prefix(3).map(\.message))")
            if let a = one.checked, let b = many.checked {
                #expect(a.computeIDs == b.computeIDs)
                #expect(a.flow.count == b.flow.count)
                #expect(a.pieces("Question 2 about {q1} and {{braces}}") == [.literal("Question 2 about "), .placeholder("q1"), .literal(" and {braces}")])
            }
        }
    }

    @Test("every validation fixture gives the same report and symbol table when its names are checked on two cores")
    func everyFixtureMatchesOnTwoCores() throws {
        var compared = 0
        for name in try MarkedSource.allFixtureNames() {
            let bytes = Array(try MarkedSource.fixture(name).text.utf8)
            guard let q = QuestionnaireParser.parse(bytes).questionnaire else { continue }
            let flow = FlowItem.flatten(q.items)
            let (oneTable, one) = NameAnalysis.run(q, flow: flow, concurrent: false)
            let (manyTable, many) = NameAnalysis.run(q, flow: flow, concurrent: true)
            #expect(one == many, "\(name)")
            #expect(oneTable.invalidConditions == manyTable.invalidConditions, "\(name)")
            #expect(oneTable.computeTypes == manyTable.computeTypes, "\(name)")
            #expect(oneTable.symbols.mapValues(\.order) == manyTable.symbols.mapValues(\.order), "\(name)")
            #expect(Validator.validate(bytes, concurrent: false).diagnostics == Validator.validate(bytes, concurrent: true).diagnostics, "\(name)")
            compared += 1
        }
        #expect(compared >= 30)
    }

    @Test("a text is split into literal runs and placeholders, braces next to other scripts included")
    func placeholderPieces() {
        #expect(Placeholder.pieces("a {x} b") == [.literal("a "), .placeholder("x"), .literal(" b")])
        #expect(Placeholder.pieces("{{lit}} }} {meta.store}") == [.literal("{lit} } "), .placeholder("meta.store")])
        #expect(Placeholder.pieces("{ spaced }") == [.placeholder("spaced")])
        #expect(Placeholder.pieces("bad {not a name} and {x") == [.literal("bad {not a name} and {x")])
        #expect(Placeholder.scan("bad {not a name} and {x").map(\.problem) == ["`{not a name}` is not a name to pipe", "a `{` is never closed"])
        #expect(Placeholder.pieces("您好 {q1}，谢谢") == [.literal("您好 "), .placeholder("q1"), .literal("，谢谢")])
        #expect(Placeholder.pieces("您好{q1}谢谢") == [.literal("您好"), .placeholder("q1"), .literal("谢谢")])
        // A combining mark after a brace makes it part of another character: not a placeholder.
        #expect(Placeholder.pieces("{\u{301}x}") == [.literal("{\u{301}x}")])
        #expect(Placeholder.pieces("") == [])
        #expect(Placeholder.pieces("no braces") == [.literal("no braces")])
    }
}
