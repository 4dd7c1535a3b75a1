/// The few fixed words analysis outputs print, in English and Chinese (other languages get English).
public enum AnalysisWords {
    private static func pick(_ language: String, _ english: String, _ chinese: String) -> String {
        language.hasPrefix("zh") ? chinese : english
    }

    public static func yes(_ language: String) -> String { pick(language, "Yes", "是") }
    public static func no(_ language: String) -> String { pick(language, "No", "否") }
    public static func notChosen(_ language: String) -> String { pick(language, "Not chosen", "未选") }
    public static func otherText(_ language: String) -> String { pick(language, "other (text)", "其他（文字）") }

    /// The label of a missing reason.
    public static func missingReason(_ reason: MissingReason, _ language: String) -> String {
        switch reason {
        case .dontKnow: pick(language, "Don't know", "不知道")
        case .refused: pick(language, "Refused", "拒绝回答")
        case .skipped: pick(language, "Skipped", "跳过")
        }
    }
}

extension AnalysisWords {
    /// `Yes` or `No`.
    public static func yesNo(_ flag: Bool, _ language: String) -> String { flag ? yes(language) : no(language) }
}

extension AnalysisWords {
    /// The heading of the all-responses column.
    public static func total(_ language: String) -> String { language.hasPrefix("zh") ? "总计" : "Total" }
}

extension AnalysisWords {
    /// A missing kind as a table row: `don't know`, `refused`, `skipped`, `not asked`.
    public static func missingKind(_ kind: String) -> String {
        switch kind {
        case "dont_know": "don't know"
        case "not_asked": "not asked"
        default: kind
        }
    }
}
