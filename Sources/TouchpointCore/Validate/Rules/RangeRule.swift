/// `bad-range`, `missing-key` for ranges: scale ends, number and date bounds, lengths, selection counts, labels.
enum RangeRule: ValidationRule {
    static func check(_ context: ValidationContext, into bag: inout DiagnosticBag) {
        for (q, _) in context.questions {
            switch q.type {
            case .scale:
                checkScale(q, into: &bag)
            case .grid where q.options.isEmpty:
                checkScale(q, into: &bag)
            case .nps:
                checkLabels(q, range: 0...10, into: &bag)
            case .number:
                if let lo = q.min, let hi = q.max, lo > hi {
                    bag.add(.badRange, at: q.position(of: "min"), "number question `\(q.id)` has min \(NumberText.format(lo)) above max \(NumberText.format(hi))",
                            hint: "swap them")
                }
            case .multi:
                let count = q.allOptions.count
                if let lo = q.min, lo < 0 { bag.add(.badRange, at: q.position(of: "min"), "`min` of `\(q.id)` cannot be negative") }
                if let lo = q.min, let hi = q.max, lo > hi {
                    bag.add(.badRange, at: q.position(of: "min"), "multi question `\(q.id)` asks for at least \(NumberText.format(lo)) but at most \(NumberText.format(hi)) choices")
                }
                if let lo = q.min, lo > Double(count), count > 0 {
                    bag.add(.badRange, at: q.position(of: "min"), "multi question `\(q.id)` asks for at least \(NumberText.format(lo)) choices but has only \(count) options")
                }
            case .text:
                if let lo = q.minLength, lo < 0 { bag.add(.badRange, at: q.position(of: "min_length"), "`min_length` of `\(q.id)` cannot be negative") }
                if let lo = q.minLength, lo > TextLimits.maxAnswerCharacters {
                    bag.add(.badRange, at: q.position(of: "min_length"),
                            "`min_length` of `\(q.id)` is \(lo) characters, but an answer can hold at most \(TextLimits.maxAnswerCharacters)",
                            hint: "ask for a shorter answer; a longer one could not be stored and scored")
                }
                if let hi = q.maxLength, hi < 1 { bag.add(.badRange, at: q.position(of: "max_length"), "`max_length` of `\(q.id)` must be at least 1") }
                if let lo = q.minLength, let hi = q.maxLength, lo > hi {
                    bag.add(.badRange, at: q.position(of: "min_length"), "text question `\(q.id)` has min_length \(lo) above max_length \(hi)")
                }
            case .date:
                if let lo = q.minDate, let hi = q.maxDate, lo > hi {
                    bag.add(.badRange, at: q.position(of: "min"), "date question `\(q.id)` has min \(lo) after max \(hi)", hint: "swap them")
                }
            case .yesNo:
                for (key, label) in q.labels where !["yes", "no"].contains(key) {
                    bag.add(.badValue, at: label.position, "yes_no labels are `yes` and `no`, not `\(key)`")
                }
            default:
                break
            }
        }
    }

    static func checkScale(_ q: Question, into bag: inout DiagnosticBag) {
        guard let lo = q.min, let hi = q.max else {
            let missing = q.min == nil ? "min" : "max"
            // Written but refused (not a usable number): that was reported where it stands.
            if q.keyPositions[missing] != nil { return }
            bag.add(.missingKey, at: q.position, "\(q.type == .grid ? "grid" : "scale") `\(q.id)` has no `\(missing)`",
                    hint: q.type == .grid ? "give a scale with `min:` and `max:`, or `options:`" : "add e.g. `min: 1` and `max: 5`")
            return
        }
        if lo >= hi {
            bag.add(.badRange, at: q.position(of: "min"), "scale `\(q.id)` runs from \(NumberText.format(lo)) to \(NumberText.format(hi)); min must be below max")
            return
        }
        if hi - lo > 100 {
            bag.add(.badRange, at: q.position(of: "max"), "scale `\(q.id)` has \(NumberText.format((hi - lo).rounded(.down) + 1)) points; use a number question for ranges this wide")
        }
        checkLabels(q, range: Saturating.int(lo)...Saturating.int(hi), into: &bag)
    }

    static func checkLabels(_ q: Question, range: ClosedRange<Int>, into bag: inout DiagnosticBag) {
        for (key, label) in q.labels.sorted(by: { $0.value.position < $1.value.position }) {
            guard let point = Int(key) else {
                bag.add(.badValue, at: label.position, "`labels` of `\(q.id)` are keyed by scale points, not `\(key)`")
                continue
            }
            if !range.contains(point) {
                bag.add(.badRange, at: label.position, "label \(point) of `\(q.id)` is outside its scale \(range.lowerBound)-\(range.upperBound)")
            }
        }
    }

}
