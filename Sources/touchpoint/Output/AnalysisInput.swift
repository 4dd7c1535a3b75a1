import ArgumentParser
import TouchpointCore
import TouchpointTerminal

/// The questionnaire and accepted records of an analysis command (`export`, `tab`, `verbatims`), with
/// rejected lines reported on stderr as `score` reports them.
struct AnalysisInput {
    var loaded: LoadedQuestionnaire
    var records: [AnalysisRecord]
    var counts: ResponseReader.Counts

    /// Loads `file` and reads `responses`; unusable files end the command with status 2.
    static func load(_ file: String, _ responses: [String], language: String?, color: ColorOptions, verb: String) throws -> AnalysisInput {
        let loaded = try LoadedQuestionnaire.load(file, language: language, failureCode: 2, color: color.choice)
        if let language, !loaded.questionnaire.languages.isEmpty, !loaded.questionnaire.languages.contains(language) {
            Console.error("touchpoint: --lang \(language): \(file) has no such language (it has \(loaded.questionnaire.languages.joined(separator: ", ")))")
            throw ExitCode(2)
        }
        let sources = try ScoreSources.resolve(responses)
        var reader = AnalysisReader(loaded.checked)
        let digest = RejectionDigest(color: color.enabled(fd: 2))
        let records: [AnalysisRecord]
        do {
            records = try reader.readAll(sources) { digest.print($0) }
        } catch {
            Console.error("touchpoint: cannot read \(error)")
            throw ExitCode(2)
        }
        digest.summary(read: reader.counts.read, rejected: reader.counts.rejected, verb: verb)
        return AnalysisInput(loaded: loaded, records: records, counts: reader.counts)
    }
}
