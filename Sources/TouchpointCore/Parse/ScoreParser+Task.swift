extension ScoreParser {
    /// Reads `success` (of `completion`) and `successful` (of `time_on_task`) into `score.task`.
    func taskKeys(_ f: FieldSet, into score: inout ScoreDefinition) {
        if let n = f["success"]?.value {
            let nodes = n.sequence ?? [n]
            if nodes.isEmpty {
                reader.report(.badValue, at: n.position, "`success` of score `\(score.id)` lists no values",
                              hint: "write the answers that count as success, such as `success: true` or `success: [done, with_help]`")
            }
            score.task.success = nodes.compactMap(successValue)
        }
        if let n = f["successful"]?.value {
            switch n.scalar?.resolved {
            case .bool(false)?:
                score.task.successful = .all
            case .string(let id)?:
                score.task.successful = .successfulBy(id)
            default:
                reader.report(.wrongType, at: n.position,
                              "`successful` of score `\(score.id)` must be the id of a `completion` score, or `false` to time every attempt, not \(n.kindDescription)")
            }
        }
    }

    /// One value counted as success: `true`/`false` for a yes_no item, an option value for a single one.
    private func successValue(_ node: YAMLNode) -> TaskScoreKeys.SuccessValue? {
        switch node.scalar?.resolved {
        case .bool(let b)?: return .bool(b)
        case .integer(let i)?: return .option(.integer(i))
        case .string(let s)?: return .option(.text(s))
        default:
            reader.report(.wrongType, at: node.position,
                          "a `success` value must be `true`, `false` or an option value, not \(node.kindDescription)")
            return nil
        }
    }
}
