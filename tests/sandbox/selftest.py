#!/usr/bin/env python3
"""Self-test of the sandbox: real kubectl through the real sshd against k3sim,
for every command category Vigía relies on. Exits non-zero on the first failure.

  selftest.py                 run the checks (ctest: sandbox_kubectl)
  selftest.py --record DIR    also write kubectl's real output into DIR (tests/data)
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SANDBOX = os.path.join(HERE, "vigia-sandbox")
T0 = time.time()
FAILS = []


def log(msg):
    print(f"[{time.time() - T0:6.1f}s] {msg}", flush=True)


def check(cond, what, detail=""):
    if cond:
        log(f"ok   {what}")
    else:
        log(f"FAIL {what}\n{detail[-3000:]}")
        FAILS.append(what)
    return cond


class Box:
    def __init__(self, scenario, *extra):
        self.dir = tempfile.mkdtemp(prefix="vigia-selftest-")
        r = subprocess.run([sys.executable, SANDBOX, "start", "--dir", self.dir, "--scenario", scenario, *extra],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120)
        if r.returncode != 0:
            raise SystemExit(f"vigia-sandbox start failed:\n{r.stderr}")
        self.info = json.loads(r.stdout.strip().splitlines()[-1])

    def ssh(self, cmd, timeout=60):
        r = subprocess.run(["ssh", "-F", self.info["ssh_config"], "vigia-sandbox", cmd], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, timeout=timeout)
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")

    def local(self, argv, timeout=60, cache="kc-local"):
        env = dict(os.environ, KUBECONFIG=self.info["kubeconfig"], KUBECACHEDIR=os.path.join(self.dir, cache))
        r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, env=env)
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")

    def ctl(self, *args):
        r = subprocess.run([sys.executable, SANDBOX, "ctl", "--dir", self.dir, *args], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, timeout=30)
        if r.returncode != 0:
            raise SystemExit(f"ctl {args} failed: {r.stderr}")
        return r.stdout

    def audit(self):
        try:
            with open(self.info["audit_log"], encoding="utf-8") as f:
                return [json.loads(line) for line in f if line.strip()]
        except OSError:
            return []

    def stop(self):
        subprocess.run([sys.executable, SANDBOX, "stop", "--dir", self.dir], timeout=60)
        alive = [p for p in (self.info.get("sshd_pid"), self.info.get("api_pid")) if p and os.path.exists(f"/proc/{p}")
                 and open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0] != "Z"]
        check(not alive, "stop leaves no sandbox process", str(alive))
        shutil.rmtree(self.dir, ignore_errors=True)


def wait_for(fn, timeout, step=0.3):
    end = time.time() + timeout
    while time.time() < end:
        v = fn()
        if v:
            return v
        time.sleep(step)
    return fn()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--record", metavar="DIR", help="write recorded kubectl output into DIR")
    args = ap.parse_args()
    rec = args.record

    def save(name, text):
        if rec:
            os.makedirs(rec, exist_ok=True)
            with open(os.path.join(rec, name), "w", encoding="utf-8") as f:
                f.write(text)
            log(f"recorded {name} ({len(text)} bytes)")
    save.enabled = bool(rec)

    log("starting sandbox (joledev)")
    b = Box("joledev")
    try:
        run_joledev(b, save)
    finally:
        b.stop()
    log("starting sandbox (crashloop, --no-kubectl)")
    c = Box("crashloop", "--no-kubectl")
    try:
        run_crashloop(c, save)
    finally:
        c.stop()
    log(f"done: {len(FAILS)} failure(s) in {time.time() - T0:.1f}s")
    for f in FAILS:
        log(f"  failed: {f}")
    return 1 if FAILS else 0


def run_joledev(b, save):
    rc, out, err = b.ssh("kubectl get --raw /version")
    check(rc == 0 and "k3s" in json.loads(out or "{}").get("gitVersion", ""), "get --raw /version", out + err)

    rc, out, err = b.ssh("kubectl get pods -A -o json")
    ok = rc == 0
    pods = json.loads(out)["items"] if ok else []
    names = {(p["metadata"]["namespace"], p["metadata"]["name"].rsplit("-", 2)[0]) for p in pods}
    check(ok and len(pods) >= 10 and ("joledev", "web") in names and ("kube-system", "traefik") in names,
          f"get pods -A -o json ({len(pods)} pods)", err)
    save("pods-joledev.json", out)

    rc, out, err = b.ssh("kubectl get pods -A")
    check(rc == 0 and re.match(r"NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE", out) and "Running" in out,
          "get pods -A (server-side Table)", out + err)
    save("pods-joledev.txt", out)

    rc, out, err = b.ssh("kubectl get deploy,rs,ds,sts,nodes,events,pvc,pv,ns -A -o json")
    kinds = {i["kind"] for i in json.loads(out)["items"]} if rc == 0 else set()
    check({"Deployment", "ReplicaSet", "DaemonSet", "Node", "Event", "PersistentVolumeClaim",
           "PersistentVolume", "Namespace"} <= kinds, "list deployments, rs, ds, nodes, events, pvc, pv, ns",
          f"{kinds} {err}")
    rc, out, err = b.ssh("kubectl get deploy,nodes,pvc -A")
    check(rc == 0 and "UP-TO-DATE" in out and "control-plane" in out and "local-path" in out,
          "tables for deployments, nodes, pvc", out + err)

    # Watch: the initial list, then a change made by the simulator.
    p = subprocess.Popen(["ssh", "-F", b.info["ssh_config"], "vigia-sandbox",
                          "timeout 6 kubectl get pods -A --watch -o json --output-watch-events"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(2.5)
    b.ctl("touch", "--namespace", "joledev", "--pod", "gatus")
    out, err = p.communicate(timeout=30)
    text = out.decode()
    check('"ADDED"' in text and '"MODIFIED"' in text and "vigia.sim/touched" in text,
          "watch -o json --output-watch-events sees ADDED then MODIFIED", text[-500:] + err.decode())
    save("watch-pods.jsonl", text)

    rc, out, err = b.ssh("timeout 4 kubectl get pods -n joledev -w")
    check("NAME" in out and "web-" in out, "watch with table output", out + err)

    web = next(p["metadata"]["name"] for p in pods if p["metadata"]["name"].startswith("web-"))
    sched = next(p["metadata"]["name"] for p in pods if p["metadata"]["name"].startswith("api-scheduler-"))
    rc, out, err = b.ssh(f"kubectl logs -n joledev {web} --tail=5")
    lines = out.splitlines()
    check(rc == 0 and len(lines) == 5 and all("seq=" in x for x in lines), "logs --tail=5", out + err)
    rc, out, err = b.ssh(f"kubectl logs -n joledev {sched} -c api-scheduler --tail=3 --timestamps")
    check(rc == 0 and len(out.splitlines()) == 3 and all(
        re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z ", x) for x in out.splitlines()),
        "logs --timestamps (9-digit fraction), -c", out + err)
    rc, out, err = b.ssh(f"kubectl logs -n joledev {sched} -c migrate")
    check(rc == 0 and "migraciones" in out, "logs of an init container", out + err)
    since = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(time.time() - 3))
    rc, out, err = b.ssh(f"kubectl logs -n joledev {sched} --since-time={since} --timestamps")
    first = out.splitlines()[0][:20] if out.strip() else ""
    check(rc == 0 and out.strip() and first >= since[:19], "logs --since-time", out[:300] + err)
    rc, out, err = b.ssh(f"kubectl logs -n joledev {sched} --previous")
    check(rc != 0 and "previous terminated container" in err, "logs --previous without a previous container fails",
          out + err)
    rc, out, err = b.ssh(f"timeout 3 kubectl logs -n joledev {web} -f --tail=1")
    seqs = [int(m) for m in re.findall(r"seq=(\d+)", out)]
    check(len(seqs) >= 3 and seqs == list(range(seqs[0], seqs[0] + len(seqs))), f"logs -f streams ({len(seqs)} "
          f"consecutive lines)", out + err)

    rc, out, err = b.ssh(f"kubectl describe pod -n joledev {sched}")
    check(rc == 0 and "Init Containers:" in out and "Conditions:" in out and "Events:" in out, "describe pod",
          out + err)

    rc, out, err = b.ssh("kubectl top pods -A")
    check(rc == 0 and "MEMORY(bytes)" in out and "api-quoter" in out, "top pods -A", out + err)
    save("top-pods.txt", out)
    rc, out, err = b.ssh("kubectl top nodes")
    check(rc == 0 and "joledev-vps" in out and "MEMORY%" in out, "top nodes", out + err)

    # Rollouts and scale.
    n0 = len(b.audit())
    rc, out, err = b.ssh("kubectl rollout restart -n joledev deployment/web")
    au = b.audit()[n0:]
    check(rc == 0 and len(au) == 1 and au[0]["method"] == "PATCH" and "kubectl.kubernetes.io/restartedAt" in
          json.dumps(au[0]["body"]) and au[0]["content_type"] == "application/strategic-merge-patch+json",
          "rollout restart: one strategic-merge PATCH in the audit", json.dumps(au) + err)
    rc, out, err = b.ssh("kubectl rollout status -n joledev deployment/web --timeout=40s")
    check(rc == 0 and "successfully rolled out" in out, "rollout status", out + err)
    rc, out, err = b.ssh("kubectl rollout history -n joledev deployment/web")
    revs = re.findall(r"^(\d+)\s", out, re.M)
    check(rc == 0 and len(revs) >= 4, f"rollout history ({len(revs)} revisions)", out + err)
    n0 = len(b.audit())
    rc, out, err = b.ssh("kubectl rollout undo -n joledev deployment/web --to-revision=2")
    au = b.audit()[n0:]
    check(rc == 0 and au and au[-1]["content_type"] == "application/json-patch+json", "rollout undo (JSON patch)",
          out + err + json.dumps(au)[:500])
    rc, out, err = b.ssh("kubectl rollout status -n joledev deployment/web --timeout=40s")
    rc2, img, _ = b.ssh("kubectl get deploy -n joledev web -o jsonpath='{.spec.template.spec.containers[0].image}'")
    check(rc == 0 and img.endswith("2026.10.30"), f"undo restores revision 2's template ({img})", out + err)
    n0 = len(b.audit())
    rc, out, err = b.ssh("kubectl scale -n joledev deployment/web --replicas=2")
    au = b.audit()[n0:]
    check(rc == 0 and au and au[-1]["path"].endswith("/deployments/web/scale"), "scale: PATCH on /scale", out + err)

    def two_ready():
        r, o, _ = b.ssh("kubectl get deploy -n joledev web -o jsonpath='{.status.readyReplicas}'")
        return o.strip() == "2"
    check(wait_for(two_ready, 15), "scale reaches 2 ready replicas")

    # Faults.
    b.ctl("api-error", "500", "--count", "1")
    rc, out, err = b.ssh("kubectl get pods -A")
    check(rc != 0 and ("InternalError" in err or "Internal Server Error" in err), "api-error 500 surfaces", err)
    b.ctl("metrics", "off")
    rc, out, err = b.ssh("kubectl top pods -A")
    check(rc != 0 and "Metrics API not available" in err, "metrics off: top says Metrics API not available", err)
    b.ctl("metrics", "on")
    b.ctl("api-stop")
    time.sleep(0.3)
    rc, out, err = b.ssh("kubectl get pods -A")
    check(rc != 0 and "refused" in err, "api-stop: connection refused", err)
    b.ctl("api-start")
    rc, out, err = b.ssh("kubectl get pods -A -o name")
    check(rc == 0 and "pod/" in out, "api-start: back", err)
    b.ctl("node-notready")
    rc, out, err = b.ssh("kubectl get nodes")
    check("NotReady" in out, "node-notready", out + err)
    b.ctl("node-ready")

    if save.enabled:
        # Extra recordings for later parsers (metrics, workloads, events, describe, logs).
        for name, cmd in [("podmetrics.json", "kubectl get --raw /apis/metrics.k8s.io/v1beta1/pods"),
                          ("nodemetrics.json", "kubectl get --raw /apis/metrics.k8s.io/v1beta1/nodes"),
                          ("workloads-joledev.json", "kubectl get deploy,sts,ds,rs -A -o json"),
                          ("nodes-joledev.json", "kubectl get nodes -o json"),
                          ("events-joledev.json", "kubectl get events -A -o json"),
                          ("top-nodes.txt", "kubectl top nodes"),
                          ("describe-pod.txt", f"kubectl describe pod -n joledev {sched}"),
                          ("logs-api-scheduler.txt", f"kubectl logs -n joledev {sched} -c api-scheduler --tail=40 "
                                                     f"--timestamps"),
                          ("rollout-history-web.txt", "kubectl rollout history -n joledev deployment/web")]:
            rc, out, err = b.ssh(cmd)
            if check(rc == 0, f"record {name}", err):
                save(name, out)

    # kubectl 1.32 directly (the dispatcher picks 1.31 for a 1.31 server).
    k132 = shutil.which("kubectl.1.32") or "/usr/lib/google-cloud-sdk/bin/kubectl.1.32"
    if os.path.exists(k132):
        rc, out, err = b.local([k132, "get", "pods", "-A", "-o", "json"], cache="kc132")
        check(rc == 0 and len(json.loads(out)["items"]) >= 10, "kubectl 1.32: get pods -A -o json", err)
        rc, out, err = b.local([k132, "logs", "-n", "joledev", sched, "--tail=2", "--timestamps"], cache="kc132")
        check(rc == 0 and len(out.splitlines()) == 2, "kubectl 1.32: logs", out + err)
        rc, out, err = b.local([k132, "rollout", "status", "-n", "joledev", "deployment/web", "--timeout=30s"],
                               cache="kc132")
        check(rc == 0 and "successfully" in out, "kubectl 1.32: rollout status", out + err)
        rc, out, err = b.local([k132, "top", "pods", "-n", "joledev"], cache="kc132")
        check(rc == 0 and "MEMORY" in out, "kubectl 1.32: top pods", out + err)
    else:
        log("skip kubectl 1.32: not installed")

    # Debian's kubernetes-client (1.20) when present: installed, or unpacked into the cache with
    # `apt-get download kubernetes-client && dpkg -x` (VIGIA_KUBECTL_OLD overrides the path).
    old = os.environ.get("VIGIA_KUBECTL_OLD") or os.path.expanduser(
        "~/.cache/vigia/kubectl-deb/root/usr/bin/kubectl")
    if os.path.exists(old):
        rc, out, err = b.local([old, "--cache-dir", os.path.join(b.dir, "kc120"), "version", "--client", "--short"])
        v = out.strip().replace("Client Version: ", "")
        rc, out, err = b.local([old, "--cache-dir", os.path.join(b.dir, "kc120"), "get", "pods", "-A"])
        check(rc == 0 and "STATUS" in out, f"kubectl {v}: get pods -A (table)", out + err)
        rc, out, err = b.local([old, "--cache-dir", os.path.join(b.dir, "kc120"), "get", "pods", "-A", "-o", "json"])
        check(rc == 0 and len(json.loads(out)["items"]) >= 10, f"kubectl {v}: get pods -A -o json", err)
        rc, out, err = b.local([old, "--cache-dir", os.path.join(b.dir, "kc120"), "logs", "-n", "joledev", sched,
                                "-c", "api-scheduler", "--tail=2"])
        check(rc == 0 and len(out.splitlines()) == 2, f"kubectl {v}: logs -c --tail", out + err)
        rc, out, err = b.local([old, "--cache-dir", os.path.join(b.dir, "kc120"), "top", "nodes"])
        check(rc == 0 and "joledev-vps" in out, f"kubectl {v}: top nodes", out + err)
    else:
        log("skip kubectl 1.20: Debian's kubernetes-client not found")

    # A rollout that the simulator makes fail: new pods crash-loop, the deadline passes.
    b.ctl("next-rollout-crash", "--deployment", "api-quoter", "--deadline", "6")
    rc, out, err = b.ssh("kubectl rollout restart -n joledev deployment/api-quoter")
    rc, out, err = b.ssh("kubectl rollout status -n joledev deployment/api-quoter --timeout=40s")
    check(rc != 0 and "exceeded its progress deadline" in err, "crashing rollout ends in ProgressDeadlineExceeded",
          out + err)
    rc, out, err = b.ssh("kubectl get pods -n joledev -l app=api-quoter")
    check("CrashLoopBackOff" in out or "Error" in out, "the new api-quoter pod crash-loops", out)


def run_crashloop(c, save):
    rc, out, err = c.ssh("command -v kubectl")
    check(rc != 0, "--no-kubectl: kubectl is not on PATH", out)
    rc, out, err = c.ssh("k3s kubectl get pods -A -o json")
    check(rc == 0, "k3s kubectl get pods -A -o json", err)
    save("pods-crashloop.json", out)
    pods = json.loads(out)["items"] if rc == 0 else []
    rc, out, err = c.ssh("k3s kubectl get pods -A")
    save("pods-crashloop.txt", out)
    rows = {}
    for line in out.splitlines()[1:]:
        f = line.split()
        if len(f) >= 4:
            rows[(f[0], f[1])] = f[3]
    sched = next((k for k in rows if k[0] == "joledev" and k[1].startswith("api-scheduler-")), None)
    check(sched and rows[sched] == "CrashLoopBackOff", "api-scheduler in CrashLoopBackOff", out)
    bad = [(p["metadata"]["name"], p["metadata"]["annotations"]["vigia.dev/expected-status"], rows.get(
        ("zoo", p["metadata"]["name"]))) for p in pods if p["metadata"]["namespace"] == "zoo" and
        rows.get(("zoo", p["metadata"]["name"])) != p["metadata"]["annotations"]["vigia.dev/expected-status"]]
    zoo = [p for p in pods if p["metadata"]["namespace"] == "zoo"]
    check(len(zoo) >= 20 and not bad, f"zoo: kubectl's STATUS matches the expected status for {len(zoo)} pods",
          str(bad))
    if sched:
        rc, out, err = c.ssh(f"k3s kubectl logs -n joledev {sched[1]} --previous")
        check(rc == 0 and out.rstrip().splitlines()[-1].startswith("\t/usr/local/go/src/net/http/server.go") and
              "panic:" in out, "logs --previous ends in a Go panic", out[-500:] + err)
        rc, out, err = c.ssh(f"timeout 5 k3s kubectl logs -n joledev {sched[1]} -f")
        check(rc == 0 and "panic:" in out, "logs -f on a CrashLoopBackOff container serves the last run and ends",
              out[-300:] + err)
        rc, out, err = c.ssh(f"k3s kubectl get pod -n joledev {sched[1]} -o jsonpath="
                             "'{.status.containerStatuses[0].lastState.terminated.reason}'")
        check(out.strip() == "OOMKilled", "lastState.terminated.reason is OOMKilled", out + err)


if __name__ == "__main__":
    sys.exit(main())
