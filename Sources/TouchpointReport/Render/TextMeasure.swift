import TouchpointTerminal

/// Estimates of how wide text is drawn, for laying out chart labels without a font at hand.
///
/// It counts terminal columns with `DisplayWidth` (East Asian wide characters count 2) and takes a column as
/// 0.56 of the font size: about the average advance of a sans-serif Latin letter, and a little more than half
/// a CJK ideograph's 1 em, so Chinese labels are never given less room than they take.
enum TextMeasure {
    static let emPerColumn = 0.56

    /// The width of `text` at font `size`, in the same unit as `size`.
    static func width(_ text: String, size: Double) -> Double {
        Double(DisplayWidth.of(text)) * size * emPerColumn
    }

    /// `text`, cut with an ellipsis so that it fits `width` at `size`.
    static func fit(_ text: String, width limit: Double, size: Double) -> String {
        guard width(text, size: size) > limit else { return text }
        let budget = Int(limit / (size * emPerColumn)) - 1
        var out = ""
        var used = 0
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > budget { break }
            out.append(character)
            used += columns
        }
        return out.trimmingTrailingSpaces + "…"
    }

    /// `text` broken into at most `lines` lines that fit `width` at `size`, the last one cut with an ellipsis.
    /// Breaks fall at spaces, or anywhere between wide characters (Chinese has no spaces).
    static func wrap(_ text: String, width limit: Double, size: Double, lines: Int) -> [String] {
        let budget = max(Int(limit / (size * emPerColumn)), 4)
        var result: [String] = []
        var current = ""
        var used = 0
        var lastSpace: String.Index?
        for character in text {
            let columns = DisplayWidth.of(character)
            if used + columns > budget {
                if character == " " {
                    result.append(current)
                    current = ""
                    used = 0
                    lastSpace = nil
                    continue
                }
                if let space = lastSpace, columns < 2 {
                    let head = String(current[..<space])
                    let tail = String(current[current.index(after: space)...])
                    result.append(head)
                    current = tail
                    used = DisplayWidth.of(tail)
                } else {
                    result.append(current)
                    current = ""
                    used = 0
                }
                lastSpace = nil
            }
            if character == " " { lastSpace = current.endIndex }
            current.append(character)
            used += columns
        }
        if !current.isEmpty { result.append(current) }
        guard result.count > lines else { return result }
        var kept = Array(result.prefix(lines))
        kept[lines - 1] = fit(kept[lines - 1] + " " + result[lines...].joined(separator: " "), width: limit, size: size)
        return kept
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
