/// `missing-translation`, `unknown-language`: every text shown must exist in every declared language.
enum TranslationRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        let q = context.questionnaire
        let languages = q.languages
        guard !languages.isEmpty else { return }
        for (owner, text) in shownTexts(context) {
            if text.isPlain {
                if languages.count > 1, text.translations[""]?.contains(where: \.isLetter) == true {
                    bag.add(.missingTranslation, .warning, at: text.position,
                            "\(owner) is one text for all of \(languages.joined(separator: ", ")), so it is shown untranslated",
                            hint: "write it as `{\(languages.map { "\($0): ..." }.joined(separator: ", "))}`")
                }
                continue
            }
            let missing = languages.filter { text.translations[$0] == nil }
            if !missing.isEmpty {
                bag.add(.missingTranslation, at: text.position,
                        "\(owner) has no \(missing.map { "`\($0)`" }.joined(separator: " or ")) text",
                        hint: "add `\(missing[0]): ...`; every text needs all of: \(languages.joined(separator: ", "))")
            }
            for (language, position) in text.languagePositions where !languages.contains(language) {
                bag.add(.unknownLanguage, at: position, "\(owner) has a `\(language)` text, but `\(language)` is not in `languages`",
                        hint: TextSimilarity.closest(to: language, in: languages).map { "did you mean `\($0)`?" }
                            ?? "add it to `languages` or remove it")
            }
        }
    }

    /// Every text a respondent or interviewer can see, with a description of its owner for messages.
    static func shownTexts(_ context: ValidationContext) -> [(String, LocalizedText)] {
        let q = context.questionnaire
        var result: [(String, LocalizedText)] = []
        if let t = q.title { result.append(("the title", t)) }
        if let t = q.intro { result.append(("the intro", t)) }
        if let t = q.outro { result.append(("the outro", t)) }
        for field in q.meta where field.ask { result.append(("meta `\(field.key)`", field.question.text)) }
        for f in context.flow {
            switch f.item {
            case .question(let question):
                let name = "question `\(question.id)`"
                // A question without `text` already has its `missing-key` error; its stand-in text is not checked.
                if question.keyPositions["text"] != nil { result.append((name, question.text)) }
                if let h = question.help { result.append(("the help of \(name)", h)) }
                if let i = question.instruction { result.append(("the instruction of \(name)", i)) }
                if let u = question.unit { result.append(("the unit of \(name)", u)) }
                for o in question.options { result.append(("option `\(o.value)` of \(name)", o.label)) }
                for (k, l) in question.labels.sorted(by: { $0.key < $1.key }) { result.append(("label `\(k)` of \(name)", l)) }
                for r in question.rows { result.append(("row `\(r.id)` of \(name)", r.text)) }
                for c in question.checks { if let m = c.message { result.append(("a check message of \(name)", m)) } }
            case .section(let s):
                if let t = s.title { result.append(("the title of section `\(s.id)`", t)) }
            case .end(let e):
                if let t = e.text { result.append(("the text of the end at line \(e.position.line)", t)) }
            case .compute:
                break
            }
        }
        return result
    }
}
