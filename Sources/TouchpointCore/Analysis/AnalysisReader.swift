/// Reads response files for the analysis commands through the scoring reader's checks, keeping every field.
///
/// Every line is checked exactly as `score` checks it (SPEC section 6): rejected lines go to `reject`,
/// accepted ones, of every status, to `accept` as `AnalysisRecord`s.
public struct AnalysisReader: Sendable {
    private var reader: ResponseReader

    /// A reader for records of `checked`.
    public init(_ checked: CheckedQuestionnaire) {
        reader = ResponseReader(checked, checksTimes: false, keepsAllFields: true)
    }

    /// Lines read, accepted and rejected so far.
    public var counts: ResponseReader.Counts { reader.counts }

    /// Reads every line of `source`.
    public mutating func read(_ source: ResponseSource, accept: (AnalysisRecord) -> Void,
                              reject: (LineRejection) -> Void) throws(JSONLinesError) {
        try reader.read(source, accept: { (record: CheckedResponse) throws(LineProblem) in
            accept(AnalysisRecord(record))
        }, reject: reject)
    }

    /// Reads every source in turn and returns the accepted records, in file order.
    public mutating func readAll(_ sources: [ResponseSource], reject: (LineRejection) -> Void) throws(JSONLinesError) -> [AnalysisRecord] {
        var records: [AnalysisRecord] = []
        for source in sources {
            try read(source, accept: { records.append($0) }, reject: reject)
        }
        return records
    }
}
