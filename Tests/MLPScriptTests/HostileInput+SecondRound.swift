import Foundation

extension HostileInput {
  /// The rows issue 17 added: hostile numbers in options and files, empty and mismatched
  /// images, learning rates that would not survive a save. Each is in its section's table.
  static let secondRound: [HostileInput] = secondRoundSizes + secondRoundText + secondRoundDataFiles + secondRoundModelFiles

  static let secondRoundSizes: [HostileInput] = [
    HostileInput(section: .sizes, what: "label column beyond 2⁶⁴", input: "load csv \"DIR/l.csv\" label=99999999999999999999",
                 error: "error: label is too large: 99999999999999999999", files: ["l.csv": Array("1,2,0\n3,4,1\n".utf8)]),
    HostileInput(section: .sizes, what: "label column 2⁶³−1", input: "load csv \"DIR/l.csv\" label=9223372036854775807",
                 error: "error: label is too large: 9223372036854775807", files: ["l.csv": Array("1,2,0\n3,4,1\n".utf8)]),
    HostileInput(section: .sizes, what: "label column −(2⁶³−1)", input: "load csv \"DIR/l.csv\" label=-9223372036854775807",
                 error: "error: label is too large: -9223372036854775807", files: ["l.csv": Array("1,2,0\n3,4,1\n".utf8)]),
    HostileInput(section: .sizes, what: "a toy set of 2³¹ points", input: "data xor n=2147483648",
                 error: "error: xor of 2147483648 points would need 96 GiB of working memory; the limit is 1 GiB"),
    HostileInput(section: .sizes, what: "a toy set of 10¹⁵ points", input: "data moons n=999999999999999",
                 error: "error: moons of 999999999999999 points would need 42.6 PiB of working memory; the limit is 1 GiB"),
    HostileInput(section: .sizes, what: "a toy set of 10⁸ points", input: "data circles n=100000000",
                 error: "error: circles of 100000000 points would need 4.47 GiB of working memory; the limit is 1 GiB"),
    HostileInput(section: .sizes, what: "noise near Float's range", input: "data xor noise=3e38",
                 error: "error: noise must be between 0 and 1000, not 3e38"),
    HostileInput(section: .sizes, what: "a learning rate that is 0 in Float32", input: "mlp [2,4,2] lr=1e-46",
                 error: "error: lr must be at least 1e-30, not 1e-46"),
    HostileInput(section: .sizes, what: "a learning rate that is infinite in Float32", input: "mlp [2,4,2] lr=3.5e38",
                 error: "error: lr must be at most 1e30, not 3.5e38"),
    HostileInput(section: .sizes, what: "a learning rate setting beyond Float32", input: "set lr=1e300",
                 error: "error: lr must be at most 1e30, not 1e300"),
    HostileInput(section: .sizes, what: "a training rate beyond Float32", input: "train m digits lr=1e39",
                 error: "error: lr must be at most 1e30, not 1e39"),
    HostileInput(section: .sizes, what: "a perceptron's rate below the range", input: "perceptron 2 lr=1e-31",
                 error: "error: lr must be at least 1e-30, not 1e-31"),
    HostileInput(section: .sizes, what: "a swept rate beyond Float32", input: "sweep m digits lr=0.1,1e31",
                 error: "error: lr must be at most 1e30, not 1e31"),
  ]

  static let secondRoundText: [HostileInput] = [
    // H1: no "did you mean" table for a word far longer than any command (was a minute).
    HostileInput(section: .text, what: "a 10 MiB word as a command", input: String(repeating: "x", count: 10 << 20),
                 error: "error: unknown command '" + String(repeating: "x", count: 183) + "…"
                   + String(repeating: "x", count: 39) + "'", shown: "xxx…` (10 MiB of x)`"),
    // M5: characters that do not show, or reverse the line on screen, are named by code point.
    HostileInput(section: .text, what: "a right-to-left override", input: "mlp [2,2] \u{202E} relu",
                 error: "error: unexpected character U+202E", shown: "mlp [2,2] \\u{202E} relu"),
    HostileInput(section: .text, what: "a zero-width space", input: "mlp [2,2]\u{200B}",
                 error: "error: unexpected character U+200B", shown: "mlp [2,2]\\u{200B}"),
    HostileInput(section: .text, what: "a byte-order mark inside a line", input: "mlp [2,2] \u{FEFF}",
                 error: "error: unexpected character U+FEFF", shown: "mlp [2,2] \\u{FEFF}"),
    // M6: expectations that could never fail, or never pass.
    HostileInput(section: .text, what: "an expectation of empty text", input: "summary m\n# expect: \"\"",
                 error: "error: an expectation of empty text checks nothing"),
    HostileInput(section: .text, what: "a negative tolerance", input: "summary m\n# expect: parameters ≈ 650 ± -5",
                 error: "error: a tolerance must be at least 0, not -5"),
    // Cosmetic: names that `show` reads as keywords are not given to models.
    HostileInput(section: .commands, what: "a model named like a keyword of show", input: "sample = mlp [2,2]",
                 error: "error: 'sample' is a word 'show' reads, as in 'show sample'"),
    HostileInput(section: .commands, what: "a feature beyond Float32", input: "predict m [" + Array(repeating: "1e308", count: 64).joined(separator: ",") + "]",
                 error: "error: a feature must be within the range of 32-bit floats (about ±3.4e38), not 1e308",
                 shown: "predict m [1e308,1e308,…] (64 of them)"),
    HostileInput(section: .commands, what: "a figure into a folder", input: "plot m to=\"DIR/dir.svg\"",
                 error: "error: cannot write 'DIR/dir.svg': it is a folder, not a regular file; only a regular file is replaced",
                 files: ["dir.svg/readme": []]),
  ]

