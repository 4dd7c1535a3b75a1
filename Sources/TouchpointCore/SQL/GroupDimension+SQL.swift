extension GroupDimension {
    /// The known values of the dimension, in their order, as SQL shows them once cast to text
    /// (`regular`, `3`, `true`).
    var knownValues: [String] {
        knownOrder.compactMap { value in
            switch value {
            case .string(let text): text
            case .bool(let flag): flag ? "true" : "false"
            case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : "\(number)"
            default: nil
            }
        }
    }
}
