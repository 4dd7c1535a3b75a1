extension ResponseSchema {
    /// Whether scoring reads `durations_ms`: only a `time_on_task` score does, and building the field for every
    /// line otherwise would cost time for nothing.
    var readsDurations: Bool { questionnaire.scores.contains { $0.method == .timeOnTask } }
}
