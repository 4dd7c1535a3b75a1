import TouchpointFuzz

// fuzz/run.sh validate SECONDS fuzzes this; a plain build replays the files named: FuzzValidate FILE...
FuzzEntry.main { data, size in
    ValidateHarness.run(FuzzEntry.bytes(data, size))
    return 0
}
