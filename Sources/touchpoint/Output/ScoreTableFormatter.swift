import TouchpointCore
import TouchpointTerminal

/// `score --format table`: one block per score, one row per group, for people reading at a terminal.
///
/// Shares and NPS carry one decimal, means two, correlations and alpha three; `—` marks an estimate that
/// does not exist (no cases, or too few for an interval). Exact figures are in `--format json` and `csv`.
struct ScoreTableFormatter {
    var style: Style
    /// The questionnaire's score definitions, to say what each score measures.
    var definitions: [ScoreDefinition]
    /// How a group value is shown: by default as stored; `score --lang` shows option labels.
    var groupLabel: (String, GroupValue) -> String = { $1.description }

    init(color: Bool, definitions: [ScoreDefinition]) {
        style = Style(colorEnabled: color)
        self.definitions = definitions
    }

    func render(_ report: ScoreReport) -> String {
        var lines: [String] = []
        let counts = report.responses
        var heading = "\(report.questionnaire): \(ScoreTextTable.grouped(counts.read)) line\(counts.read == 1 ? "" : "s") read, \(ScoreTextTable.grouped(counts.scored)) accepted"
        if counts.rejected > 0 { heading += ", \(ScoreTextTable.grouped(counts.rejected)) not scored" }
        lines.append(style.bold(heading))
        var notes: [String] = []
        if let weight = report.weight { notes.append("weighted by \(weight); n_eff is Kish's effective sample size") }
        if report.interval == .adjustedWald { notes.append("NPS intervals: adjusted Wald") }
        if !notes.isEmpty { lines.append(style.dim(notes.joined(separator: "; "))) }
        let groups = [report.overall] + report.groups
        for (index, score) in report.overall.scores.enumerated() {
            lines.append("")
            lines.append(style.accent(style.bold(score.id)) + style.dim(" · " + describe(score)))
            if case .unavailable(let reason) = score.outcome {
                lines.append("  " + style.warning("cannot be computed from responses: \(reason)"))
                continue
            }
            lines += block(for: groups.map { ($0, $0.scores[index]) }, names: report.groupNames, weighted: report.weight != nil)
        }
        if report.overall.scores.isEmpty {
            lines.append("")
            lines.append(style.dim("the questionnaire declares no scores (add them under `scores:`)"))
        }
        return lines.joined(separator: "\n")
    }

    /// What the score measures, in a few words: `NPS of recommend`, `top 2 box of stage_emotion`.
    private func describe(_ score: ScoreResult) -> String {
        guard let definition = definitions.first(where: { $0.id == score.id }) else { return score.method.rawValue }
        func name(_ item: ScoreItem?) -> String {
            guard let item else { return "?" }
            return item.reverse ? "\(item.name) (reversed)" : item.name
        }
        let items = definition.items.map { name($0) }.joined(separator: ", ")
        switch definition.method {
        case .nps: return "NPS of \(name(definition.item))"
        case .topBox: return "top \(definition.box) box of \(name(definition.item))"
        case .bottomBox: return "bottom \(definition.box) box of \(name(definition.item))"
        case .percent: return "share of responses where \(definition.rule?.source ?? "?")"
        case .mean: return "mean of \(items)"
        case .sum: return "sum of \(items)"
        case .drivers: return "drivers of \(name(definition.target)): \(items)"
        case .sus, .umuxLite, .completion, .timeOnTask: return describeTask(definition)
        }
    }

