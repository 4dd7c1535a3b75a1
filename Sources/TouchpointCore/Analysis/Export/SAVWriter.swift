/// Writes an export table as an SPSS system file (`.sav`), uncompressed, little-endian, UTF-8.
///
/// Written from the format as PSPP documents it: a file header; one variable record per 8-byte slot
/// (numeric; strings up to 255 bytes with continuation records; longer strings as 255-byte segments with a
/// very long string record); variable labels; value labels for numeric columns; user-missing codes (numeric
/// ones in the variable record, those of strings longer than 8 bytes in the long string missing values
/// record); machine integer and floating-point records; display parameters (measurement level, width,
/// alignment); long variable names; the character encoding record (`UTF-8`, so Chinese labels read back
/// as written); then the cases. Dates are SPSS dates (seconds since 14 October 1582) in DATE11 format.
public struct SAVWriter: Sendable {
    /// `dd mmm yy` and `hh:mm:ss`, written in the header as the creation time.
    public var creationDate: String
    public var creationTime: String
    /// The file label (the questionnaire's title), cut to 64 bytes.
    public var fileLabel: String

    public init(creationDate: String = "01 Jan 26", creationTime: String = "00:00:00", fileLabel: String = "") {
        self.creationDate = creationDate
        self.creationTime = creationTime
        self.fileLabel = fileLabel
    }

    /// Seconds between the SPSS epoch (1582-10-14) and the Unix epoch.
    static let epochOffsetDays = 141_428
    static let systemMissing = -Double.greatestFiniteMagnitude

    /// One variable of the dictionary as laid out in slots.
    private struct Layout {
        var column: ExportColumn
        /// 0 for numeric, else the string width in bytes.
        var width: Int
        /// Widths of the segments (one for everything but very long strings).
        var segments: [Int]
        var shortName: String
        /// Short names of the segments after the first.
        var segmentNames: [String]
        /// 1-based dictionary index of the first slot.
        var index: Int

        var slotCount: Int { segments.reduce(0) { $0 + SAVWriter.slots(forWidth: $1) } }
    }

    static func slots(forWidth width: Int) -> Int { width == 0 ? 1 : (width + 7) / 8 }

    /// The whole file.
    public func bytes(_ table: ExportTable) -> [UInt8] {
        var layouts: [Layout] = []
        var slot = 1
        var segmentCounter = 0
        for (index, column) in table.columns.enumerated() {
            let width = column.storage == .string ? table.byteWidth(ofColumn: index) : 0
            var segments = [width]
            if width > 255 {
                let count = (width + 251) / 252
                segments = Array(repeating: 255, count: count - 1) + [width - (count - 1) * 252]
            }
            let names = segments.dropFirst().map { _ -> String in
                segmentCounter += 1
                return "W" + String(segmentCounter, radix: 36).uppercased()
            }
            let layout = Layout(column: column, width: width, segments: segments,
                                shortName: "V" + String(index + 1, radix: 36).uppercased(), segmentNames: names, index: slot)
            slot += layout.slotCount
            layouts.append(layout)
        }
        var out = SAVBuffer()
        header(&out, slots: slot - 1, cases: table.rows.count)
        for layout in layouts { variableRecords(&out, layout) }
        for layout in layouts where layout.width == 0 && !layout.column.valueLabels.isEmpty { valueLabels(&out, layout) }
        machineRecords(&out)
        displayParameters(&out, layouts)
        longNames(&out, layouts)
        veryLongStrings(&out, layouts)
        longStringMissing(&out, layouts)
        encoding(&out)
        out.int32(999)
        out.int32(0)
        for row in table.rows {
            for (layout, cell) in zip(layouts, row) { caseData(&out, layout, cell) }
        }
        return out.bytes
    }

    // MARK: Dictionary

    private func header(_ out: inout SAVBuffer, slots: Int, cases: Int) {
        out.text("$FL2", width: 4)
        out.text("@(#) SPSS DATA FILE touchpoint", width: 60)
        out.int32(2)
        out.int32(Int32(slots))
        out.int32(0)            // not compressed
        out.int32(0)            // not weighted
        out.int32(Int32(clamping: cases))
        out.double(100)         // compression bias
        out.text(creationDate, width: 9)
        out.text(creationTime, width: 8)
        out.text(Self.cut(fileLabel, bytes: 64), width: 64)
        out.zeros(3)
    }

