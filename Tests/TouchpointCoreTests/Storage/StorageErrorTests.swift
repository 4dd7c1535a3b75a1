#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import TouchpointCore

@Suite struct StorageErrorTests {
    @Test func errnoValuesMapToReasonsPeopleCanActOn() {
        #expect(StorageError.Reason(errno: ENOSPC) == .noSpace)
        #expect(StorageError.Reason(errno: EDQUOT) == .noSpace)
        #expect(StorageError.Reason(errno: EFBIG) == .fileTooLarge)
        #expect(StorageError.Reason(errno: EACCES) == .permissionDenied)
        #expect(StorageError.Reason(errno: EPERM) == .permissionDenied)
        #expect(StorageError.Reason(errno: EROFS) == .readOnlyFileSystem)
        #expect(StorageError.Reason(errno: EIO) == .ioError)
        #expect(StorageError.Reason(errno: ENOENT) == .notFound)
        #expect(StorageError.Reason(errno: ENAMETOOLONG) == .other(errno: ENAMETOOLONG))
    }

    @Test(arguments: [ENOSPC, EFBIG, EACCES, EROFS, EIO, ENAMETOOLONG])
    func everyAppendFailureNamesTheFileSaysHowToResumeAndWhereTheAnswersAre(code: Int32) {
        let error = StorageError(errno: code, action: .appendResponse, path: "responses/x.jsonl",
                                 keptIn: "responses/.partial/R1.json")
        #expect(error.message.contains("responses/x.jsonl"))
        #expect(error.message.contains("--resume"))
        #expect(error.message.hasSuffix("your answers are kept in responses/.partial/R1.json"))
        #expect(error.description == error.message)
    }

    @Test func eachReasonGivesItsOwnAdvice() {
        func message(_ code: Int32) -> String {
            StorageError(errno: code, action: .appendResponse, path: "responses/x.jsonl").message
        }
        #expect(message(ENOSPC).contains("free some space"))
        #expect(message(EFBIG).contains("ulimit -f"))
        #expect(message(EACCES).contains("you do not have permission to write to responses/x.jsonl"))
        #expect(message(EROFS).contains("read-only file system"))
        #expect(message(EIO).contains("input/output error"))
        #expect(message(ENAMETOOLONG).contains("errno \(ENAMETOOLONG)"))
    }

    @Test func aFailedCheckpointSaysTheEarlierAnswersAreKept() {
        let error = StorageError(errno: ENOSPC, action: .saveCheckpoint, path: "responses/.partial/R1.json",
                                 keptIn: "responses/.partial/R1.json")
        #expect(error.message.hasSuffix("the answers saved before this one are kept in responses/.partial/R1.json"))
    }
}
