import TouchpointCore

/// A key-drivers quadrant: each driver's importance (its correlation with the loyalty target) against its
/// performance (its mean on a 0-100 scale).
public struct DriverMap: Sendable {
    /// One driver item.
    public struct Driver: Sendable {
        /// The item as written in the score (`need_met`).
        public var item: String
        /// What people read for it: the question text in the page's language, or the item for a compute.
        public var text: String
        /// Pearson's r with the target and its interval (`nil` when undefined).
        public var importance: Estimate?
        /// The mean as a share of the item's scale: 0 at its low end, 100 at its high end.
        public var performance: Double?
        /// The raw mean and the scale ends it was rescaled with.
        public var mean: Double?
        public var low: Double
        public var high: Double
        /// Whether the ends came from the data, not from the questionnaire.
        public var observedRange: Bool
        /// Values behind the mean.
        public var n: Int
    }

    /// The `drivers` score id.
    public var score: String
    /// The target item (`recommend`) and its text.
    public var target: String
    public var targetText: String
    /// In the score's order of r, strongest first.
    public var drivers: [Driver]
    /// The correlation of the experience index (the mean of the drivers, each on 0-100) with the target.
    public var experienceLoyalty: Estimate?
}
