import MLPScript

/// `kernel_info_request`: who this kernel is and what its language is.
extension Kernel {
  /// The language as Jupyter front ends need it: name, version, file extension, MIME type,
  /// and the highlighters that fit it. An exported notebook carries the same.
  public static let languageInfo: [String: JSON] = [
    "name": .string(Release.name),
    "version": .string(Release.version),
    "mimetype": .string(Release.mimeType),
    "file_extension": .string(Release.fileExtension),
    "pygments_lexer": .string(Release.pygmentsLexer),
    "codemirror_mode": .string(Release.codeMirrorMode),
  ]

  static let banner = """
    \(Release.nameAndVersion): build and train perceptrons and multilayer perceptrons from scratch.
    Type 'help' in a cell for the commands; Tab completes them, Shift-Tab explains one.
    """

  func kernelInfo(_ request: Message, on channel: Channel) {
    reply(to: request, on: channel, type: "kernel_info_reply", content: [
      "status": "ok",
      "protocol_version": .string(Message.protocolVersion),
      "implementation": .string(Release.name),
      "implementation_version": .string(Release.version),
      "language_info": .object(Self.languageInfo),
      "banner": .string(Self.banner),
      "help_links": [],
      "debugger": false,
    ])
  }
}
