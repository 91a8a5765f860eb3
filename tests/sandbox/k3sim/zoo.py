"""Namespace `zoo`: one static pod per STATUS that kubectl prints, so the
client's status logic can be checked against kubectl's own STATUS column.
Their statuses are written as the kubelet would report them and never move."""
import hashlib

from logs import RunLog
from sim import CtRt, PodRt
from store import now_ts

IMG = "docker.io/library/busybox:1.36"


def cid(s):
    return "containerd://" + hashlib.sha256(s.encode()).hexdigest()


def running(t):
    return {"running": {"startedAt": now_ts(t)}}


def waiting(reason, msg=None):
    w = {"reason": reason}
    if msg:
        w["message"] = msg
    return {"waiting": w}


def terminated(reason, code, t0, t1, signal=None):
    d = {"exitCode": code, "startedAt": now_ts(t0), "finishedAt": now_ts(t1), "containerID": cid(f"{reason}{t0}")}
    if reason:
        d["reason"] = reason
    if signal:
        d["signal"] = signal
    return {"terminated": d}


def cs(name, state, ready=False, restarts=0, last=None, started=None, image=IMG):
    s = {"name": name, "image": image, "imageID": "", "ready": ready, "restartCount": restarts,
         "state": state, "lastState": last or {}}
    if "waiting" not in state or last:
        s["containerID"] = cid(name + str(state))
        s["imageID"] = "docker.io/library/busybox@sha256:" + hashlib.sha256(image.encode()).hexdigest()
    s["started"] = bool(started if started is not None else "running" in state)
    return s


def conds(now, ready, initialized=True, scheduled=True, sched_reason=None, ready_reason="ContainersNotReady"):
    def c(typ, ok, reason=None):
        d = {"type": typ, "status": "True" if ok else "False", "lastProbeTime": None,
             "lastTransitionTime": now_ts(now - 600)}
        if reason and not ok:
            d["reason"] = reason
        return d
    if not scheduled:
        return [c("PodScheduled", False, sched_reason or "Unschedulable")]
    return [c("PodReadyToStartContainers", True), c("Initialized", initialized, "ContainersNotInitialized"),
            c("Ready", ready, ready_reason), c("ContainersReady", ready, ready_reason), c("PodScheduled", True)]


