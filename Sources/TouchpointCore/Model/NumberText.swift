/// Numbers written as people write them: `3` rather than `3.0`, `2.5`, and very large or small values in Swift's
/// shortest form (`1e+300`), never converted to an integer that cannot hold them.
public enum NumberText {
    public static func format(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
    }
}
