import Foundation

/// Runs a program and waits for it, on a thread of its own (never a Swift concurrency thread),
/// in its own process group so that a timeout ends it and every process it started.
/// (Foundation's `Process` is avoided: on Linux its child monitoring stalled concurrent work here.)
enum ChildProcess {
    struct Failed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `executable` with exactly `environment` ("NAME=value"), nothing inherited.
    static func run(_ executable: String, _ arguments: [String], environment: [String], timeout: Duration) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            Thread.detachNewThread {
                continuation.resume(with: Result { try runBlocking(executable, arguments, environment: environment, timeout: timeout) })
            }
        }
    }

    private static func runBlocking(_ executable: String, _ arguments: [String], environment: [String], timeout: Duration) throws {
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else { throw Failed(description: "\(executable) could not be started (error \(spawned))") }
        let deadline = ContinuousClock.now + timeout
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done == -1, errno != EINTR { throw Failed(description: "waiting for \(executable) failed") }
            if ContinuousClock.now > deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                throw Failed(description: "\(executable) took longer than \(timeout)")
            }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)  // anything it left behind in its group
        let exitCode = (status >> 8) & 0xFF
        guard status & 0x7F == 0, exitCode == 0 else { throw Failed(description: "\(executable) failed (status \(status))") }
    }
}
