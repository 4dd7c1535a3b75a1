/// Colours of the charts: the Okabe-Ito palette, chosen to stay distinct with every common kind of colour
/// blindness, and greys for ink. Colour never carries meaning alone: values are also written, and marks
/// differ in shape (filled and hollow dots, up and down triangles).
enum Palette {
    static let ink = "#1a1a1a"
    static let muted = "#555555"
    static let grid = "#dddddd"
    static let axis = "#888888"
    static let blue = "#0072B2"
    static let skyBlue = "#56B4E9"
    static let green = "#009E73"
    static let orange = "#E69F00"
    static let vermillion = "#D55E00"
    static let purple = "#CC79A7"
    static let yellow = "#F0E442"
    static let grey = "#B0B0B0"
    static let paper = "#ffffff"

    /// A diverging colour for `t` in 0...1: vermillion (low) through a pale grey to blue (high).
    static func diverging(_ t: Double) -> String {
        let low = (0xD5, 0x5E, 0x00), mid = (0xF2, 0xF2, 0xF2), high = (0x00, 0x72, 0xB2)
        let x = min(max(t.isFinite ? t : 0.5, 0), 1)
        let (a, b, f) = x < 0.5 ? (low, mid, x * 2) : (mid, high, (x - 0.5) * 2)
        func mix(_ p: Int, _ q: Int) -> Int { Int((Double(p) + (Double(q) - Double(p)) * f).rounded()) }
        return hex(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
    }

    /// Dark or white text, whichever reads better on the diverging colour for `t`.
    static func ink(onDiverging t: Double) -> String {
        abs(t - 0.5) > 0.3 ? paper : ink
    }

    private static func hex(_ r: Int, _ g: Int, _ b: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        func two(_ v: Int) -> String { String([digits[(v >> 4) & 15], digits[v & 15]]) }
        return "#" + two(r) + two(g) + two(b)
    }
}