    /// The rows of one score: the overall row first, then each group.
    private func block(for rows: [(group: ScoreReport.Group, score: ScoreResult)], names: [String], weighted: Bool) -> [String] {
        let groupColumns = names.isEmpty ? [ScoreTextTable.Column(title: "", alignment: .left)]
            : names.map { ScoreTextTable.Column(title: $0, alignment: .left) }
        func label(_ group: ScoreReport.Group) -> [String] {
            if group.by.isEmpty { return ["all"] + Array(repeating: "", count: max(names.count - 1, 0)) }
            return group.by.map { groupLabel($0.name, $0.value) }
        }
        func counted(_ n: Int, _ nEff: Double?) -> [String] {
            weighted ? [ScoreTextTable.grouped(n), nEff.flatMap { $0.magnitude < 9e15 ? ScoreTextTable.grouped(Int($0.rounded())) : nil } ?? "—"] : [ScoreTextTable.grouped(n)]
        }
        let countColumns = [ScoreTextTable.Column(title: "n", alignment: .right)]
            + (weighted ? [ScoreTextTable.Column(title: "n_eff", alignment: .right)] : [])
        guard let first = rows.first else { return [] }
        if let taskBlock = taskBlock(for: rows, names: names, weighted: weighted) { return taskBlock }
        var table: ScoreTextTable
        switch first.score.outcome {
        case .nps:
            table = ScoreTextTable(groupColumns + countColumns + [
                .init(title: "NPS", alignment: .right), .init(title: "95% CI", alignment: .left),
                .init(title: "promoters", alignment: .right), .init(title: "passives", alignment: .right),
                .init(title: "detractors", alignment: .right),
            ])
            for (group, score) in rows {
                guard case .nps(let n, let result) = score.outcome else { continue }
                let estimate = result?.estimate
                table.add(label(group) + counted(n, estimate?.nEff) + [
                    signed(estimate?.value, 1), interval(estimate?.ci95, 1, signed: true),
                    percent(result?.promoterPercent), percent(result?.passivePercent), percent(result?.detractorPercent),
                ])
            }
        case .share:
            table = ScoreTextTable(groupColumns + countColumns + [
                .init(title: "share", alignment: .right), .init(title: "95% CI", alignment: .left),
                .init(title: "count", alignment: .right), .init(title: "", alignment: .left),
            ])
            for (group, score) in rows {
                guard case .share(let n, let count, let estimate) = score.outcome else { continue }
                table.add(label(group) + counted(n, estimate?.nEff) + [
                    percent(estimate?.value), interval(estimate?.ci95, 1, signed: false),
                    ScoreTextTable.grouped(count), estimate.map { ScoreTextTable.bar($0.value) } ?? "",
                ])
            }
        case .mean:
            table = ScoreTextTable(groupColumns + countColumns + [
                .init(title: score(first.score.method), alignment: .right), .init(title: "95% CI", alignment: .left),
                .init(title: "sd", alignment: .right), .init(title: "alpha", alignment: .right),
            ])
            for (group, score) in rows {
                guard case .mean(let n, let result, let alpha) = score.outcome else { continue }
                let estimate = result?.estimate
                table.add(label(group) + counted(n, estimate?.nEff) + [
                    plain(estimate?.value, 2), interval(estimate?.ci95, 2, signed: false), plain(result?.sd, 2), plain(alpha?.alpha, 3),
                ])
            }
        case .drivers:
            table = ScoreTextTable(groupColumns + [.init(title: "item", alignment: .left)] + countColumns + [
                .init(title: "r", alignment: .right), .init(title: "95% CI", alignment: .left),
            ])
            for (group, score) in rows {
                guard case .drivers(_, let drivers) = score.outcome else { continue }
                for (index, driver) in drivers.enumerated() {
                    let groupCells = index == 0 ? label(group) : Array(repeating: "", count: groupColumns.count)
                    table.add(groupCells + [driver.item] + counted(driver.n, driver.estimate?.nEff) + [
                        plain(driver.estimate?.value, 3), interval(driver.estimate?.ci95, 3, signed: false),
                    ])
                }
            }
        case .unavailable:
            return []
        }
        let overallRows: Int
        if case .drivers(_, let drivers) = first.score.outcome { overallRows = max(drivers.count, 1) } else { overallRows = 1 }
        return table.render(indent: "  ", style: style) { $0 < overallRows }
    }

    private func score(_ method: ScoreMethod) -> String {
        method == .sum ? "mean sum" : "mean"
    }

    func plain(_ value: Double?, _ places: Int) -> String {
        value.map { ScoreNumber.text($0, places: places) } ?? "—"
    }

    func signed(_ value: Double?, _ places: Int) -> String {
        guard let value else { return "—" }
        let text = ScoreNumber.text(value, places: places)
        return text.hasPrefix("-") || Double(text) == 0 ? text : "+" + text
    }

    func percent(_ value: Double?) -> String {
        value.map { ScoreNumber.text($0, places: 1) + "%" } ?? "—"
    }

    func interval(_ ci: ConfidenceInterval?, _ places: Int, signed isSigned: Bool) -> String {
        guard let ci else { return "—" }
        let low = isSigned ? signed(ci.low, places) : plain(ci.low, places)
        let high = isSigned ? signed(ci.high, places) : plain(ci.high, places)
        return "[\(low), \(high)]"
    }
}
