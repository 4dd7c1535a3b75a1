/// UMUX-Lite (Lewis, Utesch and Maher 2013): two 1-7 items, usefulness and ease of use (`method: umux_lite`).
public enum UMUXLite {
    /// One respondent's score, `((a - 1) + (b - 1)) / 12 × 100` (0-100); `nil` unless both answers are 1 to 7.
    public static func score(_ a: Double, _ b: Double) -> Double? {
        guard (1...7).contains(a), (1...7).contains(b) else { return nil }
        return ((a - 1) + (b - 1)) / 12 * 100
    }

    /// The regression-adjusted score that tracks SUS, `0.65 × value + 22.9` (Lewis et al. 2013).
    public static func adjusted(_ value: Double) -> Double {
        0.65 * value + 22.9
    }
}
