@preconcurrency import Glibc
import Testing
import TestSupport

/// The pseudo-terminal harness itself, on standard programs.
@Suite("PseudoTerminal")
struct PseudoTerminalTests {
    private func shell(_ script: String, directory: String? = nil, columns: Int = 80, rows: Int = 24) throws -> PseudoTerminal {
        try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", script], currentDirectory: directory, columns: columns, rows: rows)
    }

    @Test func aLineTypedIsReadByTheChild() throws {
        let terminal = try shell("printf 'name? '; read x; echo got:$x")
        try terminal.expect("name? ")
        try terminal.send("ada\r")
        try terminal.expect("got:ada")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func catEchoesWhatIsTypedUntilControlD() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        try terminal.send("one\r")
        try terminal.expect("one\r\none\r\n")
        try terminal.send(PseudoTerminal.Key.controlD)
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func theChildHasTheTerminalAsStandardInputOutputAndError() throws {
        let terminal = try shell("test -t 0 && test -t 1 && test -t 2 && echo all-terminals")
        try terminal.expect("all-terminals")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func controlCInterruptsTheChildThroughItsControllingTerminal() throws {
        let terminal = try PseudoTerminal(executable: "/bin/cat")
        try terminal.send("ready\r")
        try terminal.expect("ready\r\nready\r\n")
        try terminal.send(PseudoTerminal.Key.controlC)
        #expect(try terminal.waitForExit() == 128 + SIGINT)
    }

    @Test func theExitStatusIsReported() throws {
        let terminal = try shell("exit 7")
        #expect(try terminal.waitForExit() == 7)
    }

    @Test func theWindowSizeIsSetAndCanChange() throws {
        let terminal = try shell("stty size; read x; stty size", columns: 100, rows: 30)
        try terminal.expect("30 100")
        try terminal.setWindowSize(columns: 50, rows: 20)
        try terminal.send("\r")
        try terminal.expect("20 50")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func theChildRunsInTheGivenDirectoryWithTheGivenEnvironment() throws {
        let directory = try TemporaryDirectory()
        let terminal = try PseudoTerminal(executable: "/bin/sh", arguments: ["-c", "pwd; echo value=$GREETING"],
                                          environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"],
                                          currentDirectory: directory.path)
        try terminal.expect(directory.path)
        try terminal.expect("value=hello")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func expectTimesOutWithTheTranscriptInTheFailure() throws {
        let terminal = try shell("echo something else; sleep 30")
        try terminal.expect("something")
        do {
            try terminal.expect("never printed", timeout: .milliseconds(300))
            Issue.record("expect should have timed out")
        } catch let failure as PseudoTerminal.Failure {
            #expect(failure.description.contains("never printed"))
            #expect(failure.description.contains("something else"))
        }
    }

    @Test func expectFailsAtOnceWhenTheChildExitsWithoutTheText() throws {
        let terminal = try shell("echo bye")
        // It fails because the child exited, not because the timeout ran out.
        let failure = #expect(throws: PseudoTerminal.Failure.self) {
            try terminal.expect("never printed", timeout: .seconds(20))
        }
        #expect(failure?.message.hasPrefix("the program exited") == true, "\(failure.map(String.init(describing:)) ?? "")")
    }

    @Test func expectMovesPastEachMatch() throws {
        let terminal = try shell("echo A1; echo A2")
        let first = try terminal.expect("A")
        let second = try terminal.expect("A")
        #expect(first.hasSuffix("A"))
        #expect(second.contains("1"))
        try terminal.expect("2")
    }

    @Test func theChildIsKilledWhenTheTerminalGoesAway() throws {
        var terminal: PseudoTerminal? = try shell("echo ready; sleep 30")
        try terminal?.expect("ready")
        let pid = terminal?.processID ?? 0
        terminal = nil
        #expect(kill(pid, 0) == -1 && errno == ESRCH)
    }

    @Test func theTerminalModeTheChildSetsCanBeInspected() throws {
        let terminal = try shell("echo before; read x; stty raw -echo; echo switched; read y")
        try terminal.expect("before")
        #expect(terminal.isInCookedMode)
        try terminal.send("\r")
        try terminal.expect("switched")
        #expect(!terminal.isInCookedMode)
        try terminal.send("\n")
        #expect(try terminal.waitForExit() == 0)
    }
}
