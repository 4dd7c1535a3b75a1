import Foundation
import Synchronization

extension ScoreEngine {
    /// What one worker brings back: its totals, its reader (counts and ids), and the lines it rejected, kept
    /// to be reported in file order after the parts before it.
    struct PartOutcome: Sendable {
        var engine: ScoreEngine
        var reader: ResponseReader
        var rejections: [LineRejection]
        /// The worker stopped because it had too many rejections to keep; its part is read again in order.
        var abandoned: Bool
        var error: JSONLinesError?
    }

    /// Stops a worker that has rejected more lines than it may hold in memory.
    private struct TooManyRejections: Error {}

    /// The most rejected lines a worker keeps before it gives up and leaves its part to be read in order.
    static let rejectionsKeptPerWorker = 10_000

    /// Scores the parts of one file at once: the first on this thread (its rejections reported as they come),
    /// the others on worker threads, each with totals and an id set of its own.
    ///
    /// Then, part by part in file order: if a worker's ids overlap those already read (a duplicate
    /// `response_id` across parts), or it gave up, its part is read again here, after the parts before it,
    /// which gives exactly the sequential result; otherwise its totals and ids are merged in and its
    /// rejections reported. Every line number is exact because the parts' line counts are known in advance.
    mutating func readInParallel(_ source: ResponseSource, sourceIndex: Int, ranges: [ResponseRange],
                                 reader: inout ResponseReader, onRejection: (LineRejection) -> Void) throws(JSONLinesError) {
        let outcomes = PartResults<ScoreEngine.PartOutcome>(count: ranges.count)
        let template = emptyCopy()
        let sources = reader.sources
        let group = DispatchGroup()
        for part in 1..<ranges.count {
            let range = ranges[part]
            DispatchQueue.global().async(group: group) {
                // Each worker builds its own schema, plans and parser: objects shared between threads would
                // have their reference counts bounced between the cores' caches on every line.
                var engine = template.rebuilt()
                var reader = engine.reader
                reader.adopt(sources)
                engine.reader = reader.emptyCopy()
                outcomes.set(part, Self.score(source, sourceIndex: sourceIndex, range: range, engine: engine, reader: reader))
            }
        }
        var firstError: JSONLinesError?
        do {
            try reader.read(source, sourceIndex: sourceIndex, range: ranges[0], accept: { record throws(LineProblem) in
                try self.add(record)
            }, reject: onRejection)
        } catch {
            firstError = error
        }
        group.wait()
        if let firstError { throw firstError }
        for part in 1..<ranges.count {
            guard let outcome = outcomes.take(part) else { continue }
            if let error = outcome.error { throw error }
            if outcome.abandoned || reader.seen.overlaps(outcome.reader.seen) {
                try reader.read(source, sourceIndex: sourceIndex, range: ranges[part], accept: { record throws(LineProblem) in
                    try self.add(record)
                }, reject: onRejection)
                continue
            }
            absorb(outcome.engine)
            reader.absorb(outcome.reader)
            outcome.rejections.forEach(onRejection)
        }
    }

    /// One worker's run over its part.
    private static func score(_ source: ResponseSource, sourceIndex: Int, range: ResponseRange, engine: ScoreEngine,
                              reader: ResponseReader) -> PartOutcome {
        var engine = engine
        var reader = reader
        var rejections: [LineRejection] = []
        var abandoned = false
        var failure: JSONLinesError?
        do {
            try reader.read(source, sourceIndex: sourceIndex, range: range, accept: { record throws(LineProblem) in
                try engine.add(record)
            }, reject: { rejection in
                rejections.append(rejection)
                if rejections.count > rejectionsKeptPerWorker { abandoned = true }
            })
        } catch {
            failure = error
        }
        if abandoned { rejections = [] }
        return PartOutcome(engine: engine, reader: reader, rejections: rejections, abandoned: abandoned, error: failure)
    }

    /// A new engine with the same questionnaire and options, built from scratch, so that it shares no object
    /// with this one; no totals.
    func rebuilt() -> ScoreEngine {
        guard var engine = try? ScoreEngine(schema.checked, options: options) else {
            return emptyCopy()
        }
        engine.parallelism = parallelism
        engine.minimumPartBytes = minimumPartBytes
        return engine
    }

    /// The same engine with no totals: a worker's starting point.
    func emptyCopy() -> ScoreEngine {
        var copy = self
        copy.states = [GroupState(plans: plans)]
        copy.groupIndex = [:]
        copy.groupKeys = []
        copy.reader = reader.emptyCopy()
        return copy
    }

    /// Adds the totals of an engine that read another part of the same sources.
    mutating func absorb(_ other: ScoreEngine) {
        states[0].merge(other.states[0])
        for (key, otherIndex) in other.groupIndex {
            if let index = groupIndex[key] {
                states[index].merge(other.states[otherIndex])
            } else {
                states.append(other.states[otherIndex])
                groupIndex[key] = states.count - 1
                groupKeys.append(key)
            }
        }
    }
}
