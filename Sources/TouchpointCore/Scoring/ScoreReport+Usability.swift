extension ScoreReport {
    /// The figures only the usability-test scores have, added to a score's JSON object: the SUS `grade` on the
    /// Sauro-Lewis curve, the UMUX-Lite `adjusted` value; keys that do not apply (`alpha` of UMUX-Lite, `sd`
    /// and `alpha` of a geometric mean) are left out.
    static func addTaskFigures(_ score: ScoreResult, to object: inout JSONObject) {
        guard case .mean(_, let result, _) = score.outcome else { return }
        let value = result?.estimate.value
        switch score.method {
        case .sus:
            object["grade"] = value.flatMap(SystemUsabilityScale.grade).map(JSONValue.string) ?? .null
        case .umuxLite:
            object["alpha"] = nil
            object["adjusted"] = ScoreNumber.json(value.map(UMUXLite.adjusted))
        case .timeOnTask:
            object["sd"] = nil
            object["alpha"] = nil
        default:
            return
        }
    }

    /// The CSV cells `adjusted` and `grade` of a score (empty for the methods without them).
    public static func taskCells(_ score: ScoreResult) -> [String] {
        guard case .mean(_, let result, _) = score.outcome, let value = result?.estimate.value else { return ["", ""] }
        switch score.method {
        case .sus: return ["", SystemUsabilityScale.grade(value) ?? ""]
        case .umuxLite: return [ScoreNumber.compact(UMUXLite.adjusted(value)), ""]
        default: return ["", ""]
        }
    }
}
