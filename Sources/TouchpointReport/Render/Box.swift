/// A label's or point's rectangle, to keep labels from covering each other.
struct Box {
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double

    func overlaps(_ other: Box) -> Bool {
        x0 < other.x1 && other.x0 < x1 && y0 < other.y1 && other.y0 < y1
    }
}
