import Glibc

/// The process's limit on open descriptors, which bounds how many connections the server can hold.
public enum OpenFileLimit {
    /// The most a soft limit is raised to when the hard limit is unlimited (Linux's default `nr_open`).
    static let ceiling: rlim_t = 1 << 20

    /// Raises the soft limit to the hard one (an idle connection costs a descriptor and little memory, and
    /// the default soft limit of 1,024 would let a thousand silent sockets fill the server); returns the
    /// soft limit in force afterwards.
    @discardableResult
    public static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(resource, &limit) == 0 else { return 1024 }
        let wanted = min(limit.rlim_max, ceiling)
        if limit.rlim_cur < wanted {
            var raised = limit
            raised.rlim_cur = wanted
            if setrlimit(resource, &raised) == 0 { limit = raised }
        }
        return Int(min(limit.rlim_cur, ceiling))
    }

    private static var resource: __rlimit_resource_t {
        __rlimit_resource_t(RLIMIT_NOFILE.rawValue)
    }
}
