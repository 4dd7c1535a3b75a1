/// `empty-options`, `duplicate-option`: choice questions need distinct options.
enum OptionRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        for (q, _) in context.questions {
            let needsOptions = q.type.hasOptions
            if needsOptions && q.options.isEmpty {
                bag.add(.emptyOptions, at: q.position(of: "options"), "\(q.type.rawValue) question `\(q.id)` has no options",
                        hint: "add `options: [first, second]`")
                continue
            }
            if q.type == .single && q.options.count == 1 && !q.other {
                bag.add(.emptyOptions, .warning, at: q.position(of: "options"),
                        "single question `\(q.id)` has only one option, so it asks nothing",
                        hint: "add the other answers, or make it a `note`")
            }
            var values = FirstSeen<OptionValue>()
            var labels = FirstSeen<String>()
            for option in q.allOptions where option.position != q.position || !q.other {
                if let first = values.insert(option.value, at: option.position) {
                    bag.add(.duplicateOption, at: option.position,
                            "`\(q.id)` has the option value `\(option.value)` twice (first at line \(first.line))",
                            hint: option.value == ChoiceOption.otherValue && q.other
                                ? "`other: true` adds the option `other` itself; remove yours" : "give each option its own value")
                    continue
                }
                for (language, text) in option.label.translations {
                    if let first = labels.insert(language + "\u{0}" + text.lowercased(), at: option.position) {
                        bag.add(.duplicateOption, at: option.position,
                                "`\(q.id)` shows the label \"\(text)\" twice (first at line \(first.line)), so respondents cannot tell the options apart")
                    }
                }
            }
            if q.type == .single, let ex = q.options.first(where: \.exclusive) {
                bag.add(.badValue, .warning, at: ex.position, "`exclusive` has no effect in single question `\(q.id)`: only one option can be chosen anyway")
            }
            if q.type == .grid && q.rows.isEmpty {
                bag.add(.emptyOptions, at: q.position(of: "rows"), "grid `\(q.id)` has no rows", hint: "add `rows: [{id: r1, text: ...}]`")
            }
        }
    }
}