  static let secondRoundDataFiles: [HostileInput] = [
    HostileInput(section: .dataFiles, what: "CSV: a number beyond Float32", input: "load csv \"DIR/data.csv\"",
                 error: "error: 'DIR/data.csv', line 2, column 2: '1e39' is beyond the range of 32-bit floats (about ±3.4e38)",
                 files: ["data.csv": Array("1,2,0\n3,1e39,1\n".utf8)]),
    HostileInput(section: .dataFiles, what: "CSV: nan", input: "load csv \"DIR/data.csv\"",
                 error: "error: 'DIR/data.csv', line 2, column 1: 'nan' is not a finite number",
                 files: ["data.csv": Array("1,2,0\nnan,4,1\n".utf8)]),
    HostileInput(section: .dataFiles, what: "a script larger than 16 MiB", input: "run \"DIR/big.mlp\"",
                 error: "error: cannot read 'DIR/big.mlp': it is 16 MiB; a script is at most 16 MiB",
                 files: ["big.mlp": Array(repeating: 0, count: (16 << 20) + 1)]),
    HostileInput(section: .dataFiles, what: "IDX: images of 0×0 pixels", input: "load mnist from=\"DIR\"",
                 error: "error: 'DIR/train-images-idx3-ubyte' describes no data: its header announces images of 0x0 pixels",
                 files: mnist { $0["train-images-idx3-ubyte"] = idx(magic: 0x803, sizes: [3, 0, 0], body: []) }),
    HostileInput(section: .dataFiles, what: "IDX: no samples", input: "load mnist from=\"DIR\"",
                 error: "error: 'DIR/t10k-labels-idx1-ubyte' describes no data: its header announces no samples",
                 files: mnist {
                   $0["t10k-images-idx3-ubyte"] = idx(magic: 0x803, sizes: [0, 2, 2], body: [])
                   $0["t10k-labels-idx1-ubyte"] = idx(magic: 0x801, sizes: [0], body: [])
                 }),
    HostileInput(section: .dataFiles, what: "IDX: test images of another size", input: "load mnist from=\"DIR\"",
                 error: "error: 'DIR/train-images-idx3-ubyte' holds images of 2x2 pixels but 'DIR/t10k-images-idx3-ubyte' holds images of 1x1",
                 files: mnist { $0["t10k-images-idx3-ubyte"] = idx(magic: 0x803, sizes: [2, 1, 1], body: [9, 9]) }),
  ]

  static let secondRoundModelFiles: [HostileInput] = [
    HostileInput(section: .modelFiles, what: "layer sizes near 2⁶³, checksum right", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': its network would have more parameters than mlpsh can count",
                 files: ["m.json": modelFile(resign: true) {
                   $0.replacingOccurrences(of: "\"layerSizes\" : [\n        4,", with: "\"layerSizes\" : [\n        9223372036854775807,")
                 }]),
    HostileInput(section: .modelFiles, what: "a history near 2⁶³ samples, checksum right", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': it is not a valid model file: its history has 9223372036854775000 samples seen after 0 at iteration 1",
                 files: ["m.json": modelFile(resign: true) {
                   $0.replacingOccurrences(of: "{\"steps\":[]}", with: "{\"steps\":[{\"accuracy\":0.5,\"epoch\":1,\"examplesSeen\":9223372036854775000,\"loss\":1}]}")
                 }]),
    HostileInput(section: .modelFiles, what: "a learning rate of 10⁻⁴⁶, checksum right", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': it is not a valid model file: 'network.learningRate' is 1e-46, which a 32-bit float cannot hold",
                 files: ["m.json": modelFile(resign: true) {
                   $0.replacingOccurrences(of: "\"learningRate\" : 0.01", with: "\"learningRate\" : 1e-46")
                 }]),
    HostileInput(section: .modelFiles, what: "a damaged version digit", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': the file is damaged: its content has checksum bea57acd but it records 9a9da483; nothing was loaded",
                 files: ["m.json": modelFile { $0.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 7") }]),
    HostileInput(section: .modelFiles, what: "a version that is not whole", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': it is not a valid model file: its version 2.5 is not a whole number",
                 files: ["m.json": modelFile(resign: true) { $0.replacingOccurrences(of: "\"version\" : 3", with: "\"version\" : 2.5") }]),
    HostileInput(section: .modelFiles, what: "a negative seed, checksum right", input: "load \"DIR/m.json\"",
                 error: "error: cannot load a model from 'DIR/m.json': it is not a valid model file: 'seed' is -1, which is not a whole number from 0 to 18446744073709551615",
                 files: ["m.json": modelFile(resign: true) { $0.replacingOccurrences(of: "\"seed\" : 1", with: "\"seed\" : -1") }]),
  ]
}
