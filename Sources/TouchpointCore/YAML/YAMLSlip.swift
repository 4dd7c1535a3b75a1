/// Explains the YAML syntax errors authors actually make, in their words rather than libyaml's.
///
/// libyaml reports where it gave up, which is often a few characters after the real slip. Each case here looks
/// at the source lines around that place and, when it recognises the slip, says what happened and how to fix it:
/// a tab used for indentation, a line indented one space too far, or a value that begins with `{` (which YAML
/// reads as a flow mapping, as in `en: {recommend} points`).
enum YAMLSlip {
    /// A diagnostic for the slip behind libyaml's error at `line` (1-based), or nil when none is recognised.
    static func explain(problem: String, line: Int, column: Int, source: UnsafeBufferPointer<UInt8>) -> Diagnostic? {
        let lines = SourceLines(source, upTo: line)
        guard let text = lines.line(line) else { return nil }
        if let tab = tabSlip(problem: problem, line: line, lines: lines) { return tab }
        if problem.contains("did not find expected key") || problem.contains("did not find expected ','")
            || problem.contains("did not find expected '-'"),
           let flow = flowMappingSlip(line: line, column: column, text: text) {
            return flow
        }
        if problem.contains("mapping values are not allowed") {
            return indentationSlip(line: line, column: column, text: text, lines: lines)
        }
        return nil
    }

    /// A tab character in the indentation (or anywhere libyaml tripped on one).
    private static func tabSlip(problem: String, line: Int, lines: SourceLines) -> Diagnostic? {
        let mentionsTab = problem.contains("tab")
        guard mentionsTab || problem.contains("cannot start any token") else { return nil }
        for candidate in [line, line + 1, line - 1] {
            guard let text = lines.line(candidate), let index = text.firstIndex(of: "\t") else { continue }
            if !mentionsTab, candidate != line { continue }
            let column = text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: index) + 1
            return Diagnostic(.yamlSyntax, at: SourcePosition(line: candidate, column: column),
                "line \(candidate) has a tab character at column \(column); YAML indents with spaces, never tabs",
                hint: "replace the tab with spaces (set your editor to insert spaces for Tab in YAML files)")
        }
        return nil
    }

    /// A plain value that begins with `{`: YAML reads `{...}` as a mapping and then finds more text after it.
    private static func flowMappingSlip(line: Int, column: Int, text: String) -> Diagnostic? {
        let scalars = Array(text.unicodeScalars)
        // The value must start with `{` right after `key: ` or `- ` on this line, and close before the slip.
        var start: Int?
        var i = 0
        while i < scalars.count, scalars[i] == " " { i += 1 }
        if i < scalars.count, scalars[i] == "-" { i += 1; while i < scalars.count, scalars[i] == " " { i += 1 } }
        var keyEnd: Int?
        var j = i
        while j + 1 < scalars.count {
            if scalars[j] == ":", scalars[j + 1] == " " { keyEnd = j; break }
            if scalars[j] == "{" || scalars[j] == "\"" || scalars[j] == "'" { break }
            j += 1
        }
        if let keyEnd {
            var k = keyEnd + 1
            while k < scalars.count, scalars[k] == " " { k += 1 }
            if k < scalars.count, scalars[k] == "{" { start = k }
        } else if i < scalars.count, scalars[i] == "{", i > 0 {
            start = i
        }
        guard let start, let close = scalars[start...].firstIndex(of: "}") else { return nil }
        let after = String(String.UnicodeScalarView(scalars[(close + 1)...])).trimmingSpaces
        guard !after.isEmpty, !after.hasPrefix("#"), column - 1 >= close else { return nil }
        let value = String(String.UnicodeScalarView(scalars[start...])).trimmingSpaces
        let key = keyEnd.map { String(String.UnicodeScalarView(scalars[i..<$0])) }
        let quoted = "\"" + value.replacingQuotes + "\""
        let fix = key.map { "`\($0): \(quoted)`" } ?? "`\(quoted)`"
        return Diagnostic(.yamlSyntax, at: SourcePosition(line: line, column: start + 1),
            "this value begins with `{`, so YAML reads `\(String(String.UnicodeScalarView(scalars[start...close])))` as a mapping "
            + "and cannot place the text after it",
            hint: "put the whole text in quotes: \(fix)")
    }

    /// `key: value` on a line indented further than the line above: YAML reads it as more of that line's value.
    private static func indentationSlip(line: Int, column: Int, text: String, lines: SourceLines) -> Diagnostic? {
        let indent = text.prefix { $0 == " " }.count
        var above = line - 1
        while let previous = lines.line(above), previous.trimmingSpaces.isEmpty || previous.trimmingSpaces.hasPrefix("#") {
            above -= 1
        }
        guard let previous = lines.line(above) else { return nil }
        let previousIndent = previous.prefix { $0 == " " }.count
        let body = previous.dropFirst(previousIndent)
        let keyStart = body.hasPrefix("- ") ? previousIndent + 2 + body.dropFirst(2).prefix { $0 == " " }.count : previousIndent
        guard indent > previousIndent, indent <= keyStart + 2, let colon = previous.range(of: ": ") else {
            return Diagnostic(.yamlSyntax, at: SourcePosition(line: line, column: column),
                "YAML reads the `: ` on this line as the start of a value inside a text",
                hint: "put a text that contains `: ` in quotes, e.g. `text: \"Note: ...\"`")
        }
        let previousKey = previous[previous.index(previous.startIndex, offsetBy: keyStart)..<colon.lowerBound]
        let previousValue = previous[colon.upperBound...].trimmingSpaces
        let key = text.dropFirst(indent).prefix { $0 != ":" }
        return Diagnostic(.yamlSyntax, at: SourcePosition(line: line, column: indent + 1),
            "`\(key)` is indented \(indent) spaces, more than `\(previousKey)` above it (\(keyStart)), so YAML reads it "
            + "as more of the value `\(previousValue)`",
            hint: "line `\(key):` up with `\(previousKey):` (\(keyStart) spaces)")
    }
}

/// The lines of a source buffer, decoded on demand up to a given line.
private struct SourceLines {
    private var lines: [String] = []

    init(_ source: UnsafeBufferPointer<UInt8>, upTo last: Int) {
        var start = 0
        var index = 0
        while index < source.count, lines.count < last + 1 {
            if source[index] == 0x0A {
                lines.append(String(decoding: UnsafeBufferPointer(rebasing: source[start..<index]), as: UTF8.self))
                start = index + 1
            }
            index += 1
        }
        if lines.count < last + 1, start <= source.count {
            lines.append(String(decoding: UnsafeBufferPointer(rebasing: source[start..<source.count]), as: UTF8.self))
        }
    }

    /// Line `number` (1-based) without its line break, or nil when there is none.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        let text = lines[number - 1]
        return text.hasSuffix("\r") ? String(text.dropLast()) : text
    }
}

private extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    var replacingQuotes: String {
        var out = ""
        for c in self { out += c == "\"" ? "\\\"" : String(c) }
        return out
    }
}
