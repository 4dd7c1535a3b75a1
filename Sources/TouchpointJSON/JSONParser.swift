/// Parses JSON text (RFC 8259, strictly) from UTF-8 bytes.
///
/// Rejected, each with a message that says how to fix it: trailing commas, comments, single quotes,
/// `NaN` and `Infinity`, leading zeros, control characters inside strings, unknown escapes, `\u` escapes
/// naming a lone surrogate, invalid UTF-8 anywhere, numbers beyond `Double`'s range, nesting deeper than
/// `maxDepth`, and anything after the value. A UTF-8 byte order mark at the very start is skipped, as
/// RFC 8259 section 8.1 allows, because editors on Windows still add one.
///
/// Recursion is bounded by `maxDepth`, so a line of 100,000 `[` fails at once instead of overflowing the
/// stack. The parser holds no state between calls and may be used from several threads at once.
public struct JSONParser: Sendable, Hashable {
    /// The deepest nesting of arrays and objects accepted; a response record needs 3. Values above 256 are
    /// treated as 256, which keeps the recursion well inside a secondary thread's 512 KiB stack.
    public var maxDepth: Int
    /// Whether an object that names the same key twice is an error (otherwise both members are kept).
    public var rejectsDuplicateKeys: Bool
    /// Strings handed out ready-made instead of built anew. Empty by default: a lookup that seldom hits
    /// costs more than it saves. For scoring, pass `RecordKey.stringTable.adding(...)` with the
    /// questionnaire's ids, option values and meta keys: parsing a record then takes about 10% less time.
    public var strings: JSONStringTable

    public init(maxDepth: Int = 64, rejectsDuplicateKeys: Bool = false, strings: JSONStringTable = .empty) {
        self.maxDepth = maxDepth
        self.rejectsDuplicateKeys = rejectsDuplicateKeys
        self.strings = strings
    }

    /// The value in `bytes`, which must hold exactly one JSON value (whitespace around it allowed).
    public func parse(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONValue {
        var scanner = try JSONScanner(bytes, parser: self)
        let value = try scanner.parseValue()
        try scanner.expectEnd()
        return value
    }

    /// The value in `bytes`, as `parse` gives it, except that when it is an object the members whose keys
    /// are in `keys` are checked as strictly and then left out (their values not built). Every other member
    /// is kept, unknown ones included, so a caller can still tell the keys it does not know.
    ///
    /// `run --answers` reads respondents this way: a record written by `simulate` or `run` carries its
    /// path, durations and times, which a replay does not read.
    public func parse(_ bytes: UnsafeRawBufferPointer, skipping keys: JSONKeySet) throws(JSONError) -> JSONValue {
        var scanner = try JSONScanner(bytes, parser: self)
        let value = try scanner.parseTopLevelValue(skipping: keys)
        try scanner.expectEnd()
        return value
    }

    /// The value in `bytes`, the members of a top-level object named in `keys` left out.
    public func parse(_ bytes: [UInt8], skipping keys: JSONKeySet) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBytes { raw in Result { () throws(JSONError) in try parse(raw, skipping: keys) } }.get()
    }

    /// The value in `bytes`.
    public func parse(_ bytes: [UInt8]) throws(JSONError) -> JSONValue {
        try bytes.withUnsafeBytes { raw in Result { () throws(JSONError) in try parse(raw) } }.get()
    }

    /// The value in `text`.
    public func parse(_ text: String) throws(JSONError) -> JSONValue {
        var text = text
        return try text.withUTF8 { utf8 in
            Result { () throws(JSONError) in try parse(UnsafeRawBufferPointer(utf8)) }
        }.get()
    }

    /// The object in `bytes`, which must be a JSON object (as every response record is).
    public func parseObject(_ bytes: UnsafeRawBufferPointer) throws(JSONError) -> JSONObject {
        var scanner = try JSONScanner(bytes, parser: self)
        let object = try scanner.parseTopLevelObject(keeping: nil)
        try scanner.expectEnd()
        return object
    }

    /// The object in `bytes`.
    public func parseObject(_ bytes: [UInt8]) throws(JSONError) -> JSONObject {
        try bytes.withUnsafeBytes { raw in Result { () throws(JSONError) in try parseObject(raw) } }.get()
    }

    /// The members of the object in `bytes` whose keys are in `keys`, in document order, without building
    /// the others (and, for keys with a nested selection, only the selected members of their values).
    ///
    /// The whole text is still checked as strictly as `parse` checks it, so a line that passes here would
    /// pass there; only the values nobody asked for are skipped instead of built. Scoring reads a handful of
    /// a record's twenty keys, and this is its fast path.
    public func parseObject(_ bytes: UnsafeRawBufferPointer, keeping keys: JSONKeySet) throws(JSONError) -> JSONObject {
        var scanner = try JSONScanner(bytes, parser: self)
        let object = try scanner.parseTopLevelObject(keeping: keys)
        try scanner.expectEnd()
        return object
    }

    /// The members of the object in `bytes` whose keys are in `keys`.
    public func parseObject(_ bytes: [UInt8], keeping keys: JSONKeySet) throws(JSONError) -> JSONObject {
        try bytes.withUnsafeBytes { raw in
            Result { () throws(JSONError) in try parseObject(raw, keeping: keys) }
        }.get()
    }

    /// Checks that `bytes` hold exactly one valid JSON value, building nothing.
    public func validate(_ bytes: UnsafeRawBufferPointer) throws(JSONError) {
        var scanner = try JSONScanner(bytes, parser: self)
        try scanner.skipValue()
        try scanner.expectEnd()
    }
}
