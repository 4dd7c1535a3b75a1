import TouchpointCore

extension ScoreTableFormatter {
    /// What a usability-test score measures, in a few words.
    func describeTask(_ definition: ScoreDefinition) -> String {
        let items = definition.items.map(\.name)
        func span(_ names: [String]) -> String {
            names.count > 3 ? "\(names[0]) … \(names[names.count - 1]) (\(names.count) items)" : names.joined(separator: ", ")
        }
        switch definition.method {
        case .sus: return "System Usability Scale of \(span(items)), graded on the Sauro-Lewis curve"
        case .umuxLite: return "UMUX-Lite of \(span(items))"
        case .completion:
            let values = definition.task.success.isEmpty ? "true" : definition.task.success.map(\.description).joined(separator: ", ")
            return "completion rate of \(definition.item?.name ?? "?") (success: \(values); adjusted-Wald interval)"
        case .timeOnTask:
            let which: String
            switch definition.task.successful {
            case .all?: which = "every attempt"
            case .successfulBy(let id)?: which = "attempts that succeed by \(id)"
            case nil: which = "successful attempts"
            }
            return "geometric mean seconds of \(span(items)), \(which)"
        default:
            return definition.method.rawValue
        }
    }

    /// The rows of a `sus`, `umux_lite` or `time_on_task` score, or `nil` for the other methods (a
    /// `completion` score is a share and uses the share table).
    func taskBlock(for rows: [(group: ScoreReport.Group, score: ScoreResult)], names: [String], weighted: Bool) -> [String]? {
        guard let first = rows.first, [.sus, .umuxLite, .timeOnTask].contains(first.score.method) else { return nil }
        let method = first.score.method
        var columns = names.isEmpty ? [ScoreTextTable.Column(title: "", alignment: .left)]
            : names.map { ScoreTextTable.Column(title: $0, alignment: .left) }
        columns.append(.init(title: "n", alignment: .right))
        if weighted { columns.append(.init(title: "n_eff", alignment: .right)) }
        switch method {
        case .sus:
            columns += [.init(title: "SUS", alignment: .right), .init(title: "95% CI", alignment: .left),
                        .init(title: "grade", alignment: .left), .init(title: "sd", alignment: .right), .init(title: "alpha", alignment: .right)]
        case .umuxLite:
            columns += [.init(title: "UMUX-Lite", alignment: .right), .init(title: "95% CI", alignment: .left),
                        .init(title: "adjusted", alignment: .right), .init(title: "sd", alignment: .right)]
        default:
            columns += [.init(title: "geo. mean s", alignment: .right), .init(title: "95% CI", alignment: .left)]
        }
        var table = ScoreTextTable(columns)
        for (group, score) in rows {
            guard case .mean(let n, let result, let alpha) = score.outcome else { continue }
            let estimate = result?.estimate
            var cells = group.by.isEmpty ? ["all"] + Array(repeating: "", count: max(names.count - 1, 0)) : group.by.map { $0.value.description }
            cells.append(ScoreTextTable.grouped(n))
            if weighted { cells.append(estimate?.nEff.map { ScoreTextTable.grouped(Int($0.rounded())) } ?? "—") }
            switch method {
            case .sus:
                cells += [plain(estimate?.value, 1), interval(estimate?.ci95, 1, signed: false),
                          estimate.flatMap { SystemUsabilityScale.grade($0.value) } ?? "—", plain(result?.sd, 1), plain(alpha?.alpha, 3)]
            case .umuxLite:
                cells += [plain(estimate?.value, 1), interval(estimate?.ci95, 1, signed: false),
                          plain(estimate.map { UMUXLite.adjusted($0.value) }, 1), plain(result?.sd, 1)]
            default:
                cells += [plain(estimate?.value, 1), interval(estimate?.ci95, 1, signed: false)]
            }
            table.add(cells)
        }
        return table.render(indent: "  ", style: style) { $0 < 1 }
    }
}
