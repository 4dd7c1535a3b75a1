import Foundation
import Testing
import TouchpointCore

@Suite struct SHA256Tests {
    @Test func theEmptyInputHasTheStandardDigest() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func abcHasTheStandardDigest() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func theTwoBlock448BitMessageHasTheStandardDigest() {
        let message = Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)
        #expect(SHA256.hex(message) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test func the896BitMessageHasTheStandardDigest() {
        let message = Array(("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
            + "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu").utf8)
        #expect(SHA256.hex(message) == "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1")
    }

    @Test func aMillionLettersAHaveTheStandardDigest() {
        let message = [UInt8](repeating: 0x61, count: 1_000_000)
        #expect(SHA256.hex(message) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func theDigestIsThirtyTwoBytes() {
        #expect(SHA256.digest(Array("abc".utf8)).count == 32)
        #expect(SHA256.digest(Array("abc".utf8)).prefix(4) == [0xba, 0x78, 0x16, 0xbf])
    }

    /// Lengths around the 55/56/64-byte padding boundaries, where hand-written padding usually breaks.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum")),
          arguments: [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 70_001])
    func matchesSha256sumOnAFile(length: Int) throws {
        let folder = try TemporaryFolder()
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let path = folder.file("sample.bin")
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = [path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        #expect(process.terminationStatus == 0)
        #expect(printed.split(separator: " ").first.map(String.init) == SHA256.hex(bytes))
    }
}
