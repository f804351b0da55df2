import MLPFuzzing

/// libFuzzer's entry point: one input, run through FuzzTarget.interpreter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  FuzzTarget.interpreter.run(start, count)
  return 0
}
