import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary in a pseudo-terminal: a tmux session on a private socket, driven with send-keys and
/// read with capture-pane.
final class Tmux {
  let socket = "epuap-e2e-" + UUID().uuidString.prefix(8)
  let name = "w"

  /// Starts `command` (run by sh) in a new detached session of the given size.
  init(_ command: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
    let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
    // The first command forks the tmux server, which keeps its standard output: give it /dev/null, not a
    // pipe that would then never close.
    try tmux(
      ["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", "\(exports) \(command)"],
      capture: false)
    try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
  }

  deinit { _ = try? tmux(["kill-server"], capture: false) }

  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
    try Spawn.run(["tmux", "-L", socket] + arguments, capture: capture)
  }

  /// Key names as tmux knows them: "Enter", "Tab", "Down", "F2", "Escape", or letters.
  func send(_ keys: String...) throws {
    for key in keys {
      try tmux(["send-keys", "-t", name, key])
      usleep(30_000)
    }
  }

  /// Types text literally, Polish letters included.
  func type(_ text: String) throws {
    try tmux(["send-keys", "-t", name, "-l", text])
    usleep(50_000)
  }

  func screen(escapes: Bool = false) -> String {
    (try? tmux(["capture-pane", "-p", "-t", name] + (escapes ? ["-e"] : []))) ?? ""
  }

  /// The screen with the lines the terminal wrapped joined back, as the program printed them
  /// (a plain `print` after the wizard closes is wrapped by the terminal wherever column 80 falls).
  func unwrappedScreen() -> String {
    (try? tmux(["capture-pane", "-p", "-J", "-t", name])) ?? ""
  }

  /// Polls the screen until it contains `text`; returns whether it did within `seconds`.
  @discardableResult
  func waitFor(_ text: String, seconds: Double = 10) throws -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if screen().contains(text) { return true }
      usleep(50_000)
    }
    return false
  }

  var panePID: Int32 {
    get throws {
      Int32(
        try tmux(["display-message", "-p", "-t", name, "#{pane_pid}"]).trimmingCharacters(
          in: .whitespacesAndNewlines)) ?? 0
    }
  }

  var paneDead: Bool {
    get throws { try tmux(["display-message", "-p", "-t", name, "#{pane_dead}"]).hasPrefix("1") }
  }

  func resize(width: Int, height: Int) throws {
    try tmux(["resize-window", "-t", name, "-x", "\(width)", "-y", "\(height)"])
  }

  /// Starts `command` again in the same pane (after the previous one ended or was killed).
  func respawn(_ command: String, environment: [String: String] = [:]) throws {
    let exports = environment.map { "export \($0.key)='\($0.value)';" }.joined(separator: " ")
    try tmux(["respawn-pane", "-k", "-t", name, "\(exports) \(command)"], capture: false)
  }
}

/// Runs a program with posix_spawn and waitpid.
///
/// Foundation's `Process` can miss the exit of a client
/// whose daemon child lives on (tmux), so the end-to-end tests do without it.
enum Spawn {
  struct Failure: Error {}

  static func run(_ arguments: [String], capture: Bool) throws -> String {
    var pipe: [Int32] = [-1, -1]
    if capture { guard Glibc.pipe(&pipe) == 0 else { throw Failure() } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    if capture {
      posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
      posix_spawn_file_actions_addclose(&actions, pipe[0])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var environment = ProcessInfo.processInfo.environment
    environment["TERM"] = "xterm-256color"
    environment.removeValue(forKey: "TMUX")
    // Each test says whether it wants NO_COLOR; the runner's own setting must not leak into the panes.
    environment.removeValue(forKey: "NO_COLOR")
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    let argv = arguments.map { strdup($0) } + [nil]
    defer {
      envp.forEach { free($0) }
      argv.forEach { free($0) }
    }
    // Children start with no blocked signals and default handlers, whatever the test runner uses.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var empty = sigset_t()
    sigemptyset(&empty)
    var all = sigset_t()
    sigfillset(&all)
    posix_spawnattr_setsigmask(&attributes, &empty)
    posix_spawnattr_setsigdefault(&attributes, &all)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    if capture { close(pipe[1]) }
    guard status == 0 else {
      if capture { close(pipe[0]) }
      throw Failure()
    }
    var output: [UInt8] = []
    if capture {
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = read(pipe[0], &buffer, buffer.count)
        if count <= 0 { break }
        output += buffer[0..<count]
      }
      close(pipe[0])
    }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
    return String(decoding: output, as: UTF8.self)
  }
}
