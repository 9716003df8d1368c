#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Finds a program the way a shell does, on the `PATH` of the environment it will run with.
enum ExecutableSearch {
  /// The first executable file called `name` in the folders of `PATH` (an empty entry is the current
  /// folder); nil when there is none.
  static func find(_ name: String, environment: [String: String]) -> String? {
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for folder in path.split(separator: ":", omittingEmptySubsequences: false) {
      let candidate = (folder.isEmpty ? "." : String(folder)) + "/" + name
      var info = stat()
      if stat(candidate, &info) == 0, info.st_mode & S_IFMT != S_IFDIR, access(candidate, X_OK) == 0 {
        return candidate
      }
    }
    return nil
  }
}
