extension ScoreReport {
    /// The report as `touchpoint score --format json` writes it (SPEC section 6):
    /// `{"questionnaire", "responses": {"read", "scored", "rejected"}, "scores": {ID: {...}}, "groups": [...]}`.
    ///
    /// Every score has `method`, `n` and `value` (`null` when it cannot be estimated, and for `drivers`,
    /// whose results are its `items`), then `n_eff` when weighted, and the keys of its method: `nps`
    /// `ci95`, `promoters`, `passives`, `detractors`; shares `count`, `ci95`; `mean`/`sum` `sd`, `ci95`,
    /// `alpha`; `drivers` `items` of `{item, n, r, ci95}`; `sus` `ci95`, `sd`, `alpha`, `grade`; `umux_lite`
    /// `ci95`, `sd`, `adjusted`; `completion` `ci95` (adjusted Wald), `count`; `time_on_task` `ci95` (seconds). Intervals are `[low, high]` or `null`.
    /// Estimates are rounded to `ScoreNumber.decimals` places; counts are whole numbers.
    public var json: JSONValue { json(places: ScoreNumber.decimals) }

    /// The report as JSON with estimates rounded to `places` decimals (`score --decimals`, for exact comparisons).
    public func json(places: Int) -> JSONValue {
        let number = { (value: Double?) in ScoreNumber.json(value, places: places) }
        var responses = JSONObject()
        responses["read"] = .number(Double(self.responses.read))
        responses["scored"] = .number(Double(self.responses.scored))
        responses["rejected"] = .number(Double(self.responses.rejected))
        var object = JSONObject()
        object["questionnaire"] = .string(questionnaire)
        object["responses"] = .object(responses)
        object["scores"] = .object(Self.scoresJSON(overall.scores, weighted: weight != nil, number: number))
        object["groups"] = .array(groups.map { group in
            var entry = JSONObject()
            entry["by"] = .object(JSONObject(group.by.map { (key: $0.name, value: $0.value.json) }))
            entry["responses"] = .number(Double(group.responses))
            entry["scores"] = .object(Self.scoresJSON(group.scores, weighted: weight != nil, number: number))
            return .object(entry)
        })
        return .object(object)
    }

    private static func scoresJSON(_ scores: [ScoreResult], weighted: Bool, number: (Double?) -> JSONValue) -> JSONObject {
        var object = JSONObject()
        for score in scores { object.append(key: score.id, value: .object(scoreJSON(score, weighted: weighted, number: number))) }
        return object
    }

    private static func scoreJSON(_ score: ScoreResult, weighted: Bool, number: (Double?) -> JSONValue) -> JSONObject {
        var object = JSONObject()
        object["method"] = .string(score.method.rawValue)
        object["n"] = .number(Double(score.n))
        switch score.outcome {
        case .nps(_, let result):
            let estimate = result?.estimate
            addEstimate(estimate, weighted: weighted, to: &object, number: number)
            object["promoters"] = .number(Double(result?.promoters ?? 0))
            object["passives"] = .number(Double(result?.passives ?? 0))
            object["detractors"] = .number(Double(result?.detractors ?? 0))
        case .share(_, let count, let estimate):
            addEstimate(estimate, weighted: weighted, to: &object, number: number)
            object["count"] = .number(Double(count))
        case .mean(_, let result, let alpha):
            addEstimate(result?.estimate, weighted: weighted, to: &object, number: number)
            object["sd"] = number(result?.sd)
            object["alpha"] = number(alpha?.alpha)
        case .drivers(_, let drivers):
            object["value"] = .null
            object["items"] = .array(drivers.map { driver in
                var item = JSONObject()
                item["item"] = .string(driver.item)
                item["n"] = .number(Double(driver.n))
                if weighted { item["n_eff"] = number(driver.estimate?.nEff) }
                item["r"] = number(driver.estimate?.value)
                item["ci95"] = interval(driver.estimate?.ci95, number: number)
                return .object(item)
            })
        case .unavailable(let reason):
            object["value"] = .null
            object["unavailable"] = .string(reason)
        }
        addTaskFigures(score, to: &object)
        return object
    }

    private static func addEstimate(_ estimate: Estimate?, weighted: Bool, to object: inout JSONObject, number: (Double?) -> JSONValue) {
        if weighted { object["n_eff"] = number(estimate?.nEff) }
        object["value"] = number(estimate?.value)
        object["ci95"] = interval(estimate?.ci95, number: number)
    }

    private static func interval(_ ci: ConfidenceInterval?, number: (Double?) -> JSONValue) -> JSONValue {
        guard let ci else { return .null }
        return .array([number(ci.low), number(ci.high)])
    }
}
