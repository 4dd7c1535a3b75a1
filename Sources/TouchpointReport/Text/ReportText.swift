import TouchpointCore

/// The report page's own words, in English and Chinese (the languages of the bundled questionnaires); other
/// languages get the English words around the questionnaire's own texts in that language.
struct ReportText: Sendable {
    private let zh: Bool

    static func forLanguage(_ language: String) -> ReportText {
        ReportText(zh: language == "zh" || language.hasPrefix("zh-") || language.hasPrefix("zh_"))
    }

    /// The value of the page's `lang` attribute.
    func htmlLanguage(_ language: String) -> String { language.isEmpty ? (zh ? "zh" : "en") : language }

    private func t(_ en: String, _ chinese: String) -> String { zh ? chinese : en }

    // MARK: Page

    func pageTitle(_ title: String) -> String { t("\(title): CX report", "\(title)：客户体验报告") }
    func linesSummary(read: Int, scored: Int, rejected: Int) -> String {
        t("\(read) lines read, \(scored) scored, \(rejected) not scored", "读取 \(read) 行，计分 \(scored) 行，未计分 \(rejected) 行")
    }
    func completedSpan(_ first: String, _ last: String) -> String {
        first == last ? t("completed on \(first)", "完成于 \(first)") : t("completed \(first) to \(last)", "完成于 \(first) 至 \(last)")
    }
    func readFrom(_ files: String) -> String { t("from \(files)", "来源：\(files)") }
    var footer: String {
        t("Made by touchpoint. Intervals are 95% confidence intervals: Wald for NPS, Wilson for shares, t for means, Fisher z for correlations. Responses that are not complete are counted, not scored.",
          "由 touchpoint 生成。区间均为 95% 置信区间：NPS 用 Wald 区间，比例用 Wilson 区间，均值用 t 区间，相关系数用 Fisher z 区间。未完成的回复只计数，不计分。")
    }
    var noResponses: String { t("No scored responses yet.", "尚无可计分的回复。") }

    // MARK: Sections

    var headline: String { t("Headline", "核心指标") }
    func segments(_ name: String) -> String { t("By segment: \(name)", "分群对比：\(name)") }
    var segmentsUngrouped: String { t("By segment", "分群对比") }
    func version(_ version: String) -> String { t("version \(version)", "版本 \(version)") }
    var noDrivers: String { t("No driver has both a correlation and a mean yet.", "尚无同时具有相关系数与均值的驱动因素。") }
    var noSegments: String {
        t("Give --by NAME (a meta key such as meta.segment, or a single or yes/no question) to compare groups.",
          "使用 --by 名称（如 meta.segment，或单选题、是否题）进行分群对比。")
    }
    func trend(_ period: ScorePeriod) -> String { t("Trend by \(periodName(period))", "趋势（按\(periodName(period))）") }
    func periodName(_ period: ScorePeriod) -> String {
        switch period {
        case .day: t("day", "日")
        case .week: t("week", "周")
        case .month: t("month", "月")
        }
    }
    var periodChosen: String { t("The period was chosen from the span of the data; set it with --period.", "时间粒度依据数据跨度自动选择，可用 --period 指定。") }
    func journey(_ title: String) -> String { t("The journey: \(title)", "客户旅程：\(title)") }
    func drivers(_ target: String) -> String { t("Key drivers of \(target)", "\(target)的关键驱动因素") }
    var detractorTexts: String { t("What detractors said", "贬损者的原话") }
    var openTexts: String { t("Open answers", "开放题回答") }
    var statusTitle: String { t("Responses by status", "按状态统计的回复") }

    // MARK: Scores

    func scoreDescription(_ definition: ScoreDefinition, questionText: (String) -> String) -> String {
        let item = definition.item.map { questionText($0.name) } ?? ""
        let items = definition.items.map { questionText($0.name) }.joined(separator: t(", ", "、"))
        switch definition.method {
        case .nps: return t("Net Promoter Score: \(item)", "净推荐值（NPS）：\(item)")
        case .topBox: return t("Top \(definition.box) box: \(item)", "前 \(definition.box) 格占比：\(item)")
        case .bottomBox: return t("Bottom \(definition.box) box: \(item)", "后 \(definition.box) 格占比：\(item)")
        case .percent: return t("Share where \(definition.rule?.source ?? "")", "满足条件的比例：\(definition.rule?.source ?? "")")
        case .mean: return t("Mean of \(items)", "均值：\(items)")
        case .sum: return t("Sum of \(items)", "总分：\(items)")
        case .drivers: return t("Drivers of \(definition.target.map { questionText($0.name) } ?? "")", "驱动因素：\(definition.target.map { questionText($0.name) } ?? "")")
        case .sus: return t("System Usability Scale (0–100)", "系统可用性量表 SUS（0–100）")
        case .umuxLite: return t("UMUX-Lite (0–100)", "UMUX-Lite（0–100）")
        case .completion: return t("Task completion: \(item)", "任务完成率：\(item)")
        case .timeOnTask: return t("Time on task (geometric mean, s): \(items)", "任务耗时（几何均值，秒）：\(items)")
        }
    }
    var npsUnit: String { t("NPS points (−100 to +100)", "NPS 分值（−100 至 +100）") }
    var shareUnit: String { t("% of base", "占基数的百分比（%）") }
    func meanUnit(_ low: String, _ high: String) -> String { t("mean on the \(low)–\(high) scale", "\(low)–\(high) 分制均值") }
    var valueUnit: String { t("value", "数值") }
    var promoters: String { t("Promoters (9–10)", "推荐者（9–10）") }
    var passives: String { t("Passives (7–8)", "被动者（7–8）") }
    var detractors: String { t("Detractors (0–6)", "贬损者（0–6）") }
    var shareOfRatings: String { t("share of ratings (%)", "评分占比（%）") }
    var interval: String { t("95% confidence interval", "95% 置信区间") }
    var estimate: String { t("estimate", "估计值") }
    var base: String { t("base", "基数") }
    var allResponses: String { t("All responses", "全部回复") }
    var smallBase: String { t("small base (n < 30): read with care", "样本量小（n < 30），请谨慎解读") }
    var higher: String { t("higher than the rest (p < 0.05)", "显著高于其余（p < 0.05）") }
    var lower: String { t("lower than the rest (p < 0.05)", "显著低于其余（p < 0.05）") }
    /// A p value as written beside a mark: `p = 0.012`, `p < 0.001`.
    func p(_ value: Double) -> String { value < 0.001 ? "p < 0.001" : "p = \(ScoreNumber.text(value, places: 3))" }
    var comparisonNote: String {
        t("Each group is compared with the rest of the responses (NPS: difference of two multinomial estimates; shares: two-proportion z; means: Welch t).",
          "每个分组与其余回复比较（NPS：两个多项估计之差；比例：双比例 z 检验；均值：Welch t 检验）。")
    }
    var group: String { t("group", "分组") }
    var vsRest: String { t("vs rest", "与其余比较") }
    var period: String { t("period", "时期") }
    var responses: String { t("responses", "回复数") }
    var onePeriod: String { t("All responses fall in one period.", "所有回复都在同一时期内。") }
    var unavailable: String { t("cannot be computed from these responses", "无法根据这些回复计算") }

