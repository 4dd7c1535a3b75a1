import Foundation
import Synchronization

extension ResponseVerifier {
    /// What one worker brings back: its reader (counts and ids), its count of other versions, and the lines it
    /// rejected, kept to be reported in file order after the parts before it.
    struct PartOutcome: Sendable {
        var reader: ResponseReader
        var otherVersions: Int
        var rejections: [LineRejection]
        /// The worker stopped keeping rejections (too many to hold); its part is verified again in order.
        var abandoned: Bool
        var error: JSONLinesError?
    }

    /// The most rejected lines a worker keeps before it leaves its part to be verified again in order.
    static let rejectionsKeptPerWorker = 10_000

    /// Verifies the parts of one file at once, as `ScoreEngine` scores them: the first part on this thread (its
    /// problems reported as they come), the others on worker threads, each with a reader and id set of its own.
    ///
    /// Then, part by part in file order: if a worker's ids overlap those already read (a duplicate `response_id`
    /// across parts), or it kept too many rejections, its part is verified again here, after the parts before
    /// it, which gives exactly the sequential result; otherwise its counts and ids are merged in and its
    /// problems reported. The messages and their order are those of one thread.
    mutating func verifyInParallel(_ source: ResponseSource, sourceIndex: Int, ranges: [ResponseRange],
                                   reader: inout ResponseReader,
                                   onProblem: (LineRejection) -> Void) throws(JSONLinesError) {
        let outcomes = PartResults<ResponseVerifier.PartOutcome>(count: ranges.count)
        let sources = reader.sources
        let checked = self.checked
        let sha256 = expectedSHA256
        let group = DispatchGroup()
        for part in 1..<ranges.count {
            let range = ranges[part]
            DispatchQueue.global().async(group: group) {
                // A verifier of its own (schema, parser, id set): nothing but the checked questionnaire is shared.
                var verifier = ResponseVerifier(checked, sha256: sha256)
                verifier.parallelism = 1
                var partReader = verifier.reader.emptyCopy()
                partReader.adopt(sources)
                outcomes.set(part, verifier.verifyPart(source, sourceIndex: sourceIndex, range: range, reader: partReader))
            }
        }
        var firstError: JSONLinesError?
        do {
            try reader.read(source, sourceIndex: sourceIndex, range: ranges[0],
                            accept: { record throws(LineProblem) in try self.replay(record) }, reject: onProblem)
        } catch {
            firstError = error
        }
        group.wait()
        if let firstError { throw firstError }
        for part in 1..<ranges.count {
            guard let outcome = outcomes.take(part) else { continue }
            if let error = outcome.error { throw error }
            if outcome.abandoned || reader.seen.overlaps(outcome.reader.seen) {
                try reader.read(source, sourceIndex: sourceIndex, range: ranges[part],
                                accept: { record throws(LineProblem) in try self.replay(record) }, reject: onProblem)
                continue
            }
            reader.absorb(outcome.reader)
            otherVersions += outcome.otherVersions
            outcome.rejections.forEach(onProblem)
        }
    }

    /// One worker's run over its part.
    private mutating func verifyPart(_ source: ResponseSource, sourceIndex: Int, range: ResponseRange,
                                     reader: ResponseReader) -> PartOutcome {
        var reader = reader
        var rejections: [LineRejection] = []
        var abandoned = false
        var failure: JSONLinesError?
        do {
            try reader.read(source, sourceIndex: sourceIndex, range: range,
                            accept: { record throws(LineProblem) in try self.replay(record) },
                            reject: { rejection in
                                guard !abandoned else { return }
                                rejections.append(rejection)
                                if rejections.count > Self.rejectionsKeptPerWorker { abandoned = true; rejections = [] }
                            })
        } catch {
            failure = error
        }
        return PartOutcome(reader: reader, otherVersions: otherVersions, rejections: rejections, abandoned: abandoned,
                           error: failure)
    }
}
