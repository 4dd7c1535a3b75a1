/// Splits text into plain runs and ANSI SGR colour sequences (`ESC [` digits and semicolons `m`).
struct StyledSegments: Sequence, IteratorProtocol {
    /// A run of ordinary text or one complete colour sequence.
    enum Segment: Equatable {
        case text(String)
        case style(String)
    }

    private var remaining: Substring.UnicodeScalarView

    init(_ text: String) {
        remaining = Substring(text).unicodeScalars
    }

    mutating func next() -> Segment? {
        guard let first = remaining.first else { return nil }
        if first == "\u{1B}", let length = Self.sgrLength(remaining) {
            let end = remaining.index(remaining.startIndex, offsetBy: length)
            defer { remaining = remaining[end...] }
            return .style(String(remaining[..<end]))
        }
        // Plain text runs until the next ESC that starts a colour sequence.
        var index = remaining.index(after: remaining.startIndex)
        while index < remaining.endIndex {
            if remaining[index] == "\u{1B}", Self.sgrLength(remaining[index...]) != nil { break }
            index = remaining.index(after: index)
        }
        defer { remaining = remaining[index...] }
        return .text(String(remaining[..<index]))
    }

    /// The number of scalars of the SGR sequence at the start of `scalars`, or nil if none starts there.
    static func sgrLength(_ scalars: Substring.UnicodeScalarView) -> Int? {
        var iterator = scalars.makeIterator()
        guard iterator.next() == "\u{1B}", iterator.next() == "[" else { return nil }
        var length = 2
        while let scalar = iterator.next(), length < 64 {
            length += 1
            if scalar == "m" { return length }
            guard ("0"..."9").contains(scalar) || scalar == ";" else { return nil }
        }
        return nil
    }
}
