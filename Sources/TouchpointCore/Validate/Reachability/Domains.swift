/// The values each question can hold at any later point of an interview, for the reachability analysis.
enum Domains {
    /// Domains of every variable the analysis models: questions outside loops, grid cells, meta keys,
    /// multi memberships (`used∋app`) and each loop's `item`.
    static func build(_ context: ValidationContext) -> [String: ValueSet] {
        var domains: [String: ValueSet] = [:]
        for field in context.questionnaire.meta {
            add(field.question, name: "meta.\(field.key)", nullable: true, into: &domains)
        }
        for (q, f) in context.questions where f.loops.isEmpty {
            let nullable = !q.required || q.dontKnow || q.refuse || !f.conditions.isEmpty
            add(q, name: q.id, nullable: nullable, into: &domains)
        }
        return domains
    }

    static func add(_ q: Question, name: String, nullable: Bool, into domains: inout [String: ValueSet]) {
        switch q.type {
        case .yesNo:
            domains[name] = ValueSet(values: .finite([.bool(true), .bool(false)]), null: nullable)
        case .single:
            domains[name] = ValueSet(values: .finite(Set(q.allOptions.map { FiniteValue($0.value) })), null: nullable)
        case .scale, .nps:
            guard let points = q.scalePoints else { return }
            domains[name] = scale(points, nullable: nullable)
        case .number:
            let range = Interval(low: q.min ?? -.infinity, lowClosed: q.min != nil, high: q.max ?? .infinity, highClosed: q.max != nil)
            domains[name] = ValueSet(values: .intervals([q.integer ? range.integral() : range], integer: q.integer), null: nullable)
        case .multi:
            for option in q.allOptions {
                domains["\(name)∋\(option.value)"] = ValueSet(values: .finite([.bool(true), .bool(false)]), null: false)
            }
        case .grid:
            for row in q.rows {
                if let points = q.scalePoints {
                    domains["\(name).\(row.id)"] = scale(points, nullable: nullable)
                } else if !q.options.isEmpty {
                    domains["\(name).\(row.id)"] = ValueSet(values: .finite(Set(q.options.map { FiniteValue($0.value) })), null: nullable)
                }
            }
        default:
            return
        }
    }

    /// The points of a scale as one interval of whole numbers: its size does not grow with the scale's width,
    /// so the analysis costs the same for 0-10 and for -1,000,000 to 1,000,000.
    static func scale(_ points: ClosedRange<Int>, nullable: Bool) -> ValueSet {
        let range = Interval(low: Double(points.lowerBound), lowClosed: true, high: Double(points.upperBound), highClosed: true)
        return ValueSet(values: .intervals([range], integer: true), null: nullable)
    }

    /// The domain of `item` inside a loop over `question`'s chosen options.
    static func item(for question: Question) -> ValueSet {
        ValueSet(values: .finite(Set(question.allOptions.map { FiniteValue($0.value) })), null: false)
    }
}
