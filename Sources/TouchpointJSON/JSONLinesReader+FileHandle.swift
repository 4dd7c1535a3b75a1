import Foundation

extension JSONLinesReader {
    /// A reader of an open `FileHandle`, which stays open and owned by the caller.
    public init(fileHandle: FileHandle, source: String, chunkSize: Int = JSONLinesReader.defaultChunkSize,
                maxLineBytes: Int = JSONLinesReader.defaultMaxLineBytes) {
        self.init(fileDescriptor: fileHandle.fileDescriptor, source: source, chunkSize: chunkSize, maxLineBytes: maxLineBytes)
    }
}
