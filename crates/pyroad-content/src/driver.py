# pyroad content verify: runs a batch of snippets, each in a fresh forked
# child with its own working directory, real stdout/stderr files, stdin from
# /dev/null and an alarm as its time limit. Usage:
#   driver.py JOBS.json RESULTS.json TIMEOUT_SECONDS
# JOBS.json is a list of {"code": str}; RESULTS.json receives one
# {"stdout", "stderr", "status", "timed_out"} per job, in order.
import json
import os
import runpy
import signal
import sys
import traceback


def run_child(script, work, out_path, err_path, timeout):
    code = 1
    try:
        os.chdir(work)
        out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        nul = os.open(os.devnull, os.O_RDONLY)
        os.dup2(out, 1)
        os.dup2(err, 2)
        os.dup2(nul, 0)
        sys.argv = [script]
        sys.path[0] = work
        signal.alarm(timeout)
        try:
            runpy.run_path(script, run_name="__main__")
            code = 0
        except SystemExit as e:
            if e.code is None:
                code = 0
            elif isinstance(e.code, int):
                code = e.code
            else:
                print(e.code, file=sys.stderr)
                code = 1
        except BaseException:
            traceback.print_exc()
            code = 1
        sys.stdout.flush()
        sys.stderr.flush()
    finally:
        os._exit(code)


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def main():
    jobs_path, results_path, timeout = sys.argv[1], sys.argv[2], int(sys.argv[3])
    with open(jobs_path, encoding="utf-8") as f:
        jobs = json.load(f)
    base = os.path.dirname(os.path.abspath(jobs_path))
    results = []
    for i, job in enumerate(jobs):
        work = os.path.join(base, "job%d" % i)
        os.mkdir(work)
        script = os.path.join(work, "snippet.py")
        with open(script, "w", encoding="utf-8") as f:
            f.write(job["code"])
        out_path = os.path.join(base, "job%d.out" % i)
        err_path = os.path.join(base, "job%d.err" % i)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            run_child(script, work, out_path, err_path, timeout)
        _, status = os.waitpid(pid, 0)
        timed_out = os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGALRM
        if os.WIFEXITED(status):
            code = os.WEXITSTATUS(status)
        else:
            code = -os.WTERMSIG(status)
        results.append({
            "stdout": read(out_path),
            "stderr": read(err_path),
            "status": code,
            "timed_out": timed_out,
        })
    with open(results_path, "w", encoding="utf-8") as f:
        json.dump(results, f)


main()
