import TouchpointFuzz

// fuzz/run.sh responses SECONDS fuzzes this; a plain build replays the files named: FuzzResponses FILE...
FuzzEntry.main { data, size in
    ResponsesHarness.run(FuzzEntry.bytes(data, size))
    return 0
}
