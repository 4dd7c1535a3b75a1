import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// Reads `--set KEY=VALUE` meta values, checking each against the questionnaire's `meta:` definition.
enum MetaArguments {
    static func parse(_ pairs: [String], checked: CheckedQuestionnaire) throws -> [String: Value] {
        let table = checked.table
        var values: [String: Value] = [:]
        for pair in pairs {
            guard let eq = pair.firstIndex(of: "=") else {
                throw ValidationError("--set \(pair): write KEY=VALUE, e.g. --set store=Shanghai")
            }
            let key = String(pair[..<eq]).replacingOccurrences(of: "meta.", with: "")
            let text = String(pair[pair.index(after: eq)...])
            guard let rule = checked.metaRule(key) else {
                let known = table.meta.keys.sorted()
                let hint = TextSimilarity.closest(to: key, in: known).map { "; did you mean \($0)?" }
                    ?? (known.isEmpty ? "; this questionnaire declares no meta keys" : "; meta keys: \(known.joined(separator: ", "))")
                throw ValidationError("--set \(key): not a meta key of this questionnaire\(hint)")
            }
            switch AnswerParser.parse(text, rule: rule, shown: rule.options, language: "en") {
            case .success(let v): values[key] = v
            case .failure(let problem):
                if rule.question.type == .single || rule.question.type == .multi {
                    let values = rule.options.map { "\($0.value)" }.joined(separator: ", ")
                    throw ValidationError("--set \(key)=\(text): `\(text)` is not a value of meta `\(key)`, which accepts \(values)")
                }
                throw ValidationError("--set \(key)=\(text): \(problem.message)")
            }
        }
        return values
    }
}
