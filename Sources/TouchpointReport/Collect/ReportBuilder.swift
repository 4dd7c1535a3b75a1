import TouchpointCore

/// Reads response files once and gathers everything the report shows (SPEC section 8).
///
/// Each line is checked by one `ResponseReader` (the same checks as `touchpoint score`, with `completed_at`
/// required to be an RFC 3339 time as `score --period` requires), and each accepted record is handed to the
/// score engines (overall and per `--by` group; one per trend period) and to the report's own collectors:
/// journey cells, driver means, detractors' open answers and status counts. Memory stays bounded but for the
/// experience-loyalty pairs (16 bytes a respondent) and the groups met.
public struct ReportBuilder: Sendable {
    public let questionnaire: Questionnaire
    public let options: ReportOptions
    /// The page's language.
    public let language: String
    let text: ReportText
    private var reader: ResponseReader
    private var engine: ScoreEngine
    private var periodEngines: [(period: ScorePeriod, engine: ScoreEngine)]
    private var journeys: JourneyCollector
    private var drivers: DriverCollector
    private var verbatims: VerbatimCollector
    private var statuses: [String: Int] = [:]
    private var firstDay: String?
    private var lastDay: String?
    private var sources: [String] = []
    private let labels: GroupLabels?
    private let groupReader: (@Sendable (CheckedResponse) -> GroupValue)?

    /// A builder for `checked`; throws when `--lang` or `--by` cannot be used with it.
    public init(_ checked: CheckedQuestionnaire, options: ReportOptions = ReportOptions()) throws(ReportSetupError) {
        let questionnaire = checked.questionnaire
        self.questionnaire = questionnaire
        self.options = options
        let language = options.language ?? questionnaire.defaultLanguage
        if !questionnaire.languages.isEmpty, !questionnaire.languages.contains(language) {
            throw ReportSetupError(option: "--lang \(language)",
                                   message: "`\(questionnaire.id)` is written in \(questionnaire.languages.joined(separator: ", ")); pick one of them")
        }
        self.language = language
        text = ReportText.forLanguage(language)
        do throws(ScoreSetupError) {
            engine = try ScoreEngine(checked,
                                     options: ScoreOptions(groupBy: options.groupBy.map { [$0] } ?? []))
            var engines: [(period: ScorePeriod, engine: ScoreEngine)] = []
            for period in options.period.map({ [$0] }) ?? ScorePeriod.allCases {
                engines.append((period, try ScoreEngine(checked, options: ScoreOptions(period: period))))
            }
            periodEngines = engines
        } catch {
            throw ReportSetupError(option: error.option, message: error.message)
        }
        reader = ResponseReader(checked, checksTimes: true)
        journeys = JourneyCollector(questionnaire: questionnaire)
        drivers = DriverCollector(questionnaire: questionnaire)
        verbatims = VerbatimCollector(questionnaire: questionnaire)
        if let name = options.groupBy {
            labels = GroupLabels(name: name, questionnaire: questionnaire, language: language, text: text)
            groupReader = GroupReader.reader(for: name)
        } else {
            labels = nil
            groupReader = nil
        }
    }

    /// Reads every line of `source`; each line that is not scored goes to `onRejection`, in file order.
    public mutating func read(_ source: ResponseSource, onRejection: (LineRejection) -> Void) throws(JSONLinesError) {
        sources.append(source.description)
        // The reader is moved out while it runs so that `add` may update the rest from inside its callback.
        var reader = self.reader
        defer { self.reader = reader }
        try reader.read(source, accept: { record throws(LineProblem) in
            try self.add(record)
        }, reject: onRejection)
    }

    private mutating func add(_ record: CheckedResponse) throws(LineProblem) {
        try engine.add(record)
        for index in periodEngines.indices { try periodEngines[index].engine.add(record) }
        journeys.add(record)
        drivers.add(record)
        let group = groupReader.flatMap { read in labels?.label(read(record)) }
        verbatims.add(record, group: group)
        statuses[record.status.rawValue, default: 0] += 1
        if let time = record.completedAt, let day = ScorePeriod.day.key(of: time) {
            if firstDay.map({ day < $0 }) ?? true { firstDay = day }
            if lastDay.map({ day > $0 }) ?? true { lastDay = day }
        }
    }

    /// The figures of everything read so far.
    public func data() -> ReportData {
        var scores = engine.report()
        let counts = reader.counts
        scores.responses = .init(read: counts.read, scored: counts.accepted, rejected: counts.rejected)
        var segments: SegmentSection?
        if let name = options.groupBy, let labels {
            // The same tests as `score --by` (each group against the rest), so the page and the table agree.
            let compared = engine.report(comparing: .rest)
            var vsRest: [[GroupValue]: [String: Difference]] = [:]
            for (group, comparison) in zip(compared.report.groups, compared.comparisons) {
                vsRest[group.by.map(\.value)] = comparison.vsRest
            }
            segments = SegmentSection(name: name, groups: scores.groups.map { group in
                let value = group.by.first?.value ?? .missing
                return SegmentGroup(value: value, label: labels.label(value), responses: group.responses,
                                    scores: group.scores, comparisons: vsRest[group.by.map(\.value)] ?? [:])
            })
        }
        let trends = periodEngines.map { entry in
            (entry.period, entry.engine.report().groups.map { group in
                TrendPoint(period: group.by.first?.value.description ?? GroupValue.missingLabel,
                           responses: group.responses, scores: group.scores)
            })
        }
        let trend = TrendPeriod.choose(trends, given: options.period)
        var byStatus = EndStatus.allCases.map { StatusCounts.Entry(status: $0.rawValue, count: statuses[$0.rawValue] ?? 0) }
        for (status, count) in statuses.sorted(by: { $0.key < $1.key }) where !byStatus.contains(where: { $0.status == status }) {
            byStatus.append(.init(status: status, count: count))
        }
        return ReportData(questionnaire: questionnaire, language: language, scores: scores, segments: segments, trend: trend,
                          journeys: journeys.matrices(language: language, text: text),
                          drivers: drivers.maps(report: scores, language: language), verbatims: verbatims.section,
                          statuses: StatusCounts(byStatus: byStatus, read: counts.read, rejected: counts.rejected),
                          firstDay: firstDay, lastDay: lastDay, sources: sources)
    }
}
