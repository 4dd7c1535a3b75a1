import Foundation

/// Renders a questionnaire as a Markdown interview script and codebook (`touchpoint show`).
///
/// The script reads top to bottom as an interviewer meets it, with routing in words ("Asked if recommend
/// is 6 or less"); the codebook lists every variable a response holds, with its codes.
public struct ScriptRenderer {
    public let checked: CheckedQuestionnaire
    public var questionnaire: Questionnaire { _read { yield checked.questionnaire } }
    public var table: SymbolTable { _read { yield checked.table } }
    public let language: String
    public var effort: EffortEstimate? { checked.effort }

    public init(_ checked: CheckedQuestionnaire, language: String? = nil) {
        self.checked = checked
        self.language = language ?? checked.defaultLanguage
    }

    var zh: Bool { language.hasPrefix("zh") }

    func w(_ en: String, _ cn: String) -> String { zh ? cn : en }

    private func t(_ text: LocalizedText?) -> String {
        guard let text else { return "" }
        return Markdown.inline(text.text(language, fallback: questionnaire.defaultLanguage))
    }

    /// The whole document.
    public func render() -> String {
        var out: [String] = []
        let q = questionnaire
        out.append("# \(q.title.map(t) ?? q.id)")
        out.append("")
        var facts = ["\(w("Questionnaire", "问卷")) `\(q.id)`"]
        if let v = q.version { facts.append("\(w("version", "版本")) \(Markdown.inline(v))") }
        if !q.languages.isEmpty { facts.append("\(w("languages", "语言")): \(q.languages.joined(separator: ", "))") }
        if let effort { facts.append("\(w("effort", "作答量")): \(zh ? chineseSummary(effort) : effort.summary)") }
        out.append(facts.joined(separator: " · "))
        if let budget = q.budget {
            var parts: [String] = []
            if let n = budget.questions { parts.append(w("\(n) questions", "\(n) 题")) }
            if let s = budget.seconds { parts.append(EffortEstimate.duration(s, roundingUp: true)) }
            out.append("")
            out.append("\(w("Budget on the longest path", "最长路径预算")): \(parts.joined(separator: ", "))")
        }
        if let intro = q.intro { out += ["", "> \(t(intro))"] }
        if !q.meta.isEmpty {
            out += ["", "## \(w("Interview facts (meta)", "访谈信息（meta）"))", ""]
            out.append("| \(w("key", "键")) | \(w("type", "类型")) | \(w("values", "取值")) | \(w("asked", "是否询问")) |")
            out.append("|---|---|---|---|")
            for m in q.meta {
                let values = m.question.allOptions.map { "`\($0.value)` \(t($0.label))" }.joined(separator: "; ")
                out.append("| `meta.\(m.key)` | \(m.question.type.rawValue) | \(values.isEmpty ? "—" : values) | \(m.ask ? w("yes, first", "是，最先询问") : w("no (--set)", "否（--set）")) |")
            }
        }
        out += ["", "## \(w("Interview script", "访谈脚本"))", ""]
        var number = 0
        render(q.items, depth: 0, number: &number, into: &out)
        if let outro = q.outro { out += ["", "> \(t(outro))"] }
        out += ["", "## \(w("Codebook", "编码手册"))", ""]
        out += codebook()
        if !q.scores.isEmpty {
            out += ["", "## \(w("Scores", "指标"))", ""]
            out.append("| \(w("score", "指标")) | \(w("method", "方法")) | \(w("definition", "定义")) |")
            out.append("|---|---|---|")
            for s in q.scores { out.append("| `\(s.id)` | \(s.method.rawValue) | \(scoreDefinition(s)) |") }
        }
        if !q.quotas.isEmpty { out += quotaLines() }
        if !q.tests.isEmpty {
            out += ["", "## \(w("Tests", "测试用例"))", ""]
            for test in q.tests {
                let status = test.expect.rejected == true ? w("rejected", "拒收") : (test.expect.status?.rawValue ?? "")
                out.append("- \(Markdown.inline(test.name)) → \(status)")
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func render(_ items: [Item], depth: Int, number: inout Int, into out: inout [String]) {
        let heading = String(repeating: "#", count: min(3 + depth, 6))
        for item in items {
            switch item {
            case .question(let q):
                number += 1
                out.append("\(heading) \(number). `\(q.id)` · \(typeName(q))")
                out.append("")
                out.append("**\(t(q.text))**")
                if let when = q.when { out += ["", "*\(routing(when))*"] }
                if let instruction = q.instruction { out += ["", instructionLine(instruction)] }
                if let help = q.help { out += ["", "\(w("Help", "帮助")): \(t(help))"] }
                out += details(q)
                out.append("")
            case .section(let s):
                var title = "\(heading) \(w("Section", "部分")) `\(s.id)`"
                if let st = s.title { title += ": \(t(st))" }
                out.append(title)
                out.append("")
                var notes: [String] = []
                if let loop = s.forEach { notes.append(w("Asked once for each option chosen in `\(loop)`; {item} is that option.", "对 `\(loop)` 中每个已选选项各问一次；{item} 即该选项。")) }
                if let when = s.when { notes.append(routing(when)) }
                if !notes.isEmpty { out.append("*\(notes.joined(separator: " "))*"); out.append("") }
                render(s.items, depth: depth + 1, number: &number, into: &out)
            case .end(let e):
                let status = e.status == .complete ? w("complete", "完成") : w("screened out", "甄别淘汰")
                var line = "**\(w("End", "结束")) (\(status))**"
                if let when = e.when { line += " — \(routing(when))" } else { line += " — \(w("always", "总是"))" }
                out.append(line)
                if let text = e.text { out.append(""); out.append("> \(t(text))") }
                out.append("")
            case .compute(let c):
                out.append("*\(w("Computed", "计算")) `\(c.id)` = `\(Markdown.code(c.value.source))`*")
                out.append("")
            }
        }
    }

    /// The `## Quotas` table: each quota's condition in words, its limit, the status it ends with, its text.
    private func quotaLines() -> [String] {
        var out = ["", "## \(w("Quotas", "配额"))", ""]
        out.append(w("Counted over the completed interviews of the output file; checked once every name of the condition has been asked.",
                     "按输出文件中已完成的访谈计数；条件中的所有问题都问过后检查。"))
        out.append("")
        out.append("| \(w("quota", "配额")) | \(w("counts completes where", "计数条件")) | \(w("limit", "上限")) | \(w("when full, ends as", "满额后状态")) | \(w("text", "文字")) |")
        out.append("|---|---|---|---|---|")
        for quota in questionnaire.quotas {
            let words = quota.when.expr.map { $0.describe { name, value in label(name, value) } } ?? "`\(Markdown.code(quota.when.source))`"
            let text = quota.text.map(t) ?? "—"
            out.append("| `\(quota.id)` | \(words) | \(quota.limit) | `\(quota.status.rawValue)` | \(text) |")
        }
        return out
    }

    /// "1-21 题，约 10 秒-2 分 50 秒".
    private func chineseSummary(_ e: EffortEstimate) -> String {
        func d(_ s: Double, _ up: Bool) -> String {
            EffortEstimate.duration(max(s, 5), roundingUp: up).replacingOccurrences(of: " min", with: " 分")
                .replacingOccurrences(of: " s", with: " 秒").replacingOccurrences(of: " ", with: "")
        }
        let q = e.minQuestions == e.maxQuestions ? "\(e.maxQuestions)" : "\(e.minQuestions)-\(e.maxQuestions)"
        let lo = d(e.minSeconds, false), hi = d(e.maxSeconds, true)
        return "\(q) 题，约 \(lo == hi ? hi : "\(lo)-\(hi)")"
    }

    /// "Asked if recommend is 6 or less."
    private func routing(_ condition: Condition) -> String {
        guard let expr = condition.expr else { return "\(w("Asked if", "条件")) `\(Markdown.code(condition.source))`" }
        let words = expr.describe { name, value in label(name, value) }
        return w("Asked if \(words).", "条件：\(words)。")
    }

    private func label(_ name: QualifiedName, _ value: OptionValue) -> String? {
        var q: Question?
        if name.parts.first == "meta", name.parts.count == 2 { q = table.meta[name.parts[1]]?.question } else { q = table.question(name.parts[0]) }
        guard let q else { return nil }
        let options = q.type == .grid ? q.options : q.allOptions
        return options.first { $0.value == value }.map { $0.label.text(language, fallback: questionnaire.defaultLanguage) }
    }

    private func typeName(_ q: Question) -> String {
        switch q.type {
        case .single: w("single choice", "单选")
        case .multi: w("multiple choice", "多选")
        case .scale: w("scale \(fmt(q.min))-\(fmt(q.max))", "量表 \(fmt(q.min))-\(fmt(q.max))")
        case .nps: w("NPS 0-10", "NPS 0-10")
        case .number: w("number", "数字")
        case .text: w("open text", "开放文本")
        case .yesNo: w("yes/no", "是/否")
        case .date: w("date", "日期")
        case .grid: w("grid", "矩阵")
        case .note: w("note", "说明")
        }
    }

    private func fmt(_ v: Double?) -> String {
        v.map(NumberText.format) ?? "?"
    }

    private func details(_ q: Question) -> [String] {
        var out: [String] = []
        if !q.allOptions.isEmpty {
            out.append("")
            out.append("| \(w("code", "编码")) | \(w("label", "标签")) | |")
            out.append("|---|---|---|")
            for o in q.allOptions {
                var flags: [String] = []
                if o.exclusive { flags.append(w("exclusive", "排他")) }
                if o.fixed && q.shuffle { flags.append(w("fixed", "固定")) }
                out.append("| `\(o.value)` | \(t(o.label)) | \(flags.joined(separator: ", ")) |")
            }
        }
        if !q.rows.isEmpty {
            out.append("")
            out.append("\(w("Rows", "行")): " + q.rows.map { "`\($0.id)` \(t($0.text))" }.joined(separator: "; "))
        }
        if !q.labels.isEmpty {
            let sorted = q.labels.sorted { (Int($0.key) ?? 0, $0.key) < (Int($1.key) ?? 0, $1.key) }
            out.append("")
            out.append("\(w("Labels", "标签")): " + sorted.map { "\($0.key) = \(t($0.value))" }.joined(separator: "; "))
        }
        var rules: [String] = []
        if q.type == .number {
            if q.min != nil || q.max != nil { rules.append(w("range", "范围") + " \(fmt(q.min))-\(fmt(q.max))") }
            if q.integer { rules.append(w("whole numbers", "整数")) }
            if let u = q.unit { rules.append(w("unit", "单位") + " \(t(u))") }
        }
        if q.type == .multi {
            if let lo = q.min { rules.append(w("at least \(fmt(lo))", "至少 \(fmt(lo)) 项")) }
            if let hi = q.max { rules.append(w("at most \(fmt(hi))", "至多 \(fmt(hi)) 项")) }
        }
        if let lo = q.minLength { rules.append(w("at least \(lo) characters", "至少 \(lo) 字")) }
        if let hi = q.maxLength { rules.append(w("at most \(hi) characters", "至多 \(hi) 字")) }
        if let p = q.pattern { rules.append(w("pattern", "格式") + " `\(Markdown.code(p.source))`") }
        if let lo = q.minDate { rules.append(w("from \(lo)", "不早于 \(lo)")) }
        if let hi = q.maxDate { rules.append(w("until \(hi)", "不晚于 \(hi)")) }
        if q.shuffle { rules.append(w("options shuffled", "选项随机排序")) }
        if q.other { rules.append(w("other: text in `\(q.id)_other`", "其他：文本记入 `\(q.id)_other`")) }
        if q.type != .note {
            rules.append(q.required ? w("required", "必答") : w("optional", "选答"))
            if q.dontKnow { rules.append(w("don't know allowed", "可答“不知道”")) }
            if q.refuse { rules.append(w("refusal allowed", "可拒答")) }
        }
        if !rules.isEmpty { out += ["", rules.joined(separator: " · ")] }
        for c in q.checks {
            let kind = c.soft ? w("Soft check", "软检查") : w("Check", "检查")
            let message = c.message.map { " — \(t($0))" } ?? ""
            out += ["", "\(kind): `\(Markdown.code(c.rule.source))`\(message)"]
        }
        return out
    }

    private func codebook() -> [String] {
        var out = ["| \(w("variable", "变量")) | \(w("type", "类型")) | \(w("codes", "编码")) | \(w("question", "题目")) |", "|---|---|---|---|"]
        for f in checked.flow {
            switch f.item {
            case .question(let q) where q.type != .note:
                let loops = f.loops.compactMap(\.forEach)
                let suffix = loops.map { "[<\($0)>]" }.joined()
                var codes: String
                switch q.type {
                case .single, .multi:
                    codes = q.allOptions.map { "`\($0.value)` = \(t($0.label))" }.joined(separator: "; ")
                case .yesNo: codes = "`true` = \(w("yes", "是")); `false` = \(w("no", "否"))"
                case .scale, .nps:
                    let range = q.scalePoints.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "?"
                    codes = range
                case .grid: codes = q.options.isEmpty ? "\(fmt(q.min))-\(fmt(q.max))" : q.options.map { "`\($0.value)`" }.joined(separator: ", ")
                case .number: codes = "\(fmt(q.min))-\(fmt(q.max))"
                case .date: codes = "YYYY-MM-DD"
                default: codes = ""
                }
                if q.type == .grid {
                    for row in q.rows {
                        out.append("| `\(q.id)\(suffix).\(row.id)` | \(q.type.rawValue) | \(codes) | \(t(row.text)) |")
                    }
                } else {
                    out.append("| `\(q.id)\(suffix)` | \(q.type.rawValue) | \(codes) | \(t(q.text)) |")
                }
                if q.other { out.append("| `\(q.id)_other\(suffix)` | text | | \(w("text of the other option", "“其他”的文本")) |") }
            case .compute(let c):
                out.append("| `\(c.id)` | compute | `\(Markdown.code(c.value.source))` | |")
            default:
                break
            }
        }
        return out
    }

    private func scoreDefinition(_ s: ScoreDefinition) -> String {
        func item(_ i: ScoreItem) -> String { "`\(i.name)`" + (i.reverse ? w(" (reversed)", "（反向）") : "") }
        switch s.method {
        case .nps: return w("% promoters (9-10) − % detractors (0-6) of ", "推荐者（9-10）% − 贬损者（0-6）%：") + (s.item.map(item) ?? "")
        case .topBox: return w("% in the top \(s.box) points of ", "最高 \(s.box) 档占比：") + (s.item.map(item) ?? "")
        case .bottomBox: return w("% in the bottom \(s.box) points of ", "最低 \(s.box) 档占比：") + (s.item.map(item) ?? "")
        case .percent: return w("% of respondents for whom ", "满足条件的受访者占比：") + "`\(Markdown.code(s.rule?.source ?? ""))`"
        case .mean, .sum:
            let what = s.method == .mean ? w("mean of ", "均值：") : w("sum of ", "总和：")
            return what + s.items.map(item).joined(separator: ", ")
        case .drivers: return w("correlation with ", "与以下指标的相关：") + (s.target.map(item) ?? "") + w(" of ", "，因素：") + s.items.map(item).joined(separator: ", ")
        case .sus, .umuxLite, .completion, .timeOnTask: return taskScoreDefinition(s)
        }
    }
}

/// Escaping for the Markdown `show` writes.
enum Markdown {
    /// Text safe inside a table cell or paragraph: pipes and newlines neutralised, Markdown markers escaped.
    static func inline(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|": out += "\\|"
            case "\n", "\r": out += " "
            case "*", "_", "`", "<", ">", "[", "]": out += "\\\(c)"
            default: out.append(c)
            }
        }
        return out
    }

    /// Text safe inside a code span.
    static func code(_ s: String) -> String {
        s.replacingOccurrences(of: "`", with: "'").replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
