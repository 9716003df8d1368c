import EpuapDomain

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Runs a program to its end with `posix_spawn`, reading what it writes to stdout and stderr together.
///
/// Enough for `lp`: no input (stdin is `/dev/null`), output collected whole, exit status returned.
/// Foundation's `Process` would do the same but brings all of Foundation into the binary.
enum ChildProcess {
  /// What the program wrote and how it ended.
  struct Outcome {
    /// The exit code, or -1 when the program was ended by a signal.
    var status: Int32
    var output: [UInt8]
    /// It did not finish within the time given and was killed (`status` is then -1).
    var timedOut = false
  }

  /// Runs `executable` with `arguments` and `environment`; throws the `errno` text when it cannot start.
  ///
  /// With `timeout`, a program that has not finished by then is killed: a CUPS server that does not answer
  /// must not hold the wizard.
  static func run(
    executable: String, arguments: [String], environment: [String: String], timeout: Duration? = nil
  ) throws(StartFailure) -> Outcome {
    var pipeEnds: [Int32] = [0, 0]
    guard pipe(&pipeEnds) == 0 else { throw StartFailure(code: errno) }
    let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])
    _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
    posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
    posix_spawn_file_actions_addclose(&actions, writeEnd)

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }

    var pid = pid_t()
    var started = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    // A program written a moment ago (a script put in place of lpstat) is „busy” while any process still
    // holds it open for writing, such as a child another thread started meanwhile, which inherited the
    // writer's descriptor until its own exec: tried again for up to 0.2 s.
    for _ in 0..<20 where started == ETXTBSY {
      usleep(10_000)
      started = posix_spawn(&pid, executable, &actions, nil, argv, envp)
    }
    close(writeEnd)
    guard started == 0 else {
      close(readEnd)
      throw StartFailure(code: started)
    }

    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    let clock = ContinuousClock()
    let deadline = timeout.map { clock.now + $0 }
    var timedOut = false
    while true {
      if let deadline {
        let left = clock.now.duration(to: deadline)
        guard left > .zero else {
          timedOut = true
          break
        }
        var ready = pollfd(fd: readEnd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: left.components.seconds * 1000 + 1)
        if poll(&ready, 1, milliseconds) <= 0 { continue }  // EINTR or not yet: the deadline decides
      }
      let count = chunk.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
      if count < 0, errno == EINTR { continue }
      if count <= 0 { break }
      output += chunk[..<count]
    }
    if timedOut { kill(pid, SIGKILL) }
    close(readEnd)

    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0, errno == EINTR {}
    let exited = status & 0x7F == 0
    return Outcome(
      status: exited && !timedOut ? (status >> 8) & 0xFF : -1, output: output, timedOut: timedOut)
  }

  /// The program could not be started; `code` is the `errno` value.
  struct StartFailure: Error, CustomStringConvertible {
    var code: Int32
    var description: String { SystemErrorText.polish(code) }
  }
}