    private static func format(_ column: ExportColumn, width: Int) -> Int32 {
        switch column.storage {
        case .string: return Int32(1 << 16 | min(width, 255) << 8)
        case .date: return Int32(20 << 16 | 11 << 8)
        case .numeric:
            let decimals = min(column.decimals, 16)
            let digits = max(8, decimals + 10)
            return Int32(5 << 16 | min(digits, 40) << 8 | decimals)
        }
    }

    private func variableRecords(_ out: inout SAVBuffer, _ layout: Layout) {
        let column = layout.column
        for (segment, width) in layout.segments.enumerated() {
            let first = segment == 0
            out.int32(2)
            out.int32(Int32(width))
            let label = first ? Self.cut(column.label, bytes: 255) : ""
            out.int32(label.isEmpty ? 0 : 1)
            let missing: [Double] = first && width == 0 ? column.missingCodes.map { Self.stored($0.code, column) } : []
            let stringMissing = first && width > 0 && width <= 8 ? column.missingCodes.map(\.code) : []
            out.int32(Int32(missing.count + stringMissing.count))
            let format = Self.format(column, width: width)
            out.int32(format)
            out.int32(format)
            out.text(first ? layout.shortName : layout.segmentNames[segment - 1], width: 8)
            if !label.isEmpty {
                let bytes = Array(label.utf8)
                out.int32(Int32(bytes.count))
                out.raw(bytes)
                out.zeros((4 - bytes.count % 4) % 4)
            }
            for code in missing { out.double(code) }
            for code in stringMissing { out.text(NumberText.format(code), width: 8) }
            for _ in 1..<Self.slots(forWidth: width) {
                out.int32(2)
                out.int32(-1)
                out.int32(0)
                out.int32(0)
                out.int32(0)
                out.int32(0)
                out.text("", width: 8)
            }
        }
    }

    private func valueLabels(_ out: inout SAVBuffer, _ layout: Layout) {
        out.int32(3)
        out.int32(Int32(layout.column.valueLabels.count))
        for label in layout.column.valueLabels {
            out.double(label.code)
            let bytes = Array(Self.cut(label.label, bytes: 120).utf8)
            out.raw([UInt8(bytes.count)])
            out.raw(bytes)
            out.zeros((8 - (bytes.count + 1) % 8) % 8)
        }
        out.int32(4)
        out.int32(1)
        out.int32(Int32(layout.index))
    }

    private func machineRecords(_ out: inout SAVBuffer) {
        out.int32(7); out.int32(3); out.int32(4); out.int32(8)
        for value: Int32 in [1, 0, 0, -1, 1, 1, 2, 65001] { out.int32(value) }
        out.int32(7); out.int32(4); out.int32(8); out.int32(3)
        out.double(Self.systemMissing)
        out.double(.greatestFiniteMagnitude)
        out.double((-Double.greatestFiniteMagnitude).nextUp)
    }

    private func displayParameters(_ out: inout SAVBuffer, _ layouts: [Layout]) {
        let sets = layouts.reduce(0) { $0 + $1.segments.count }
        out.int32(7); out.int32(11); out.int32(4); out.int32(Int32(sets * 3))
        for layout in layouts {
            for width in layout.segments {
                let measure: Int32 = switch layout.column.measure {
                case .nominal: 1
                case .ordinal: 2
                case .scale: 3
                }
                out.int32(measure)
                out.int32(Int32(layout.width == 0 ? 8 : min(max(width, 8), 40)))
                out.int32(layout.width == 0 ? 1 : 0)
            }
        }
    }

    private func longNames(_ out: inout SAVBuffer, _ layouts: [Layout]) {
        let text = layouts.map { "\($0.shortName)=\($0.column.name)" }.joined(separator: "\t")
        extensionText(&out, subtype: 13, Array(text.utf8))
    }

    private func veryLongStrings(_ out: inout SAVBuffer, _ layouts: [Layout]) {
        var bytes: [UInt8] = []
        for layout in layouts where layout.width > 255 {
            let width = String(layout.width)
            bytes += Array("\(layout.shortName)=\(String(repeating: "0", count: max(0, 5 - width.count)))\(width)".utf8) + [0, 9]
        }
        if !bytes.isEmpty { extensionText(&out, subtype: 14, bytes) }
    }

