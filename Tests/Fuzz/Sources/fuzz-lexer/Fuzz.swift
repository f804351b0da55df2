import MLPFuzzing

/// libFuzzer's entry point: one input, run through FuzzTarget.lexer.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
  FuzzTarget.lexer.run(start, count)
  return 0
}
