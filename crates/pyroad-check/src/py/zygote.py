# --- zygote.py: the process that forks the spares (trusted: no learner code) ---
# The server forks the zygote once, right after start-up, and from then on
# never forks itself: every fork makes all of the forking process's pages
# copy-on-write again, and the server, which touches a lot of its heap per
# request, paid about 400 page faults per verdict for it. The zygote's loop is
# small. Protocol on a SOCK_SEQPACKET socket pair: the server sends
# "scratch\0cgroup" with the new spare's three pipe ends (SCM_RIGHTS) and gets
# "pid N" back; the zygote reaps its children and sends
# "exit PID STATUS UTIME STIME MAXRSS" for each.


def _fork_spare(scratch, cgroup, job_r, result_w, out_w):
    """Forks a spare child on the given pipe ends and returns its pid (in the
    child: sets it up and waits for its job, see `_spare_main`)."""
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            signal.signal(signal.SIGPIPE, signal.SIG_IGN)
            if cgroup:
                try:
                    with open(os.path.join(cgroup, "cgroup.procs"), "w") as f:
                        f.write(str(os.getpid()))
                except OSError:
                    pass
            # Move the sources above the targets first, so no dup2
            # overwrites a source it still needs.
            high = [fcntl.fcntl(fd, fcntl.F_DUPFD, 10)
                    for fd in (os.open(os.devnull, os.O_RDONLY), out_w, result_w, job_r)]
            os.dup2(high[0], 0)
            os.dup2(high[1], 1)
            os.dup2(high[1], 2)
            os.dup2(high[2], _RESULT_FD)
            os.dup2(high[3], _JOB_FD)
            os.closerange(_JOB_FD + 1, 1 << 16)
            _spare_main(globals())
        finally:
            os._exit(71)
    try:
        os.setpgid(pid, pid)
    except OSError:
        pass
    return pid


class _ExitUsage:
    def __init__(self, utime, stime, maxrss):
        self.ru_utime = utime
        self.ru_stime = stime
        self.ru_maxrss = maxrss


def _zygote_main(sock):
    """The zygote: a copy of the server taken before it served anything, that
    only forks spares (on the pipe ends the server sends with each command)
    and reports their exits. The server itself then never forks, so it takes
    no copy-on-write faults on its own pages after each fork; this process
    touches only its small loop. Exits when the server's end closes."""
    sel = selectors.PollSelector()
    sel.register(sock, selectors.EVENT_READ, None)
    while True:
        for key, _ in sel.select():
            if key.data is None:
                try:
                    msg, fds, _flags, _addr = socket.recv_fds(sock, 1 << 16, 3)
                except OSError:
                    msg, fds = b"", []
                if not msg:
                    os._exit(0)
                scratch, cgroup = msg.decode("utf-8", "surrogateescape").split("\0")
                try:
                    pid = _fork_spare(scratch, cgroup or None, *fds) if len(fds) == 3 else -1
                except OSError:  # out of processes or memory: the server gets no spare this time
                    pid = -1
                for fd in fds:
                    os.close(fd)
                if pid > 0:
                    try:
                        pidfd = os.pidfd_open(pid)
                    except OSError:  # cannot watch it, so it must not run
                        os.kill(pid, signal.SIGKILL)
                        os.waitpid(pid, 0)
                        pid = -1
                    else:
                        sel.register(pidfd, selectors.EVENT_READ, pid)
                sock.send(b"pid %d" % pid)
            else:
                sel.unregister(key.fd)
                os.close(key.fd)
                try:
                    _pid, status, ru = os.wait4(key.data, 0)
                except ChildProcessError:
                    status, ru = 0, None
                sock.send(b"exit %d %d %r %r %d" % (key.data, status, ru.ru_utime if ru else 0.0,
                                                     ru.ru_stime if ru else 0.0, ru.ru_maxrss if ru else 0))


def _start_zygote():
    """Forks the zygote; None where it cannot run (no pidfd_open, no
    SCM_RIGHTS): the server then forks its spares itself."""
    global _PROC_BASE
    if not (hasattr(os, "pidfd_open") and hasattr(socket, "send_fds")):
        return None, None
    try:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    except OSError:
        return None, None
    if _PROC_BASE:
        _PROC_BASE += 1  # the zygote is one more process of this user
    gc.collect()
    gc.freeze()
    pid = os.fork()
    if pid == 0:
        try:
            ours.close()
            null = os.open(os.devnull, os.O_RDWR)
            os.dup2(null, 0)
            os.dup2(null, 1)
            os.closerange(3, theirs.fileno())
            os.closerange(theirs.fileno() + 1, 1 << 16)
            _zygote_main(theirs)
        finally:
            os._exit(0)
    theirs.close()
    return pid, ours