    private func longStringMissing(_ out: inout SAVBuffer, _ layouts: [Layout]) {
        var bytes = SAVBuffer()
        for layout in layouts where layout.width > 8 && !layout.column.missingCodes.isEmpty {
            // PSPP and SPSS look this record's names up after applying the long names, so it uses those.
            let name = Array(layout.column.name.utf8)
            bytes.int32(Int32(name.count))
            bytes.raw(name)
            bytes.raw([UInt8(layout.column.missingCodes.count)])
            bytes.int32(8)
            for code in layout.column.missingCodes { bytes.text(NumberText.format(code.code), width: 8) }
        }
        if !bytes.bytes.isEmpty { extensionText(&out, subtype: 22, bytes.bytes) }
    }

    private func encoding(_ out: inout SAVBuffer) {
        extensionText(&out, subtype: 20, Array("UTF-8".utf8))
    }

    private func extensionText(_ out: inout SAVBuffer, subtype: Int32, _ bytes: [UInt8]) {
        out.int32(7)
        out.int32(subtype)
        out.int32(1)
        out.int32(Int32(bytes.count))
        out.raw(bytes)
    }

    // MARK: Cases

    private func caseData(_ out: inout SAVBuffer, _ layout: Layout, _ cell: ExportCell) {
        guard layout.width > 0 else {
            out.double(Self.number(cell, layout.column))
            return
        }
        var bytes: [UInt8]
        switch cell {
        case .text(let text): bytes = Array(text.utf8)
        case .missing(let reason): bytes = Array((layout.column.code(for: reason).map(NumberText.format) ?? "").utf8)
        case .number(let value): bytes = Array(NumberText.format(value).utf8)
        case .date(let date): bytes = Array(date.utf8)
        case .empty: bytes = []
        }
        var offset = 0
        for width in layout.segments {
            let room = Self.slots(forWidth: width) * 8
            let take = min(max(0, bytes.count - offset), min(width, 255))
            out.raw(Array(bytes[offset..<(offset + take)]))
            out.raw(Array(repeating: 0x20, count: room - take))
            offset += take
        }
    }

    private static func number(_ cell: ExportCell, _ column: ExportColumn) -> Double {
        switch cell {
        case .number(let value): return value
        case .missing(let reason): return column.code(for: reason).map { stored($0, column) } ?? systemMissing
        case .date(let text): return spssDate(text) ?? systemMissing
        case .empty, .text: return systemMissing
        }
    }

    /// A missing code as stored: in date columns the code counts days (-97 is 97 days before the SPSS
    /// epoch), so that readers which turn dates into days, such as pyreadstat, keep it exactly.
    static func stored(_ code: Double, _ column: ExportColumn) -> Double {
        column.storage == .date ? code * 86_400 : code
    }

    /// `YYYY-MM-DD` as seconds since 14 October 1582.
    static func spssDate(_ text: String) -> Double? {
        let parts = text.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        let (y, m, d) = (parts[0], parts[1], parts[2])
        // Days from civil (Howard Hinnant's algorithm), then shifted to the SPSS epoch.
        let year = m <= 2 ? y - 1 : y
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        let days = era * 146_097 + dayOfEra - 719_468
        return Double(days + epochOffsetDays) * 86_400
    }

    /// `text` cut to at most `bytes` UTF-8 bytes, never inside a character.
    static func cut(_ text: String, bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var count = 0
        for character in text {
            let size = String(character).utf8.count
            if count + size > limit { break }
            result.append(character)
            count += size
        }
        return result
    }
}

/// Bytes of a system file being written, little-endian.
struct SAVBuffer {
    var bytes: [UInt8] = []

    mutating func int32(_ value: Int32) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }

    mutating func double(_ value: Double) {
        withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
    }

    mutating func raw(_ data: [UInt8]) { bytes += data }

    mutating func zeros(_ count: Int) { bytes += Array(repeating: 0, count: count) }

    /// `text` in exactly `width` bytes, space-padded (cut if longer).
    mutating func text(_ text: String, width: Int) {
        let data = Array(text.utf8.prefix(width))
        bytes += data
        bytes += Array(repeating: 0x20, count: width - data.count)
    }
}
