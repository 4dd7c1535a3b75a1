/// Why a score cannot be computed from response records, for the `unavailable` outcome.
struct ScoringPlanError: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
