import TouchpointFuzz

// fuzz/run.sh pattern SECONDS fuzzes this; a plain build replays the files named: FuzzPattern FILE...
FuzzEntry.main { data, size in
    PatternHarness.run(FuzzEntry.bytes(data, size))
    return 0
}