    // MARK: Journey

    /// A column name for a measure whose id, less the loop's common prefix, is `name`.
    func measureLabel(_ name: String) -> String {
        switch name {
        case "success": t("Success", "成功")
        case "effort": t("Effort (ease)", "省力程度")
        case "emotion": t("Emotion", "情感")
        default: name.replacingOccurrences(of: "_", with: " ")
        }
    }
    var percentYes: String { t("% yes", "% 是") }
    func meanRange(_ low: String, _ high: String) -> String { t("mean, \(low)–\(high)", "均值，\(low)–\(high)") }
    var stage: String { t("stage", "环节") }
    var journeyLegend: String { t("colour: each measure's own scale, low to high", "颜色：各指标自身量表，由低到高") }
    var low: String { t("low", "低") }
    var high: String { t("high", "高") }
    var respondents: String { t("respondents", "人") }

    // MARK: Drivers

    var performanceAxis: String { t("Performance: mean as % of the item's scale", "表现：均值占该项量表的百分比") }
    func importanceAxis(_ target: String) -> String { t("Importance: correlation r with \(target)", "重要性：与\(target)的相关系数 r") }
    var fixFirst: String { t("Fix first", "优先改进") }
    var keepUp: String { t("Keep up", "保持优势") }
    var lowerPriority: String { t("Lower priority", "次要") }
    var maintain: String { t("Maintain", "维持") }
    var driverLegendAverage: String { t("average importance and performance", "平均重要性与平均表现") }
    var driverNote: String {
        t("Importance is Pearson's r between the driver and the target; performance puts the driver's mean between its scale's lowest (0%) and highest (100%) value.",
          "重要性为驱动因素与目标之间的皮尔逊相关系数 r；表现把驱动因素均值换算到其量表最低值（0%）与最高值（100%）之间。")
    }
    var driverLegend: String { t("dot: driver; bar: 95% interval of r; lines: the drivers' average importance and performance", "圆点：驱动因素；竖线：r 的 95% 置信区间；虚线：各驱动因素重要性与表现的平均值") }
    func experienceLoyalty(_ figure: String, target: String) -> String {
        t("Experience–loyalty correlation: \(figure): the mean of the drivers, each put on 0–100, against \(target).",
          "体验与忠诚度的相关：\(figure)（各驱动因素换算为 0–100 后的平均值与\(target)的相关）。")
    }
    var noExperienceLoyalty: String { t("Experience–loyalty correlation: not enough responses to compute it.", "体验与忠诚度的相关：回复不足，无法计算。") }
    var driver: String { t("driver", "驱动因素") }
    var importance: String { t("importance r", "重要性 r") }
    var performance: String { t("performance", "表现") }
    var meanOnScale: String { t("mean (scale)", "均值（量表）") }
    var observedRange: String { t("range seen in the data", "数据中的取值范围") }

    // MARK: Verbatims and statuses

    var answer: String { t("answer", "回答") }
    var rating: String { t("rating", "评分") }
    var completed: String { t("completed", "完成时间") }
    var question: String { t("question", "题目") }
    func shown(_ count: Int, of total: Int) -> String {
        count == total ? t("\(total) answers.", "共 \(total) 条。") : t("The newest \(count) of \(total) answers.", "显示最新的 \(count) 条，共 \(total) 条。")
    }
    var noTexts: String { t("No open answers.", "没有开放题回答。") }
    func statusName(_ status: String) -> String {
        switch status {
        case "complete": t("complete", "完成")
        case "screened_out": t("screened out", "甄别淘汰")
        default: status.replacingOccurrences(of: "_", with: " ")
        }
    }
    var notScored: String { t("lines not scored", "未计分的行") }
    var count: String { t("count", "数量") }
    var countUnit: String { t("lines", "行") }
    var yes: String { t("yes", "是") }
    var no: String { t("no", "否") }
    var missing: String { t("(missing)", "（缺失）") }
}
