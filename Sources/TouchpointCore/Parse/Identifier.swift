/// The rules for ids of questions, sections, computes, scores, meta keys and grid rows (SPEC section 2).
public enum Identifier {
    /// Names the expression language gives its own meaning; they cannot be ids.
    public static let reserved: Set<String> = [
        "meta", "item", "and", "or", "not", "in", "true", "false", "null",
        "answered", "count", "len", "if", "min", "max", "sum", "mean",
    ]

    /// Why `text` is not a valid id, or nil when it is.
    public static func problem(_ text: String) -> String? {
        if text.isEmpty { return "it is empty" }
        if text.unicodeScalars.count > 64 { return "it is longer than 64 characters" }
        guard let first = text.unicodeScalars.first, isLetter(first) else {
            return "an id must start with a letter A-Z or a-z"
        }
        if let bad = text.unicodeScalars.first(where: { !(isLetter($0) || ("0"..."9").contains($0) || $0 == "_") }) {
            return "`\(bad)` is not allowed; use letters, digits and `_`"
        }
        if reserved.contains(text) { return "`\(text)` is a reserved word of the expression language" }
        return nil
    }

    /// An ASCII letter; ids are ASCII so that they read the same in every tool that handles the data.
    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s)
    }

    /// A close valid id for a bad one (`channel-sat` -> `channel_sat`), if there is an obvious one.
    public static func suggestion(_ text: String) -> String? {
        var out = ""
        for scalar in text.unicodeScalars {
            if isLetter(scalar) || ("0"..."9").contains(scalar) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("_") {
                out += "_"
            }
        }
        while out.hasSuffix("_") { out.removeLast() }
        while let f = out.first, !f.isLetter { out.removeFirst() }
        if out.count > 64 { out = String(out.prefix(64)) }
        return out.isEmpty || out == text || problem(out) != nil ? nil : out
    }
}
