import TouchpointCore

/// Stages of a loop (rows) by the questions asked at each stage (columns): the journey view.
public struct JourneyMatrix: Sendable {
    /// One question asked at every stage.
    public struct Measure: Sendable {
        /// The question id (`stage_effort`).
        public var id: String
        /// What the column measures, in the page's language (`Effort`), from the id without the loop's common prefix.
        public var label: String
        /// The question's text in the page's language, for the accessible description.
        public var text: String
        /// `true` for yes/no questions (shown as % yes), `false` for scales (shown as means).
        public var isShare: Bool
        /// The scale's ends: 0-100 for shares, min-max for scales.
        public var low: Double
        public var high: Double
    }

    /// One stage (a loop option).
    public struct Stage: Sendable {
        /// The option value (`awareness`).
        public var value: String
        /// Its label in the page's language.
        public var label: String
        /// Respondents who went through the stage.
        public var base: Int
        /// One cell per measure, in `measures` order; nil when nobody answered.
        public var cells: [Estimate?]
    }

    /// The loop section id (`journey`).
    public var section: String
    /// The section title in the page's language, or its id.
    public var title: String
    public var measures: [Measure]
    public var stages: [Stage]
}
