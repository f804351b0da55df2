import Foundation
import Testing
@testable import MLPKernel

@Suite struct KernelSpecTests {
  func temporaryFolder() -> String {
    let folder = NSTemporaryDirectory() + "mlpsh-kernelspec-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    return folder
  }

  @Test func installsKernelJSONAndLogosAndUninstalls() throws {
    let prefix = temporaryFolder()
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let data = KernelSpec.dataFolder(.prefix(prefix), environment: [:])
    #expect(data == prefix + "/share/jupyter")
    let spec = try KernelSpec(name: "mlpsh-class", displayName: "mlpsh (class)", binary: "/opt/bin/mlpsh")
    let folder = try spec.install(into: data)
    #expect(folder == data + "/kernels/mlpsh-class")
    let json = try #require(JSON.decode(try Data(contentsOf: URL(fileURLWithPath: folder + "/kernel.json"))))
    #expect(json["argv"] == ["/opt/bin/mlpsh", "kernel", "-f", "{connection_file}"])
    #expect(json["display_name"] == "mlpsh (class)")
    #expect(json["language"] == "mlpsh")
    #expect(json["interrupt_mode"] == "signal")
    for (file, size) in [("logo-32x32.png", 32), ("logo-64x64.png", 64)] {
      let png = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + file))
      #expect(png.prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
      #expect(Array(png[16..<24]) == [0, 0, 0, UInt8(size), 0, 0, 0, UInt8(size)])
    }
    #expect(try String(contentsOfFile: folder + "/logo-svg.svg", encoding: .utf8).contains("<svg"))
    try KernelSpec.uninstall(name: "mlpsh-class", from: data)
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(throws: KernelError.kernelSpec("no kernelspec 'mlpsh-class' in '\(data)/kernels'")) {
      try KernelSpec.uninstall(name: "mlpsh-class", from: data)
    }
  }

  @Test func theUsersFolderFollowsJupytersRules() {
    #expect(KernelSpec.dataFolder(.user, environment: ["HOME": "/home/ada"]) == "/home/ada/.local/share/jupyter")
    #expect(KernelSpec.dataFolder(.user, environment: ["HOME": "/home/ada", "XDG_DATA_HOME": "/x"]) == "/x/jupyter")
    #expect(KernelSpec.dataFolder(.user, environment: ["JUPYTER_DATA_DIR": "/j", "XDG_DATA_HOME": "/x"]) == "/j")
    #expect(KernelSpec.dataFolder(.sysPrefix("/venv"), environment: [:]) == "/venv/share/jupyter")
  }

  @Test func refusesNamesJupyterWouldNot() {
    #expect(throws: KernelError.self) { try KernelSpec(name: "my kernel", binary: "/b") }
    #expect(throws: KernelError.self) { try KernelSpec(name: "../up", binary: "/b") }
    #expect(throws: KernelError.self) { try KernelSpec(name: "", binary: "/b") }
    #expect(throws: KernelError.self) { try KernelSpec(name: "..", binary: "/b") }
    #expect(throws: KernelError.self) { try KernelSpec(name: ".", binary: "/b") }
    #expect(!KernelSpec.isValidName("-_."))
    #expect(KernelSpec.isValidName("mlpsh_2.0-class"))
  }

  @Test func theLogoIsOpaqueInsideAndClearAtTheCorners() {
    let pixels = KernelLogo.pixels(size: 64)
    func alpha(_ x: Int, _ y: Int) -> UInt8 { pixels[(y * 64 + x) * 4 + 3] }
    #expect(alpha(0, 0) == 0 && alpha(63, 63) == 0)
    #expect(alpha(32, 5) == 255)
    // A unit's centre is white.
    #expect(Array(pixels[(32 * 64 + 32) * 4..<(32 * 64 + 32) * 4 + 4]) == [255, 255, 255, 255])
  }
}

@Suite struct ConnectionInfoTests {
  static let good = """
    {"shell_port": 53794, "iopub_port": 53795, "stdin_port": 53796, "control_port": 53797, "hb_port": 53798,
     "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "mlpsh"}
    """

  @Test func readsAJupyterConnectionFile() throws {
    let info = try ConnectionInfo(json: Data(Self.good.utf8))
    #expect(info.endpoint(info.shellPort) == "tcp://127.0.0.1:53794")
    #expect(info.heartbeatPort == 53798 && info.key == "k")
    var ipc = try ConnectionInfo(json: Data(Self.good.replacingOccurrences(of: "\"tcp\"", with: "\"ipc\"").utf8))
    ipc.ip = "/tmp/kernel"
    #expect(ipc.endpoint(5) == "ipc:///tmp/kernel-5")
    var six = info
    six.ip = "::1"
    #expect(six.endpoint(1) == "tcp://[::1]:1")
  }

  @Test func refusesWhatItCannotUse() {
    func reason(_ text: String) -> String? {
      do {
        _ = try ConnectionInfo(json: Data(text.utf8), path: "c.json")
        return nil
      } catch {
        return "\(error)"
      }
    }
    #expect(reason("[]") == "cannot use the connection file 'c.json': it is not a JSON object")
    #expect(reason(Self.good.replacingOccurrences(of: "53794", with: "70000"))
            == "cannot use the connection file 'c.json': 'shell_port' is 70000, not a port from 1 to 65535")
    #expect(reason(Self.good.replacingOccurrences(of: "53794", with: "99999999999999999999"))
            == "cannot use the connection file 'c.json': 'shell_port' is missing or not a whole number")
    #expect(reason(Self.good.replacingOccurrences(of: "hmac-sha256", with: "hmac-md5"))
            == "cannot use the connection file 'c.json': signature scheme 'hmac-md5' should be hmac-sha256")
    #expect(reason(Self.good.replacingOccurrences(of: "\"tcp\"", with: "\"udp\""))
            == "cannot use the connection file 'c.json': transport 'udp' should be tcp or ipc")
    #expect(throws: KernelError.connectionFile(path: "/nonexistent/c.json", reason: "no such file")) {
      try ConnectionInfo(contentsOf: "/nonexistent/c.json")
    }
  }
}