def seed(cl, now):
    store = cl.store
    store.create("namespaces", {"metadata": {"name": "zoo", "labels": {"kubernetes.io/metadata.name": "zoo"}},
                                "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}}, t=now - 86400)
    t0 = now - 3600
    hour = now - 3600
    P = []  # (name, expected STATUS, spec extras, status, metadata extras)

    def add(name, expect, containers, status, inits=None, meta=None, spec=None):
        P.append((name, expect, containers, status, inits or [], meta or {}, spec or {}))

    add("running", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, True), "containerStatuses": [cs("app", running(t0), True)]})
    add("running-restarted", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, True),
         "containerStatuses": [cs("app", running(now - 300), True, 3,
                                  terminated("Error", 1, now - 900, now - 301))]})
    add("running-not-ready", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", running(t0), False)]})
    add("pending-unschedulable", "Pending", ["app"],
        {"phase": "Pending", "conditions": [dict(conds(now, False, scheduled=False)[0],
                                                 message="0/1 nodes are available: 1 Insufficient memory. "
                                                         "preemption: 0/1 nodes are available: 1 No preemption "
                                                         "victims found for incoming pod.")]},
        spec={"nodeName": None})
    add("scheduling-gated", "SchedulingGated", ["app"],
        {"phase": "Pending", "conditions": [dict(conds(now, False, scheduled=False, sched_reason="SchedulingGated")[0],
                                                 message="Scheduling is blocked due to non-empty scheduling gates")]},
        spec={"nodeName": None, "schedulingGates": [{"name": "vigia.dev/hold"}]})
    add("container-creating", "ContainerCreating", ["app"],
        {"phase": "Pending", "conditions": conds(now, False),
         "containerStatuses": [cs("app", waiting("ContainerCreating"), False)]})
    add("crashloop", "CrashLoopBackOff", ["app"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", waiting("CrashLoopBackOff", "back-off 5m0s restarting failed container=app "
                                                 "pod=crashloop_zoo"), False, 12,
                                  terminated("Error", 1, now - 400, now - 390))]})
    add("oomkilled", "OOMKilled", ["app"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", terminated("OOMKilled", 137, now - 30, now - 2), False, 4,
                                  terminated("OOMKilled", 137, now - 200, now - 150))]})
    add("error", "Error", ["app"],
        {"phase": "Failed", "conditions": conds(now, False, ready_reason="PodFailed"),
         "containerStatuses": [cs("app", terminated("Error", 1, t0, t0 + 5), False)]},
        spec={"restartPolicy": "Never"})
    add("completed", "Completed", ["app"],
        {"phase": "Succeeded", "conditions": conds(now, False, ready_reason="PodCompleted"),
         "containerStatuses": [cs("app", terminated("Completed", 0, t0, t0 + 20), False)]},
        spec={"restartPolicy": "Never"})
    add("image-pull-backoff", "ImagePullBackOff", ["app"],
        {"phase": "Pending", "conditions": conds(now, False),
         "containerStatuses": [cs("app", waiting("ImagePullBackOff", 'Back-off pulling image "ghcr.io/joledev/'
                                                 'privado:v9"'), False, image="ghcr.io/joledev/privado:v9")]})
    add("err-image-pull", "ErrImagePull", ["app"],
        {"phase": "Pending", "conditions": conds(now, False),
         "containerStatuses": [cs("app", waiting("ErrImagePull", "rpc error: code = NotFound desc = failed to pull "
                                                 "and unpack image"), False, image="ghcr.io/joledev/noexiste:v1")]})
    add("config-error", "CreateContainerConfigError", ["app"],
        {"phase": "Pending", "conditions": conds(now, False),
         "containerStatuses": [cs("app", waiting("CreateContainerConfigError", 'secret "smtp-credenciales" not '
                                                 'found'), False)]})
    add("terminating", "Terminating", ["app"],
        {"phase": "Running", "conditions": conds(now, True), "containerStatuses": [cs("app", running(t0), True)]},
        meta={"deletionTimestamp": now_ts(now + 86400 * 365), "deletionGracePeriodSeconds": 30,
              "finalizers": ["vigia.dev/hold"]})
    add("unknown-node-lost", "Unknown", ["app"],
        {"phase": "Running", "reason": "NodeLost", "message": "Node joledev-vps which was running pod "
                                                             "unknown-node-lost is unresponsive",
         "conditions": conds(now, False), "containerStatuses": [cs("app", running(t0), False)]},
        meta={"deletionTimestamp": now_ts(now + 86400 * 365), "deletionGracePeriodSeconds": 30,
              "finalizers": ["vigia.dev/hold"]})
    add("evicted", "Evicted", ["app"],
        {"phase": "Failed", "reason": "Evicted", "message": "The node was low on resource: memory. Threshold "
                                                           "quantity: 100Mi, available: 91340Ki.",
         "conditions": conds(now, False, ready_reason="PodFailed")})
    add("evicted-status-unknown", "ContainerStatusUnknown", ["app"],
        {"phase": "Failed", "reason": "Evicted", "message": "The node was low on resource: memory.",
         "conditions": conds(now, False, ready_reason="PodFailed"),
         "containerStatuses": [cs("app", terminated("ContainerStatusUnknown", 137, t0, t0 + 60), False)]})
    add("init-running", "Init:0/1", ["app"],
        {"phase": "Pending", "conditions": conds(now, False, initialized=False),
         "initContainerStatuses": [cs("wait-db", running(now - 60), False)],
         "containerStatuses": [cs("app", waiting("PodInitializing"), False)]}, inits=["wait-db"])
    add("init-second", "Init:1/2", ["app"],
        {"phase": "Pending", "conditions": conds(now, False, initialized=False),
         "initContainerStatuses": [cs("migrate", terminated("Completed", 0, now - 90, now - 80), False),
                                   cs("seed", running(now - 70), False)],
         "containerStatuses": [cs("app", waiting("PodInitializing"), False)]}, inits=["migrate", "seed"])
    add("init-crashloop", "Init:CrashLoopBackOff", ["app"],
        {"phase": "Pending", "conditions": conds(now, False, initialized=False),
         "initContainerStatuses": [cs("migrate", waiting("CrashLoopBackOff", "back-off 2m40s restarting failed "
                                                         "container=migrate"), False, 5,
                                      terminated("Error", 1, now - 200, now - 195))],
         "containerStatuses": [cs("app", waiting("PodInitializing"), False)]}, inits=["migrate"])
    add("init-error", "Init:Error", ["app"],
        {"phase": "Pending", "conditions": conds(now, False, initialized=False),
         "initContainerStatuses": [cs("migrate", terminated("Error", 2, now - 20, now - 15), False, 1,
                                      terminated("Error", 2, now - 120, now - 115))],
         "containerStatuses": [cs("app", waiting("PodInitializing"), False)]}, inits=["migrate"])
    add("init-exitcode", "Init:ExitCode:3", ["app"],
        {"phase": "Pending", "conditions": conds(now, False, initialized=False),
         "initContainerStatuses": [cs("migrate", terminated("", 3, now - 20, now - 15), False)],
         "containerStatuses": [cs("app", waiting("PodInitializing"), False)]}, inits=["migrate"])
    add("not-ready-completed-sidecar", "NotReady", ["app", "sidecar"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", running(t0), True),
                               cs("sidecar", terminated("Completed", 0, t0, t0 + 30), False)]})
    add("exitcode", "ExitCode:137", ["app"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", terminated("", 137, now - 40, now - 3), False, 2,
                                  terminated("", 137, now - 100, now - 60))]})
    add("signal", "Signal:9", ["app"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("app", terminated("", 0, now - 40, now - 3, signal=9), False)]})
    add("native-sidecar", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, True),
         "initContainerStatuses": [cs("proxy", running(t0), True, started=True)],
         "containerStatuses": [cs("app", running(t0 + 5), True)]}, inits=["proxy"])
    add("multi-partial", "Running", ["web", "worker", "metrics"],
        {"phase": "Running", "conditions": conds(now, False),
         "containerStatuses": [cs("metrics", running(t0), True), cs("web", running(t0), True),
                               cs("worker", running(t0), False, 1, terminated("Error", 2, t0, t0 + 100))]})
    # Hostile on purpose: the longest name Kubernetes allows (253), and an annotation written to
    # hurt (shell metacharacters, a leading dash, bidirectional controls).
    add("hostile-" + "x" * 241 + "-end", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, True), "containerStatuses": [cs("app", running(t0), True)]},
        meta={"annotations": {"vigia.dev/note": "-rf $(reboot); `id` \u202eevil\u202c \u2066x\u2069"}})
    add("unicode-ñandú", "Running", ["app"],
        {"phase": "Running", "conditions": conds(now, True), "containerStatuses": [cs("app", running(t0), True)]},
        meta={"labels": {"app": "zoo", "dueño": "José-Ñúñez", "vigia.dev/emoji": "pez"}})

    for name, expect, containers, status, inits, meta, spec_x in P:
        safe = name.replace("ñ", "n").replace("ú", "u")
        spec = {"containers": [{"name": c, "image": IMG, "command": ["sh", "-c", "sleep infinity"],
                                "imagePullPolicy": "IfNotPresent", "resources": {},
                                "terminationMessagePath": "/dev/termination-log",
                                "terminationMessagePolicy": "File"} for c in containers],
                "restartPolicy": "Always", "terminationGracePeriodSeconds": 30, "dnsPolicy": "ClusterFirst",
                "nodeName": cl.node_name, "schedulerName": "default-scheduler", "serviceAccountName": "default",
                "serviceAccount": "default", "priority": 0, "enableServiceLinks": True,
                "preemptionPolicy": "PreemptLowerPriority", "securityContext": {}}
        for c in spec["containers"]:
            if "image" in "".join(name) and "pull" in name:
                c["image"] = status["containerStatuses"][0]["image"]
        if inits:
            spec["initContainers"] = [{"name": c, "image": IMG, "command": ["sh", "-c", "true"],
                                       "imagePullPolicy": "IfNotPresent", "resources": {},
                                       "terminationMessagePath": "/dev/termination-log",
                                       "terminationMessagePolicy": "File"} for c in inits]
            if name == "native-sidecar":
                spec["initContainers"][0]["restartPolicy"] = "Always"
        for k, v in spec_x.items():
            if v is None:
                spec.pop(k, None)
            else:
                spec[k] = v
        md = {"name": safe if name.isascii() else name, "namespace": "zoo",
              "labels": {"app": "zoo", "vigia.dev/expected-status": expect.replace(":", "-").replace("/", "-")},
              "annotations": {"vigia.dev/expected-status": expect}}
        for k, v in meta.items():
            if k == "labels":
                md["labels"].update(v)
            elif k == "annotations":
                md["annotations"].update(v)
            else:
                md[k] = v
        status.setdefault("qosClass", "BestEffort")
        if spec.get("nodeName"):
            status.setdefault("hostIP", "10.0.0.5")
            status.setdefault("hostIPs", [{"ip": "10.0.0.5"}])
            ip = cl.alloc_ip()
            if status.get("phase") == "Running" or status.get("containerStatuses"):
                status.setdefault("podIP", ip)
                status.setdefault("podIPs", [{"ip": ip}])
            status.setdefault("startTime", now_ts(hour))
        pod = {"metadata": md, "spec": spec, "status": status}
        store.create("pods", pod, t=now - 7200)
        rt = PodRt("static", now - 7200)
        for c in containers:
            st = next((s for s in status.get("containerStatuses", []) if s["name"] == c), None)
            ct = CtRt(c, "generic", 1, 4)
            if st and ("running" in st["state"] or "terminated" in st["state"] or st.get("lastState")):
                ct.runs.append(RunLog(t0, 0.5, "generic", salt=len(name)))
                if "terminated" in st["state"]:
                    ct.runs[-1].finish(now - 3, ["exit"])
                    ct.state = "terminated"
                elif "running" in st["state"]:
                    ct.state = "running"
                else:
                    ct.runs[-1].finish(now - 390, ["fatal: no se pudo abrir /data/config.yaml"])
                    ct.state = "waiting"
                    ct.reason = st["state"]["waiting"]["reason"]
                if st.get("lastState"):
                    ct.last_term = st["lastState"]["terminated"]
                    ct.restarts = st.get("restartCount", 0)
            elif st and "waiting" in st["state"]:
                ct.reason = st["state"]["waiting"]["reason"]
            rt.containers[c] = ct
        for c in inits:
            st = next((s for s in status.get("initContainerStatuses", []) if s["name"] == c), None)
            ct = CtRt(c, "generic", 0, 1, init=True)
            if st and ("running" in st["state"] or "terminated" in st["state"]):
                ct.runs.append(RunLog(now - 100, 0.5, "generic"))
                ct.state = "running" if "running" in st["state"] else "terminated"
                if ct.state == "terminated":
                    ct.runs[-1].finish(now - 15, ["error: migración 0015 falló: tabla citas bloqueada"])
            rt.inits[c] = ct
        cl.pods_rt[pod["metadata"]["uid"]] = rt
        if expect in ("CrashLoopBackOff", "Init:CrashLoopBackOff", "ImagePullBackOff"):
            cl.emit_event(pod, "Pod", "BackOff" if "Crash" in expect else "Failed",
                          "Back-off restarting failed container" if "Crash" in expect else
                          'Error: ImagePullBackOff', etype="Warning", t=now - 30, count=9, first=now - 3000)
