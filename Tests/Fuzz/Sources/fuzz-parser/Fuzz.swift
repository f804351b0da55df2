import MLPFuzzing

/// libFuzzer's entry point: one input, run through FuzzTarget.parser.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  FuzzTarget.parser.run(start, count)
  return 0
}
