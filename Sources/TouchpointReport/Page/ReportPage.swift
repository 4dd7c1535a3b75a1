import Plot
import TouchpointCore

/// The report as one self-contained HTML page: inline style, inline SVG charts, no script, nothing loaded
/// from elsewhere, every text from files and answers escaped.
public enum ReportPage {
    /// The page's HTML for `data`.
    public static func html(_ data: ReportData) -> String {
        let text = ReportText.forLanguage(data.language)
        let context = Context(data: data, text: text, index: QuestionIndex(data.questionnaire))
        let title = text.pageTitle(data.questionnaire.title?.text(data.language) ?? data.questionnaire.id)
        var sections: [Markup] = [context.header(title)]
        sections.append(context.headline())
        sections.append(context.segments())
        sections.append(context.trend())
        sections += context.journeys()
        sections += context.drivers()
        sections.append(context.verbatims())
        sections.append(context.statuses())
        sections.append(.tag("footer", [.tag("p", text: text.footer)]))
        let page = HTML(
            .attribute(named: "lang", value: Escape.attribute(text.htmlLanguage(data.language))),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .element(named: "title", text: Escape.text(title)),
                .style(ReportStyle.css)
            ),
            .body(.element(named: "main", nodes: sections))
        )
        return page.render() + "\n"
    }

    /// What every section needs: the figures, the page's words and the questions' texts.
    struct Context {
        var data: ReportData
        var text: ReportText
        var index: QuestionIndex

        var definitions: [ScoreDefinition] { data.questionnaire.scores }

        func scale(_ definition: ScoreDefinition) -> ScoreScale {
            ScoreScale(definition, questions: index.questions, text: text)
        }

        func scoreTitle(_ definition: ScoreDefinition) -> String {
            "\(definition.id) · " + text.scoreDescription(definition) { index.text($0, language: data.language) }
        }

        func figure(_ canvas: SVGCanvas, note: String? = nil) -> Markup {
            var children: [Markup] = [canvas.node]
            if let note { children.append(.tag("figcaption", class: "note", text: note)) }
            return .tag("figure", class: "chart", children)
        }

        /// A section: its heading kept on one printed page with what follows it up to its first chart.
        func section(_ id: String, _ heading: String, _ children: [Markup], leading: Int = 1) -> Markup {
            let count = min(max(leading, 0), children.count)
            let head: Markup = .tag("div", class: "keep", [.tag("h2", text: heading)] + children.prefix(count))
            return .element(named: "section", nodes: [.attr("id", id), head] + children.dropFirst(count))
        }

        // MARK: Header

        func header(_ title: String) -> Markup {
            let q = data.questionnaire
            let counts = data.scores.responses
            var lines = ["\(q.id)" + (q.version.map { " · " + text.version($0) } ?? "")
                + " · " + text.linesSummary(read: counts.read, scored: counts.scored, rejected: counts.rejected)]
            if let first = data.firstDay, let last = data.lastDay { lines.append(text.completedSpan(first, last)) }
            if !data.sources.isEmpty { lines.append(text.readFrom(data.sources.joined(separator: ", "))) }
            return .tag("header", [.tag("h1", text: title)] + lines.map { .tag("p", class: "sub", text: $0) })
        }

        // MARK: Headline

        func headline() -> Markup {
            var children: [Markup] = []
            for (definition, result) in zip(definitions, data.scores.overall.scores) where definition.method != .drivers {
                let title = scoreTitle(definition)
                let scale = scale(definition)
                switch result.outcome {
                case .nps(let n, let estimate?):
                    children.append(figure(NPSBarChart.canvas(title: title, estimate: estimate, n: n, scale: scale, text: text)))
                case .unavailable(let reason):
                    children.append(.tag("p", class: "note", text: "\(title): \(text.unavailable) (\(reason))"))
                default:
                    if let value = ScoreFigure(result) {
                        children.append(figure(IntervalChart.canvas(title: title, figure: value, scale: scale, text: text)))
                    } else {
                        children.append(.tag("p", class: "note", text: "\(title): \(text.noResponses)"))
                    }
                }
            }
            return section("headline", text.headline, children)
        }

        // MARK: Segments

        func segments() -> Markup {
            guard let segments = data.segments else {
                return section("segments", text.segmentsUngrouped, [.tag("p", class: "note", text: text.noSegments)])
            }
            let groupName = index.text(segments.name, language: data.language)
            var children: [Markup] = [.tag("p", class: "note", text: text.comparisonNote)]
            for (s, definition) in definitions.enumerated() where definition.method != .drivers {
                var rows = [SegmentChart.Row(label: text.allResponses, figure: ScoreFigure(data.scores.overall.scores[s]),
                                             comparison: nil, isTotal: true)]
                for group in segments.groups {
                    rows.append(SegmentChart.Row(label: group.label, figure: ScoreFigure(group.scores[s]),
                                                 comparison: group.comparisons[definition.id], isTotal: false))
                }
                let title = "\(definition.id) · \(groupName)"
                children.append(figure(SegmentChart.canvas(title: title, rows: rows, scale: scale(definition), groupName: groupName, text: text)))
            }
            return section("segments", text.segments(groupName), children, leading: 2)
        }

        // MARK: Trend

        func trend() -> Markup {
            let trend = data.trend
            var children: [Markup] = []
            if trend.chosen { children.append(.tag("p", class: "note", text: text.periodChosen)) }
            let points = trend.points.filter { $0.period != GroupValue.missingLabel }
            for (s, definition) in definitions.enumerated() where definition.method != .drivers {
                let series = points.map { TrendChart.Point(period: $0.period, figure: ScoreFigure($0.scores[s])) }
                guard !series.isEmpty else { continue }
                children.append(figure(TrendChart.canvas(title: scoreTitle(definition), points: series, scale: scale(definition),
                                                         periodName: text.periodName(trend.period), text: text)))
            }
            if children.count == (trend.chosen ? 1 : 0) { children.append(.tag("p", class: "note", text: text.noResponses)) }
            return section("trend", text.trend(trend.period), children, leading: trend.chosen ? 2 : 1)
        }

        // MARK: Journey

        func journeys() -> [Markup] {
            data.journeys.map { matrix in
                let heading = text.journey(matrix.title)
                let title = "\(matrix.section) · \(text.stage) × " + matrix.measures.map(\.label).joined(separator: ", ")
                return section("journey-\(sanitized(matrix.section))", heading,
                               [figure(JourneyMatrixChart.canvas(title: title, matrix: matrix, text: text))])
            }
        }

        // MARK: Drivers

        func drivers() -> [Markup] {
            data.drivers.map { map in
                let target = QuestionIndex.withoutPlaceholders(map.targetText)
                let heading = text.drivers(map.target)
                let drawable = map.drivers.contains { $0.importance != nil && $0.performance != nil }
                var children: [Markup] = [drawable
                    ? figure(DriverQuadrantChart.canvas(title: "\(map.score) · \(heading)", map: map, text: text))
                    : .tag("p", class: "note", text: text.noDrivers)]
                if let r = map.experienceLoyalty {
                    var figureText = "r = \(ScoreNumber.text(r.value, places: 2))"
                    if let ci = r.ci95 { figureText += " [\(ScoreNumber.text(ci.low, places: 2)), \(ScoreNumber.text(ci.high, places: 2))]" }
                    figureText += ", n = \(r.n)"
                    children.append(.tag("p", class: "statement", text: text.experienceLoyalty(figureText, target: "\(map.target) (\(target))")))
                } else {
                    children.append(.tag("p", class: "statement", text: text.noExperienceLoyalty))
                }
                let head: Markup = .tag("tr", [text.driver, text.importance, text.performance, text.meanOnScale, "n"].map { .tag("th", text: $0) })
                let rows: [Markup] = map.drivers.map { d in
                    let r = d.importance.map { e in
                        ScoreNumber.text(e.value, places: 3) + (e.ci95.map { " [\(ScoreNumber.text($0.low, places: 3)), \(ScoreNumber.text($0.high, places: 3))]" } ?? "")
                    } ?? "—"
                    let mean = d.mean.map {
                        "\(ScoreNumber.text($0, places: 2)) (\(ScoreNumber.compact(d.low, places: 2))–\(ScoreNumber.compact(d.high, places: 2))"
                            + (d.observedRange ? ", \(text.observedRange))" : ")")
                    } ?? "—"
                    return .tag("tr", [
                        .tag("td", [.tag("strong", text: d.item), .safe(d.text == d.item ? "" : " " + QuestionIndex.withoutPlaceholders(d.text))]),
                        .tag("td", class: "num", text: r),
                        .tag("td", class: "num", text: d.performance.map { ScoreNumber.text($0, places: 1) + "%" } ?? "—"),
                        .tag("td", class: "num", text: mean),
                        .tag("td", class: "num", text: String(d.n)),
                    ])
                }
                children.append(.tag("table", [.tag("thead", [head]), .tag("tbody", rows)]))
                return section("drivers-\(sanitized(map.score))", heading, children)
            }
        }

        // MARK: Verbatims

        func verbatims() -> Markup {
            let v = data.verbatims
            let heading = v.npsItem == nil ? text.openTexts : text.detractorTexts
            guard !v.shown.isEmpty else { return section("verbatims", heading, [.tag("p", class: "note", text: text.noTexts)]) }
            let items: [Markup] = v.shown.map { verbatim in
                var who: [String] = []
                if let rating = verbatim.rating { who.append("\(text.rating) \(rating)") }
                if let group = verbatim.group { who.append(group) }
                if let time = verbatim.completedAt { who.append(String(time.prefix(10))) }
                who.append(verbatim.question)
                return .tag("li", [.tag("blockquote", text: verbatim.text), .tag("div", class: "who", text: who.joined(separator: " · "))])
            }
            return section("verbatims", heading, [.tag("p", class: "note", text: text.shown(v.shown.count, of: v.total)), .tag("ol", class: "verbatims", items)])
        }

        // MARK: Statuses

        func statuses() -> Markup {
            let colours = [Palette.blue, Palette.orange, Palette.purple, Palette.green, Palette.yellow]
            var bars = data.statuses.byStatus.enumerated().map { i, entry in
                StatusChart.Bar(label: text.statusName(entry.status), count: entry.count, colour: colours[i % colours.count])
            }
            bars.append(StatusChart.Bar(label: text.notScored, count: data.statuses.rejected, colour: Palette.vermillion))
            return section("statuses", text.statusTitle, [figure(StatusChart.canvas(title: text.statusTitle, bars: bars, text: text))])
        }

        /// An id fragment from a questionnaire id: letters, digits, `-` and `_` only.
        func sanitized(_ id: String) -> String {
            String(id.unicodeScalars.map { scalar -> Character in
                (scalar.properties.isAlphabetic && scalar.isASCII) || ("0"..."9").contains(scalar) || scalar == "_" ? Character(scalar) : "-"
            })
        }
    }
}
