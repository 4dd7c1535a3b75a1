/// How far through an interview the current prompt is, from 0 to 1: what the progress marker shows.
///
/// The fraction is the prompts answered so far over those plus the most that can still come, the current one
/// included (`Interview.longestRemaining`), so it is below 1 at every prompt and is 1 only once the interview
/// has ended. It never goes backwards: when a step back, or anything else, would give a smaller fraction, the
/// marker stays where it was until the interview catches up with it.
public struct ProgressMarker: Sendable, Hashable {
    /// The fraction shown last.
    public private(set) var fraction: Double = 0

    public init() {}

    /// The fraction `answered / (answered + remaining)`, where `remaining` counts the current prompt (at least
    /// 1), raised to what was shown before if it is less.
    public mutating func advance(answered: Int, remaining: Int) -> Double {
        let done = max(answered, 0)
        let raw = Double(done) / Double(done + max(remaining, 1))
        fraction = max(fraction, raw)
        return fraction
    }

    /// The interview ended: the marker is full.
    public mutating func finish() {
        fraction = 1
    }
}
