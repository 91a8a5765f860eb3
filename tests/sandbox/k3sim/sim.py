"""The simulated cluster: scenario seeding, the controllers (Deployment,
ReplicaSet, DaemonSet/StatefulSet, kubelet-ish pod lifecycle), events, metrics
and fault injection. Everything lives in one Store; a single controller thread
moves the world forward in small ticks."""
import copy
import hashlib
import json
import math
import os
import random
import threading
import time
import uuid

from logs import GO_PANIC, RunLog
from store import Store, now_ts, parse_ts

HERE = os.path.dirname(os.path.abspath(__file__))
K3S_VERSION = "v1.31.5+k3s1"
LOG_KEEP = 20000          # lines kept per container, like kubelet's log rotation
START_DELAY = 1.2         # ContainerCreating -> Running for new pods
TERMINATE_DELAY = 1.5     # Terminating -> gone
SAFE = "bcdfghjklmnpqrstvwxz2456789"


def safe_encode(n, length=10):
    out = ""
    for _ in range(length):
        out += SAFE[n % len(SAFE)]
        n //= len(SAFE)
    return out


def rand_suffix(rng, n=5):
    return "".join(rng.choice(SAFE) for _ in range(n))


def prune(v):
    """Drop nulls and empty maps/lists, as the server's hashing of templates does."""
    if isinstance(v, dict):
        out = {}
        for k, x in v.items():
            x = prune(x)
            if x is None or x == {} or x == []:
                continue
            out[k] = x
        return out
    if isinstance(v, list):
        return [prune(x) for x in v]
    return v


def template_hash(tmpl):
    t = copy.deepcopy(tmpl)
    labels = t.get("metadata", {}).get("labels") or {}
    labels.pop("pod-template-hash", None)
    data = json.dumps(prune(t), sort_keys=True, separators=(",", ":")).encode()
    return safe_encode(int.from_bytes(hashlib.sha256(data).digest()[:8], "big"))


def parse_quantity_mi(q):
    """'64Mi' -> MiB (float); good enough for the units scenarios use."""
    if q is None:
        return None
    q = str(q)
    units = {"Ki": 1 / 1024, "Mi": 1, "Gi": 1024, "K": 1000 / 1048576, "M": 1e6 / 1048576, "G": 1e9 / 1048576}
    for u, f in units.items():
        if q.endswith(u):
            return float(q[:-len(u)]) * f
    return float(q) / 1048576


class CtRt:
    """Runtime of one container: its runs (for logs) and its kubelet-visible state."""

    def __init__(self, name, style, cpu_m, mem_mi, init=False):
        self.name = name
        self.style = style
        self.cpu_m = cpu_m
        self.mem_mi = mem_mi
        self.init = init
        self.runs = []
        self.restarts = 0
        self.state = "waiting"          # waiting | running | terminated
        self.reason = "ContainerCreating"
        self.message = None
        self.term = None                # dict for state.terminated
        self.last_term = None           # dict for lastState.terminated
        self.next_at = None             # time of the next transition
        self.started_at = None
        self.ready = False
        self.container_id = None


class PodRt:
    def __init__(self, mode, created):
        self.mode = mode                # ok | crash | static | done
        self.created = created
        self.containers = {}
        self.inits = {}
        self.crash_reason = "Error"
        self.backoff = 10.0
        self.backoff_max = 40.0
        self.delete_at = None
        self.rate = None


class Cluster:
    def __init__(self, scenario, storage_root, log_rate="2", audit_path=None, seed=7):
        self.store = Store()
        self.rng = random.Random(seed)
        self.lock = self.store.lock
        self.storage_root = storage_root
        self.fast = str(log_rate) == "fast"
        self.log_rate = 200000.0 if self.fast else float(log_rate)
        self.pods_rt = {}               # pod uid -> PodRt
        self.rs_crash = {}              # rs uid -> crash reason for its pods
        self.rollout_started = {}       # deployment uid -> (time, deadline seconds)
        self.next_ip = 10
        self.volumes = {}
        self.node_name = "joledev-vps"
        # Fault injection state (driven by `vigia-sandbox ctl`).
        self.faults = {"api_error": None, "truncate_watch": 0, "end_watches": 0, "metrics": "on",
                       "next_rollout_crash": None, "node_ready": True, "slow_ms": 0}
        self.watch_generation = 0
        self.stop_event = threading.Event()
        self.scenario_name = scenario
        self.load_scenario(scenario)

    # ------------------------------------------------------------ helpers
    def owner_ref(self, obj, kind, api_version):
        return {"apiVersion": api_version, "kind": kind, "name": obj["metadata"]["name"],
                "uid": obj["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}

    def alloc_ip(self):
        self.next_ip += 1
        return f"10.42.0.{self.next_ip % 250 + 2}"

    def emit_event(self, obj, kind, reason, message, etype="Normal", component="kubelet", field_path=None,
                   t=None, count=1, first=None, api_version="v1"):
        t = time.time() if t is None else t
        md = obj["metadata"]
        ns = md.get("namespace") or "default"
        with self.lock:
            for e in self.store.objects.get("events", {}).values():
                io = e["involvedObject"]
                if io.get("uid") == md.get("uid") and e["reason"] == reason and e["message"] == message:
                    e["count"] = e.get("count", 1) + count
                    e["lastTimestamp"] = now_ts(t)
                    self.store.update("events", e)
                    return e
            name = f"{md['name']}.{uuid.uuid4().hex[:16]}"
            io = {"kind": kind, "namespace": md.get("namespace", ""), "name": md["name"], "uid": md.get("uid", ""),
                  "apiVersion": api_version, "resourceVersion": md.get("resourceVersion", "")}
            if not md.get("namespace"):
                io.pop("namespace")
            if field_path:
                io["fieldPath"] = field_path
            ev = {"metadata": {"name": name, "namespace": ns}, "involvedObject": io, "reason": reason,
                  "message": message, "source": {"component": component} if component != "kubelet" else
                  {"component": "kubelet", "host": self.node_name},
                  "firstTimestamp": now_ts(first if first is not None else t), "lastTimestamp": now_ts(t),
                  "count": count, "type": etype, "eventTime": None, "reportingComponent": component,
                  "reportingInstance": self.node_name if component == "kubelet" else ""}
            return self.store.create("events", ev, t=first if first is not None else t)

    # ------------------------------------------------------------ scenario
    def load_scenario(self, name):
        path = name if name.endswith(".json") else os.path.join(HERE, "scenarios", f"{name}.json")
        if not os.path.exists(path):
            raise SystemExit(f"unknown scenario {name!r} (looked for {path})")
        sc = json.load(open(path))
        while "extends" in sc:
            base = json.load(open(os.path.join(HERE, "scenarios", sc.pop("extends") + ".json")))
            base.update(sc)
            sc = base
        self.sc = sc
        now = time.time()
        nd = sc["node"]
        self.node_name = nd["name"]
        node_created = now - nd.get("age_s", 3888000)
        self.make_node(nd, node_created)
        for ns in sc["namespaces"]:
            self.store.create("namespaces", {
                "metadata": {"name": ns["name"], "labels": {"kubernetes.io/metadata.name": ns["name"]}},
                "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}},
                t=now - ns.get("age_s", nd.get("age_s", 3888000)))
        for pvc in sc.get("pvcs", []):
            self.make_pvc(pvc, now)
        crash = sc.get("crashloop", {})
        for d in sc.get("deployments", []):
            self.seed_deployment(d, now, crash.get(f"{d['ns']}/{d['name']}"))
        for ds in sc.get("daemonsets", []):
            self.seed_daemonset(ds, now)
        for st in sc.get("statefulsets", []):
            self.seed_statefulset(st, now)
        for p in sc.get("job_pods", []):
            self.seed_job_pod(p, now)
        gen = sc.get("generate")
        if gen:
            self.generate_large(gen, now)
        if sc.get("zoo"):
            import zoo
            zoo.seed(self, now)
        self.tick()
        # Node events, as after a boot.
        node = self.store.get("nodes", "", self.node_name)
        self.emit_event(node, "Node", "Starting", "Starting kubelet.", t=node_created + 5, component="kubelet")
        self.emit_event(node, "Node", "NodeReady", f"Node {self.node_name} status is now: NodeReady",
                        t=node_created + 12)

    def make_node(self, nd, created):
        cpu, mem = nd.get("cpu", "2"), nd.get("memory", "4015184Ki")
        node = {
            "metadata": {
                "name": nd["name"],
                "labels": {"beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/instance-type": "k3s",
                           "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
                           "kubernetes.io/hostname": nd["name"], "kubernetes.io/os": "linux",
                           "node-role.kubernetes.io/control-plane": "true", "node-role.kubernetes.io/master": "true",
                           "node.kubernetes.io/instance-type": "k3s"},
                "annotations": {"k3s.io/node-args": '["server","--write-kubeconfig-mode","0644"]',
                                "node.alpha.kubernetes.io/ttl": "0",
                                "volumes.kubernetes.io/controller-managed-attach-detach": "true",
                                "k3s.io/internal-ip": nd.get("ip", "10.0.0.5")}},
            "spec": {"podCIDR": "10.42.0.0/24", "podCIDRs": ["10.42.0.0/24"], "providerID": f"k3s://{nd['name']}"},
            "status": {
                "capacity": {"cpu": cpu, "ephemeral-storage": nd.get("ephemeral", "39937312Ki"),
                             "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": mem, "pods": "110"},
                "allocatable": {"cpu": cpu, "ephemeral-storage": nd.get("ephemeral_alloc", "38851325003"),
                                "hugepages-1Gi": "0", "hugepages-2Mi": "0", "memory": mem, "pods": "110"},
                "conditions": [],
                "addresses": [{"type": "InternalIP", "address": nd.get("ip", "10.0.0.5")},
                              {"type": "Hostname", "address": nd["name"]}],
                "daemonEndpoints": {"kubeletEndpoint": {"Port": 10250}},
                "nodeInfo": {"machineID": uuid.uuid4().hex, "systemUUID": str(uuid.uuid4()),
                             "bootID": str(uuid.uuid4()), "kernelVersion": nd.get("kernel", "6.8.0-49-generic"),
                             "osImage": nd.get("os", "Ubuntu 24.04.1 LTS"),
                             "containerRuntimeVersion": nd.get("runtime", "containerd://1.7.23-k3s2"),
                             "kubeletVersion": nd.get("version", K3S_VERSION),
                             "kubeProxyVersion": nd.get("version", K3S_VERSION),
                             "operatingSystem": "linux", "architecture": "amd64"},
                "images": [],
            },
        }
        self.set_node_conditions(node, True, created)
        self.store.create("nodes", node, t=created)

    def set_node_conditions(self, node, ready, since_t=None):
        ts = now_ts(since_t)
        hb = now_ts()
        conds = [
            ("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
            ("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
            ("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
            ("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ]
        out = []
        for typ, status, reason, msg in conds:
            if not ready:
                status, reason, msg = "Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."
            out.append({"type": typ, "status": status, "lastHeartbeatTime": hb, "lastTransitionTime": ts,
                        "reason": reason, "message": msg})
        node["status"]["conditions"] = out
        if ready:
            node["spec"].pop("taints", None)
        else:
            node["spec"]["taints"] = [
                {"key": "node.kubernetes.io/unreachable", "effect": "NoSchedule", "timeAdded": ts},
                {"key": "node.kubernetes.io/unreachable", "effect": "NoExecute", "timeAdded": ts}]

    def make_pvc(self, p, now):
        created = now - p.get("age_s", 2592000)
        uid = p.get("uid") or str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        pv_name = f"pvc-{uid}"
        folder = os.path.join(self.storage_root, f"{pv_name}_{p['ns']}_{p['name']}")
        os.makedirs(folder, exist_ok=True)
        self.volumes[p["name"]] = folder
        pvc = {"metadata": {"name": p["name"], "namespace": p["ns"], "uid": uid,
                            "annotations": {"pv.kubernetes.io/bind-completed": "yes",
                                            "pv.kubernetes.io/bound-by-controller": "yes",
                                            "volume.beta.kubernetes.io/storage-provisioner": "rancher.io/local-path",
                                            "volume.kubernetes.io/selected-node": self.node_name,
                                            "volume.kubernetes.io/storage-provisioner": "rancher.io/local-path"},
                            "finalizers": ["kubernetes.io/pvc-protection"]},
               "spec": {"accessModes": ["ReadWriteOnce"], "resources": {"requests": {"storage": p.get("size", "1Gi")}},
                        "storageClassName": "local-path", "volumeMode": "Filesystem", "volumeName": pv_name},
               "status": {"phase": "Bound", "accessModes": ["ReadWriteOnce"],
                          "capacity": {"storage": p.get("size", "1Gi")}}}
        self.store.create("persistentvolumeclaims", pvc, t=created)
        pv = {"metadata": {"name": pv_name, "annotations": {"local.path.provisioner/selected-node": self.node_name,
                                                            "pv.kubernetes.io/provisioned-by": "rancher.io/local-path"},
                           "finalizers": ["kubernetes.io/pv-protection"]},
              "spec": {"accessModes": ["ReadWriteOnce"], "capacity": {"storage": p.get("size", "1Gi")},
                       "claimRef": {"apiVersion": "v1", "kind": "PersistentVolumeClaim", "name": p["name"],
                                    "namespace": p["ns"], "uid": uid, "resourceVersion": pvc["metadata"]["resourceVersion"]},
                       "hostPath": {"path": folder, "type": "DirectoryOrCreate"},
                       "nodeAffinity": {"required": {"nodeSelectorTerms": [{"matchExpressions": [
                           {"key": "kubernetes.io/hostname", "operator": "In", "values": [self.node_name]}]}]}},
                       "persistentVolumeReclaimPolicy": "Delete", "storageClassName": "local-path",
                       "volumeMode": "Filesystem"},
              "status": {"phase": "Bound", "lastPhaseTransitionTime": now_ts(created)}}
        self.store.create("persistentvolumes", pv, t=created)

    def container_spec(self, c):
        spec = {"name": c["name"], "image": c["image"], "imagePullPolicy": c.get("pull", "IfNotPresent"),
                "resources": {}, "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "File"}
        if c.get("args"):
            spec["args"] = c["args"]
        if c.get("command"):
            spec["command"] = c["command"]
        if c.get("requests"):
            spec["resources"]["requests"] = c["requests"]
        if c.get("limits"):
            spec["resources"]["limits"] = c["limits"]
        if c.get("ports"):
            spec["ports"] = [{"containerPort": p, "name": ("http" if p in (80, 8080) else f"p{p}"),
                              "protocol": "UDP" if p == 53 else "TCP"} for p in c["ports"]]
        if c.get("env"):
            spec["env"] = [{"name": k, "value": v} for k, v in c["env"].items()]
        if c.get("readiness", True) and c.get("ports"):
            spec["readinessProbe"] = {"httpGet": {"path": c.get("probe_path", "/"), "port": c["ports"][0],
                                                  "scheme": "HTTP"}, "periodSeconds": 10, "timeoutSeconds": 1,
                                      "successThreshold": 1, "failureThreshold": 3}
        if c.get("mounts"):
            spec["volumeMounts"] = c["mounts"]
        return spec

    def pod_template(self, d, labels):
        cs = [self.container_spec(c) for c in d["containers"]]
        spec = {"containers": cs, "restartPolicy": "Always", "terminationGracePeriodSeconds": 30,
                "dnsPolicy": "ClusterFirst", "securityContext": {}, "schedulerName": "default-scheduler"}
        if d.get("init"):
            spec["initContainers"] = [self.container_spec(c) for c in d["init"]]
        if d.get("pvc"):
            spec["volumes"] = [{"name": "data", "persistentVolumeClaim": {"claimName": d["pvc"]}}]
            for c in spec["containers"]:
                c["volumeMounts"] = [{"name": "data", "mountPath": "/data"}]
        if d.get("priority_class"):
            spec["priorityClassName"] = d["priority_class"]
        if d.get("tolerations"):
            spec["tolerations"] = d["tolerations"]
        return {"metadata": {"creationTimestamp": None, "labels": dict(labels)}, "spec": spec}

    def seed_deployment(self, d, now, crash=None):
        created = now - d.get("age_s", 1209600)
        labels = d.get("labels") or {"app": d["name"]}
        if d["ns"] == "joledev" and "app.kubernetes.io/part-of" not in labels:
            labels = dict(labels, **{"app.kubernetes.io/part-of": "joledev"})
        tmpl = self.pod_template(d, labels)
        revisions = d.get("revisions", [])
        dep = {"metadata": {"name": d["name"], "namespace": d["ns"], "generation": len(revisions) + 1,
                            "labels": dict(labels), "annotations": {"deployment.kubernetes.io/revision": str(len(revisions) + 1)}},
               "spec": {"replicas": d.get("replicas", 1), "selector": {"matchLabels": dict(labels)},
                        "template": tmpl, "strategy": {"type": "RollingUpdate",
                                                       "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": "25%"}},
                        "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600},
               "status": {}}
        if d.get("cause"):
            dep["metadata"]["annotations"]["kubernetes.io/change-cause"] = d["cause"]
        self.store.create("deployments", dep, t=created)
        # Older revisions: same template with older images, scaled to zero.
        span = max(1.0, now - created - 3600)
        for k, rev in enumerate(revisions):
            old = copy.deepcopy(tmpl)
            for c in old["spec"]["containers"]:
                if rev.get("image"):
                    c["image"] = rev["image"]
            t_rev = created + span * k / max(1, len(revisions) + 1)
            self.make_rs(dep, old, k + 1, 0, t_rev, cause=rev.get("cause"))
        t_cur = created + span * len(revisions) / max(1, len(revisions) + 1) if revisions else created
        rs = self.make_rs(dep, tmpl, len(revisions) + 1, d.get("replicas", 1), t_cur, cause=d.get("cause"))
        for _ in range(d.get("replicas", 1)):
            pod_t = max(t_cur, now - d.get("pod_age_s", now - t_cur))
            self.create_pod_from(rs, "ReplicaSet", "apps/v1", tmpl, d, pod_t, seeded=True, crash=crash)

    def make_rs(self, dep, tmpl, revision, replicas, t, cause=None):
        h = template_hash(tmpl)
        rt = copy.deepcopy(tmpl)
        rt["metadata"]["labels"]["pod-template-hash"] = h
        sel = copy.deepcopy(dep["spec"]["selector"])
        sel["matchLabels"]["pod-template-hash"] = h
        ann = {"deployment.kubernetes.io/desired-replicas": str(dep["spec"]["replicas"]),
               "deployment.kubernetes.io/max-replicas": str(dep["spec"]["replicas"] + max(
                   1, math.ceil(dep["spec"]["replicas"] * 0.25))),
               "deployment.kubernetes.io/revision": str(revision)}
        if cause:
            ann["kubernetes.io/change-cause"] = cause
        rs = {"metadata": {"name": f"{dep['metadata']['name']}-{h}", "namespace": dep["metadata"]["namespace"],
                           "labels": dict(rt["metadata"]["labels"]), "annotations": ann, "generation": 1,
                           "ownerReferences": [self.owner_ref(dep, "Deployment", "apps/v1")]},
              "spec": {"replicas": replicas, "selector": sel, "template": rt},
              "status": {"replicas": 0, "observedGeneration": 1}}
        return self.store.create("replicasets", rs, t=t)

    def create_pod_from(self, owner, kind, api_version, tmpl, d=None, t=None, seeded=False, crash=None,
                        name=None, mode=None):
        t = time.time() if t is None else t
        md = owner["metadata"]
        if name is None:
            name = f"{md['name']}-{rand_suffix(self.rng)}"
        tm = copy.deepcopy(owner["spec"]["template"] if tmpl is None else tmpl)
        labels = tm["metadata"].get("labels") or {}
        if kind == "ReplicaSet":
            labels["pod-template-hash"] = owner["metadata"]["labels"].get("pod-template-hash", "")
        spec = copy.deepcopy(tm["spec"])
        tok = rand_suffix(self.rng)
        spec.setdefault("volumes", []).append({"name": f"kube-api-access-{tok}", "projected": {
            "defaultMode": 420, "sources": [{"serviceAccountToken": {"expirationSeconds": 3607, "path": "token"}},
                                            {"configMap": {"name": "kube-root-ca.crt", "items": [
                                                {"key": "ca.crt", "path": "ca.crt"}]}}]}})
        for c in spec.get("containers", []) + spec.get("initContainers", []):
            c.setdefault("volumeMounts", []).append({"name": f"kube-api-access-{tok}", "readOnly": True,
                                                     "mountPath": "/var/run/secrets/kubernetes.io/serviceaccount"})
        spec.update({"nodeName": self.node_name, "serviceAccountName": "default", "serviceAccount": "default",
                     "enableServiceLinks": True, "preemptionPolicy": "PreemptLowerPriority", "priority": 0})
        spec.setdefault("tolerations", []).extend([
            {"key": "node.kubernetes.io/not-ready", "operator": "Exists", "effect": "NoExecute",
             "tolerationSeconds": 300},
            {"key": "node.kubernetes.io/unreachable", "operator": "Exists", "effect": "NoExecute",
             "tolerationSeconds": 300}])
        pod = {"metadata": {"name": name, "namespace": md["namespace"], "labels": labels,
                            "ownerReferences": [self.owner_ref(owner, kind, api_version)]},
               "spec": spec, "status": {"phase": "Pending", "qosClass": self.qos(spec)}}
        if tm["metadata"].get("annotations"):
            pod["metadata"]["annotations"] = dict(tm["metadata"]["annotations"])
        if not seeded:
            pod["metadata"]["generateName"] = f"{md['name']}-"
        pod["status"]["hostIP"] = self.sc["node"].get("ip", "10.0.0.5")
        pod["status"]["hostIPs"] = [{"ip": pod["status"]["hostIP"]}]
        ip = self.alloc_ip()
        pod["status"]["podIP"] = ip
        pod["status"]["podIPs"] = [{"ip": ip}]
        pod["status"]["startTime"] = now_ts(t)
        self.store.create("pods", pod, t=t)
        rt = PodRt(mode or ("crash" if crash else "ok"), t)
        rt.rate = self.log_rate
        src = {c["name"]: c for c in (d or {}).get("containers", [])}
        isrc = {c["name"]: c for c in (d or {}).get("init", [])}
        for c in spec.get("initContainers", []):
            s = isrc.get(c["name"], {})
            rt.inits[c["name"]] = CtRt(c["name"], s.get("log", "generic"), 0, 0, init=True)
        for c in spec["containers"]:
            s = src.get(c["name"], {})
            u = s.get("usage", {})
            mem = u.get("memory")
            if mem is None:
                req = parse_quantity_mi(((c.get("resources") or {}).get("requests") or {}).get("memory")) or 12
                mem = req * 0.6
            rt.containers[c["name"]] = CtRt(c["name"], s.get("log", "generic"), u.get("cpu", 2), mem)
        uid = pod["metadata"]["uid"]
        self.pods_rt[uid] = rt
        if crash:
            rt.crash_reason = crash.get("reason", "Error") if isinstance(crash, dict) else str(crash)
        if seeded:
            self.seed_running(pod, rt, t, crash)
        else:
            for ct in list(rt.inits.values()) + list(rt.containers.values()):
                ct.next_at = t + START_DELAY
            self.emit_event(pod, "Pod", "Scheduled",
                            f"Successfully assigned {md['namespace']}/{name} to {self.node_name}",
                            component="default-scheduler", t=t)
        self.render_pod(pod, rt)
        self.store.update("pods", pod)
        return pod

    def qos(self, spec):
        cs = spec.get("containers", [])
        if all((c.get("resources") or {}).get("limits") and (c.get("resources") or {}).get("requests") ==
               (c.get("resources") or {}).get("limits") for c in cs):
            return "Guaranteed"
        if any((c.get("resources") or {}).get("requests") or (c.get("resources") or {}).get("limits") for c in cs):
            return "Burstable"
        return "BestEffort"

    def new_run(self, ct, start, rate):
        ct.runs.append(RunLog(start, rate, ct.style, salt=hash(ct.name) & 0xFFFF))
        ct.state = "running"
        ct.reason = None
        ct.started_at = start
        ct.ready = True
        ct.term = None
        ct.container_id = "containerd://" + hashlib.sha256(f"{id(ct)}-{start}".encode()).hexdigest()

    def seed_running(self, pod, rt, t, crash):
        start = t + 4
        for ct in rt.inits.values():
            r = RunLog(t + 2, 1.0, "generic")
            r.finish(t + 3.5, ["migraciones aplicadas: 14 (0 pendientes) seq=end"])
            ct.runs.append(r)
            ct.state = "terminated"
            ct.term = {"exitCode": 0, "reason": "Completed", "startedAt": now_ts(t + 2), "finishedAt": now_ts(t + 3.5)}
            ct.container_id = "containerd://" + hashlib.sha256(f"{id(ct)}-init".encode()).hexdigest()
        for ct in rt.containers.values():
            self.new_run(ct, start, rt.rate)
        if crash:
            now = time.time()
            reason = rt.crash_reason
            restarts = crash.get("restarts", 7) if isinstance(crash, dict) else 7
            rt.backoff = rt.backoff_max = float(crash.get("backoff", 300)) if isinstance(crash, dict) else 300.0
            for ct in rt.containers.values():
                # The previous run: ~40 s of normal logs, then the panic.
                prev_start = now - 160
                ct.runs = []
                r = RunLog(prev_start, max(rt.rate, 1.0), ct.style, salt=7)
                r.finish(now - 120, GO_PANIC)
                ct.runs.append(r)
                ct.restarts = restarts
                code = 137 if reason == "OOMKilled" else 2
                ct.last_term = {"exitCode": code, "reason": reason, "startedAt": now_ts(prev_start),
                                "finishedAt": now_ts(now - 120),
                                "containerID": "containerd://" + hashlib.sha256(b"prev").hexdigest()}
                ct.state = "waiting"
                ct.reason = "CrashLoopBackOff"
                ct.message = (f"back-off 5m0s restarting failed container={ct.name} "
                              f"pod={pod['metadata']['name']}_{pod['metadata']['namespace']}({pod['metadata']['uid']})")
                ct.ready = False
                ct.next_at = now + rt.backoff
            pod_ref = pod
            self.emit_event(pod_ref, "Pod", "BackOff", f"Back-off restarting failed container {ct.name} in pod "
                            f"{pod['metadata']['name']}_{pod['metadata']['namespace']}({pod['metadata']['uid']})",
                            etype="Warning", field_path=f"spec.containers{{{ct.name}}}", t=now - 5, count=restarts * 4,
                            first=now - 900)
            self.emit_event(pod_ref, "Pod", "Pulled", f'Container image "{pod["spec"]["containers"][0]["image"]}" '
                            f"already present on machine", field_path=f"spec.containers{{{ct.name}}}",
                            t=now - 160, count=restarts, first=now - 900)
            if reason == "OOMKilled":
                self.emit_event(self.store.get("nodes", "", self.node_name), "Node", "OOMKilling",
                                f"Memory cgroup out of memory: Killed process 4123 (api-scheduler) total-vm:1289436kB, "
                                f"anon-rss:65408kB, file-rss:11264kB, shmem-rss:0kB, UID:65532 pgtables:412kB "
                                f"oom_score_adj:999", etype="Warning", component="kernel-monitor", t=now - 120)

    def seed_job_pod(self, p, now):
        t = now - p.get("age_s", 3888000)
        owner = {"metadata": {"name": p["job"], "namespace": p["ns"], "uid": str(uuid.uuid4())},
                 "spec": {"template": {"metadata": {"labels": {"batch.kubernetes.io/job-name": p["job"],
                                                               "job-name": p["job"]}},
                                       "spec": {"containers": [self.container_spec(
                                           {"name": p["container"], "image": p["image"],
                                            "args": ["install"]})], "restartPolicy": "OnFailure",
                                           "serviceAccountName": "helm-traefik"}}}}
        pod = self.create_pod_from(owner, "Job", "batch/v1", None, None, t, seeded=True, name=p["name"],
                                   mode="done")
        rt = self.pods_rt[pod["metadata"]["uid"]]
        for ct in rt.containers.values():
            ct.style = "job"
            ct.runs[-1].style = "job"
            ct.runs[-1].finish(t + 25, ["Release \"traefik\" has been upgraded. Happy Helming!"])
            ct.state = "terminated"
            ct.ready = False
            ct.term = {"exitCode": 0, "reason": "Completed", "startedAt": now_ts(t + 4),
                       "finishedAt": now_ts(t + 25)}
        self.render_pod(pod, rt)
        self.store.update("pods", pod)

    def seed_daemonset(self, d, now):
        created = now - d.get("age_s", 3888000)
        labels = d.get("labels") or {"app": d["name"]}
        tmpl = self.pod_template(d, labels)
        ds = {"metadata": {"name": d["name"], "namespace": d["ns"], "generation": 1, "labels": dict(labels),
                           "annotations": {"deprecated.daemonset.template.generation": "1"}},
              "spec": {"selector": {"matchLabels": dict(labels)}, "template": tmpl,
                       "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": 1,
                                                                                     "maxSurge": 0}},
                       "revisionHistoryLimit": 10},
              "status": {}}
        self.store.create("daemonsets", ds, t=created)
        ds["metadata"]["annotations"]["vigia.sim/template-hash"] = template_hash(tmpl)
        pod = self.create_pod_from(ds, "DaemonSet", "apps/v1", tmpl, d, created + 10, seeded=True)
        pod["metadata"]["labels"]["controller-revision-hash"] = template_hash(tmpl)
        pod["metadata"]["labels"]["pod-template-generation"] = "1"
        self.store.update("pods", pod)
        self.tick_set(ds, "daemonsets", time.time())

    def seed_statefulset(self, d, now):
        created = now - d.get("age_s", 864000)
        labels = d.get("labels") or {"app": d["name"]}
        tmpl = self.pod_template(d, labels)
        h = template_hash(tmpl)
        n = d.get("replicas", 1)
        sts = {"metadata": {"name": d["name"], "namespace": d["ns"], "generation": 1, "labels": dict(labels)},
               "spec": {"replicas": n, "selector": {"matchLabels": dict(labels)}, "template": tmpl,
                        "serviceName": d["name"], "podManagementPolicy": "OrderedReady",
                        "updateStrategy": {"type": "RollingUpdate", "rollingUpdate": {"partition": 0}},
                        "revisionHistoryLimit": 10, "persistentVolumeClaimRetentionPolicy": {
                            "whenDeleted": "Retain", "whenScaled": "Retain"}},
               "status": {}}
        self.store.create("statefulsets", sts, t=created)
        for i in range(n):
            pod = self.create_pod_from(sts, "StatefulSet", "apps/v1", tmpl, d, created + 10 + i * 20, seeded=True,
                                       name=f"{d['name']}-{i}")
            pod["metadata"]["labels"]["controller-revision-hash"] = h
            pod["metadata"]["labels"]["statefulset.kubernetes.io/pod-name"] = f"{d['name']}-{i}"
            pod["metadata"]["labels"]["apps.kubernetes.io/pod-index"] = str(i)
            self.store.update("pods", pod)

    def generate_large(self, gen, now):
        n_ns, n_pods = gen.get("namespaces", 40), gen.get("pods", 2000)
        per_ns = n_pods // n_ns
        rng = random.Random(42)
        made = 0
        for i in range(n_ns):
            ns = f"cliente-{i + 1:02d}"
            self.store.create("namespaces", {"metadata": {"name": ns, "labels": {"kubernetes.io/metadata.name": ns}},
                                             "spec": {"finalizers": ["kubernetes"]}, "status": {"phase": "Active"}},
                              t=now - 86400 * rng.randint(1, 60))
            count = per_ns if i < n_ns - 1 else n_pods - made
            apps = ["web", "api", "worker", "cron-runner", "cache"]
            reps = [count // len(apps)] * len(apps)
            for k in range(count - sum(reps)):
                reps[k] += 1
            for app, r in zip(apps, reps):
                if r == 0:
                    continue
                d = {"ns": ns, "name": app, "replicas": r, "age_s": 86400 * rng.randint(1, 30),
                     "containers": [{"name": app, "image": f"registry.example.com/{ns}/{app}:1.{rng.randint(0, 9)}",
                                     "requests": {"cpu": "5m", "memory": "16Mi"}, "limits": {"memory": "64Mi"},
                                     "usage": {"cpu": rng.randint(0, 4), "memory": rng.randint(4, 40)},
                                     "log": "go"}]}
                self.seed_deployment(d, now)
                made += r

    # ------------------------------------------------------------ pod status
    def render_pod(self, pod, rt):
        """Derive pod.status from the runtime record (the kubelet's job)."""
        if rt.mode == "static":
            return
        st = pod["status"]
        ts = lambda t: now_ts(t) if t else None  # noqa: E731
        spec_imgs = {c["name"]: c["image"] for c in pod["spec"].get("containers", []) +
                     pod["spec"].get("initContainers", [])}

        def cstatus(ct):
            img = spec_imgs.get(ct.name, "")
            full = img if "/" in img.split(":")[0] and "." in img.split("/")[0] else "docker.io/" + (
                img if "/" in img else "library/" + img)
            s = {"name": ct.name, "image": full, "imageID": "", "ready": ct.ready, "restartCount": ct.restarts,
                 "started": ct.state == "running", "lastState": {}, "state": {}}
            if ct.state == "running":
                s["state"] = {"running": {"startedAt": ts(ct.started_at)}}
            elif ct.state == "terminated":
                s["state"] = {"terminated": dict(ct.term, containerID=ct.container_id)}
            else:
                w = {"reason": ct.reason}
                if ct.message:
                    w["message"] = ct.message
                s["state"] = {"waiting": w}
            if ct.last_term:
                s["lastState"] = {"terminated": ct.last_term}
            if ct.container_id and not (ct.state == "waiting" and ct.reason == "ContainerCreating"):
                s["containerID"] = ct.container_id
                s["imageID"] = full.split(":")[0] + "@sha256:" + hashlib.sha256(img.encode()).hexdigest()
            if ct.init:
                s.pop("started", None) if ct.state != "running" else None
                s["started"] = ct.state == "running"
            s["volumeMounts"] = [{"name": v["name"], "mountPath": v["mountPath"], "readOnly": True,
                                  "recursiveReadOnly": "Disabled"} for v in
                                 next((c for c in pod["spec"].get("containers", []) + pod["spec"].get(
                                     "initContainers", []) if c["name"] == ct.name), {}).get("volumeMounts", [])
                                 if v["name"].startswith("kube-api-access")]
            return s

        inits_done = all(c.state == "terminated" and c.term and c.term.get("exitCode") == 0 for c in rt.inits.values())
        all_ready = all(c.ready for c in rt.containers.values()) and inits_done
        if rt.inits:
            st["initContainerStatuses"] = [cstatus(c) for c in rt.inits.values()]
        else:
            st.pop("initContainerStatuses", None)
        cstats = []
        for c in rt.containers.values():
            if not inits_done and c.state == "waiting":
                c.reason = "PodInitializing"
            cstats.append(cstatus(c))
        st["containerStatuses"] = cstats
        created = rt.created
        started_any = any(c.runs for c in rt.containers.values())
        node_ok = self.faults["node_ready"]
        if rt.mode == "done":
            st["phase"] = "Succeeded"
        elif any(c.state == "running" for c in rt.containers.values()) or any(
                c.runs for c in rt.containers.values()):
            st["phase"] = "Running"
        else:
            st["phase"] = "Pending"
        if not node_ok:
            all_ready = False
        cond = lambda typ, ok, t, reason=None: dict(  # noqa: E731
            {"type": typ, "status": "True" if ok else "False", "lastProbeTime": None, "lastTransitionTime": ts(t)},
            **({"reason": reason} if reason and not ok else {}))
        ready_t = min((c.started_at or created for c in rt.containers.values()), default=created)
        conds = [cond("PodReadyToStartContainers", started_any or inits_done, created + 1),
                 cond("Initialized", inits_done, created + 1, "ContainersNotInitialized"),
                 cond("Ready", all_ready and rt.mode != "done", ready_t,
                      "PodCompleted" if rt.mode == "done" else "ContainersNotReady"),
                 cond("ContainersReady", all_ready and rt.mode != "done", ready_t,
                      "PodCompleted" if rt.mode == "done" else "ContainersNotReady"),
                 cond("PodScheduled", True, created)]
        if not node_ok:
            conds[2]["reason"] = conds[3]["reason"] = None
            conds[2]["status"] = "False"
            conds[2].pop("reason", None)
        if not (all_ready and rt.mode != "done"):
            names = [c.name for c in rt.containers.values() if not c.ready]
            msg = f"containers with unready status: [{' '.join(names)}]"
            for c in conds[2:4]:
                if rt.mode != "done" and names:
                    c["message"] = msg
        if rt.inits and not inits_done:
            conds[1]["message"] = f"containers with incomplete status: [{' '.join(rt.inits)}]"
        st["conditions"] = conds

    # ------------------------------------------------------------ kubelet
    def tick_pod(self, pod, rt, now):
        """Advances one pod's containers; returns True when its status changed."""
        if rt.mode in ("static", "done"):
            return False
        changed = False
        md = pod["metadata"]
        if md.get("deletionTimestamp"):
            if rt.delete_at and now >= rt.delete_at:
                for ct in rt.containers.values():
                    if ct.runs:
                        ct.runs[-1].finish(now)
                self.store.delete("pods", md["namespace"], md["name"])
                self.pods_rt.pop(md["uid"], None)
                return False
            return False
        # init containers first, one at a time
        for ct in rt.inits.values():
            if ct.state == "terminated":
                continue
            if ct.next_at and now >= ct.next_at:
                if ct.state == "waiting":
                    self.new_run(ct, now, 1.0)
                    ct.ready = False
                    ct.next_at = now + 0.6
                    self.emit_event(pod, "Pod", "Started", f"Started container {ct.name}",
                                    field_path=f"spec.initContainers{{{ct.name}}}", t=now)
                else:
                    ct.runs[-1].finish(now, ["migraciones aplicadas: 1 (0 pendientes)"])
                    ct.state = "terminated"
                    ct.term = {"exitCode": 0, "reason": "Completed", "startedAt": now_ts(ct.started_at),
                               "finishedAt": now_ts(now)}
                    ct.next_at = None
                    for c in rt.containers.values():
                        c.next_at = now + 0.3
                changed = True
            return changed
        for ct in rt.containers.values():
            if not ct.next_at or now < ct.next_at:
                continue
            changed = True
            if ct.state == "waiting":       # (re)start a run
                if ct.runs:
                    ct.restarts += 1 if ct.reason == "CrashLoopBackOff" else 0
                self.new_run(ct, now, rt.rate)
                ct.ready = rt.mode != "crash"
                ct.next_at = now + 2.5 if rt.mode == "crash" else None
                fp = f"spec.containers{{{ct.name}}}"
                img = next((c["image"] for c in pod["spec"]["containers"] if c["name"] == ct.name), "")
                self.emit_event(pod, "Pod", "Pulled", f'Container image "{img}" already present on machine',
                                field_path=fp, t=now)
                self.emit_event(pod, "Pod", "Created", f"Created container {ct.name}", field_path=fp, t=now)
                self.emit_event(pod, "Pod", "Started", f"Started container {ct.name}", field_path=fp, t=now)
            elif ct.state == "running":     # crash mode: the run dies
                reason = rt.crash_reason
                code = 137 if reason == "OOMKilled" else 2
                ct.runs[-1].finish(now, [] if reason == "OOMKilled" else GO_PANIC)
                ct.term = {"exitCode": code, "reason": reason, "startedAt": now_ts(ct.started_at),
                           "finishedAt": now_ts(now)}
                ct.state = "terminated"
                ct.ready = False
                ct.next_at = now + 1.0
            elif ct.state == "terminated":  # into back-off
                ct.last_term = dict(ct.term, containerID=ct.container_id)
                ct.state = "waiting"
                ct.reason = "CrashLoopBackOff"
                b = min(rt.backoff, rt.backoff_max)
                ct.message = (f"back-off {int(b)}s restarting failed container={ct.name} "
                              f"pod={md['name']}_{md['namespace']}({md['uid']})")
                ct.next_at = now + b
                rt.backoff = min(rt.backoff * 2, rt.backoff_max)
                self.emit_event(pod, "Pod", "BackOff", f"Back-off restarting failed container {ct.name} in pod "
                                f"{md['name']}_{md['namespace']}({md['uid']})", etype="Warning",
                                field_path=f"spec.containers{{{ct.name}}}", t=now)
        if changed:
            self.render_pod(pod, rt)
        return changed

    def pod_ready(self, pod):
        return any(c.get("type") == "Ready" and c.get("status") == "True"
                   for c in pod.get("status", {}).get("conditions", []))

    def terminate_pod(self, pod, now, reason="Killing"):
        md = pod["metadata"]
        if md.get("deletionTimestamp"):
            return
        grace = pod["spec"].get("terminationGracePeriodSeconds", 30)
        md["deletionTimestamp"] = now_ts(now + grace)
        md["deletionGracePeriodSeconds"] = grace
        rt = self.pods_rt.get(md["uid"])
        if rt is not None:
            if rt.mode in ("static", "done"):
                rt.mode = "ok"
            rt.delete_at = now + TERMINATE_DELAY
        else:
            self.store.delete("pods", md["namespace"], md["name"])
            return
        self.store.update("pods", pod)
        for c in pod["spec"].get("containers", []):
            self.emit_event(pod, "Pod", "Killing", f"Stopping container {c['name']}",
                            field_path=f"spec.containers{{{c['name']}}}", t=now)

    # ------------------------------------------------------------ controllers
    def owned(self, res_pods, uid):
        return [p for p in res_pods.get(uid, [])]

    def pods_by_owner(self):
        m = {}
        for p in self.store.objects.get("pods", {}).values():
            for o in p["metadata"].get("ownerReferences", []) or []:
                m.setdefault(o["uid"], []).append(p)
        return m

    def tick_rs(self, rs, by_owner, now):
        pods = [p for p in by_owner.get(rs["metadata"]["uid"], []) if not p["metadata"].get("deletionTimestamp")]
        want = rs["spec"].get("replicas", 0)
        dep = None
        for o in rs["metadata"].get("ownerReferences", []):
            if o["kind"] == "Deployment":
                dep = self.store.get("deployments", rs["metadata"]["namespace"], o["name"])
        if len(pods) < want and self.faults["node_ready"]:
            crash = self.rs_crash.get(rs["metadata"]["uid"])
            src = None
            if dep is not None:
                src = next((d for d in self.sc.get("deployments", []) if d["name"] == dep["metadata"]["name"] and
                            d["ns"] == dep["metadata"]["namespace"]), None)
            for _ in range(min(want - len(pods), 10)):
                p = self.create_pod_from(rs, "ReplicaSet", "apps/v1", None, src, now,
                                         crash={"reason": crash, "backoff": 5} if crash else None)
                if crash:
                    rt = self.pods_rt[p["metadata"]["uid"]]
                    rt.backoff, rt.backoff_max = 5.0, 20.0
                self.emit_event(rs, "ReplicaSet", "SuccessfulCreate", f"Created pod: {p['metadata']['name']}",
                                component="replicaset-controller", t=now, api_version="apps/v1")
                pods.append(p)
                by_owner.setdefault(rs["metadata"]["uid"], []).append(p)
        elif len(pods) > want:
            ranked = sorted(pods, key=lambda p: (self.pod_ready(p), -(parse_ts(p["metadata"]["creationTimestamp"]) or 0)))
            for p in ranked[:len(pods) - want]:
                self.terminate_pod(p, now)
                self.emit_event(rs, "ReplicaSet", "SuccessfulDelete", f"Deleted pod: {p['metadata']['name']}",
                                component="replicaset-controller", t=now, api_version="apps/v1")
            pods = ranked[len(pods) - want:]
        ready = sum(1 for p in pods if self.pod_ready(p))
        st = {"replicas": len(pods), "fullyLabeledReplicas": len(pods), "readyReplicas": ready,
              "availableReplicas": ready, "observedGeneration": rs["metadata"].get("generation", 1)}
        if not ready:
            st.pop("readyReplicas")
            st.pop("availableReplicas")
        if not pods:
            st.pop("fullyLabeledReplicas")
        if st != rs.get("status"):
            rs["status"] = st
            self.store.update("replicasets", rs)

    def owned_rs(self, dep, rs_idx=None):
        uid = dep["metadata"]["uid"]
        if rs_idx is not None:
            return list(rs_idx.get(uid, []))
        return [r for r in self.store.objects.get("replicasets", {}).values()
                if any(o["uid"] == uid for o in r["metadata"].get("ownerReferences", []))]

    def rs_by_owner(self):
        m = {}
        for r in self.store.objects.get("replicasets", {}).values():
            for o in r["metadata"].get("ownerReferences", []) or []:
                m.setdefault(o["uid"], []).append(r)
        return m

    def tick_deployment(self, dep, now, idx=None):
        md, sp = dep["metadata"], dep["spec"]
        desired = sp.get("replicas", 1)
        h = template_hash(sp["template"])
        rss = self.owned_rs(dep, idx[1] if idx else None)
        rev = lambda r: int(r["metadata"].get("annotations", {}).get("deployment.kubernetes.io/revision", "0"))  # noqa
        maxrev = max((rev(r) for r in rss), default=0)
        new = next((r for r in rss if r["metadata"]["labels"].get("pod-template-hash") == h), None)
        dep_changed = False
        if new is None:
            cause = md.get("annotations", {}).get("kubernetes.io/change-cause")
            new = self.make_rs(dep, sp["template"], maxrev + 1, 0, now, cause=cause)
            rss.append(new)
            fault = self.faults["next_rollout_crash"]
            deadline = sp.get("progressDeadlineSeconds", 600)
            if fault and fault.get("deployment") in (None, "", md["name"]):
                self.rs_crash[new["metadata"]["uid"]] = fault.get("reason", "Error")
                deadline = fault.get("deadline", deadline)
                self.faults["next_rollout_crash"] = None
            self.rollout_started[md["uid"]] = (now, deadline)
            md.setdefault("annotations", {})["deployment.kubernetes.io/revision"] = str(maxrev + 1)
            dep_changed = True
        elif rev(new) != maxrev and len(rss) > 1:
            # Rolling back to an older ReplicaSet: it becomes the newest revision.
            old = str(rev(new))
            ann = new["metadata"].setdefault("annotations", {})
            hist = ann.get("deployment.kubernetes.io/revision-history")
            ann["deployment.kubernetes.io/revision-history"] = f"{hist},{old}" if hist else old
            ann["deployment.kubernetes.io/revision"] = str(maxrev + 1)
            self.store.update("replicasets", new)
            md.setdefault("annotations", {})["deployment.kubernetes.io/revision"] = str(maxrev + 1)
            self.rollout_started[md["uid"]] = (now, sp.get("progressDeadlineSeconds", 600))
            dep_changed = True
        if md.get("annotations", {}).get("deployment.kubernetes.io/revision") != str(rev(new)):
            md.setdefault("annotations", {})["deployment.kubernetes.io/revision"] = str(rev(new))
            dep_changed = True
        olds = sorted((r for r in rss if r is not new), key=rev)
        old_total = sum(r["spec"].get("replicas", 0) for r in olds)
        by_owner = idx[0] if idx else self.pods_by_owner()

        def scale(r, n, up):
            r["spec"]["replicas"] = n
            ann = r["metadata"].setdefault("annotations", {})
            ann["deployment.kubernetes.io/desired-replicas"] = str(desired)
            ann["deployment.kubernetes.io/max-replicas"] = str(desired + max(1, math.ceil(desired * 0.25)))
            self.store.update("replicasets", r)
            self.emit_event(dep, "Deployment", "ScalingReplicaSet",
                            f"Scaled {'up' if up else 'down'} replica set {r['metadata']['name']} from "
                            f"{r['status'].get('replicas', 0)} to {n}", component="deployment-controller", t=now,
                            api_version="apps/v1")

        if old_total == 0:
            if new["spec"].get("replicas", 0) != desired:
                scale(new, desired, desired > new["spec"].get("replicas", 0))
        else:
            surge = max(1, math.ceil(desired * 0.25))
            unav = math.floor(desired * 0.25)
            total = new["spec"].get("replicas", 0) + old_total
            if new["spec"].get("replicas", 0) < desired and total < desired + surge:
                scale(new, min(desired, new["spec"].get("replicas", 0) + desired + surge - total), True)
            all_pods = [p for r in rss for p in by_owner.get(r["metadata"]["uid"], [])
                        if not p["metadata"].get("deletionTimestamp")]
            avail = sum(1 for p in all_pods if self.pod_ready(p))
            can = avail - (desired - unav)
            for r in olds:
                n = r["spec"].get("replicas", 0)
                if n == 0:
                    continue
                unready = sum(1 for p in by_owner.get(r["metadata"]["uid"], [])
                              if not self.pod_ready(p) and not p["metadata"].get("deletionTimestamp"))
                dec = min(n, max(0, can) + unready)
                if dec > 0:
                    scale(r, n - dec, False)
                    can -= max(0, dec - unready)
        for r in rss:
            self.tick_rs(r, by_owner, now)
        live = lambda r: [p for p in by_owner.get(r["metadata"]["uid"], [])  # noqa: E731
                          if not p["metadata"].get("deletionTimestamp")]
        total_pods = sum(len(live(r)) for r in rss)
        new_pods = live(new)
        ready = sum(1 for r in rss for p in live(r) if self.pod_ready(p))
        updated = len(new_pods)
        spec_total = sum(r["spec"].get("replicas", 0) for r in rss)
        st = {"observedGeneration": md.get("generation", 1), "replicas": total_pods, "updatedReplicas": updated,
              "readyReplicas": ready, "availableReplicas": ready}
        unavailable = max(0, spec_total - ready)
        if unavailable:
            st["unavailableReplicas"] = unavailable
        for k in ("replicas", "updatedReplicas", "readyReplicas", "availableReplicas"):
            if st[k] == 0:
                del st[k]
        old_conds = {c["type"]: c for c in (dep.get("status") or {}).get("conditions", [])}
        surge_unav = math.floor(desired * 0.25)
        avail_ok = ready >= desired - surge_unav
        complete = updated == desired and total_pods == desired and ready == desired
        started = self.rollout_started.get(md["uid"])
        nm = new["metadata"]["name"]
        if complete:
            prog = ("True", "NewReplicaSetAvailable", f'ReplicaSet "{nm}" has successfully progressed.')
            self.rollout_started.pop(md["uid"], None)
        elif started and now - started[0] > started[1]:
            prog = ("False", "ProgressDeadlineExceeded", f'ReplicaSet "{nm}" has timed out progressing.')
        else:
            prog = ("True", "ReplicaSetUpdated", f'ReplicaSet "{nm}" is progressing.')

        def mk(typ, status, reason, msg):
            o = old_conds.get(typ)
            same = o and o["status"] == status and o["reason"] == reason and o["message"] == msg
            if same:
                return o
            ttime = o["lastTransitionTime"] if o and o["status"] == status else now_ts(now)
            return {"type": typ, "status": status, "lastUpdateTime": now_ts(now), "lastTransitionTime": ttime,
                    "reason": reason, "message": msg}
        st["conditions"] = [
            mk("Available", "True" if avail_ok else "False",
               "MinimumReplicasAvailable" if avail_ok else "MinimumReplicasUnavailable",
               "Deployment has minimum availability." if avail_ok else
               "Deployment does not have minimum availability."),
            mk("Progressing", *prog)]
        if st != dep.get("status") or dep_changed:
            dep["status"] = st
            self.store.update("deployments", dep)

    def tick_set(self, obj, res, now):
        """DaemonSet / StatefulSet: one pod per ordinal (or per node), replaced one at a time on template change."""
        md, sp = obj["metadata"], obj["spec"]
        h = template_hash(sp["template"])
        want = sp.get("replicas", 1) if res == "statefulsets" else (1 if self.faults["node_ready"] else 1)
        by_owner = self.pods_by_owner()
        pods = by_owner.get(md["uid"], [])
        live = [p for p in pods if not p["metadata"].get("deletionTimestamp")]
        terminating = len(pods) - len(live)
        kind = "StatefulSet" if res == "statefulsets" else "DaemonSet"
        hkey = "controller-revision-hash"
        if len(live) < want and not terminating:
            name = None
            if res == "statefulsets":
                used = {p["metadata"]["name"] for p in pods}
                name = next(f"{md['name']}-{i}" for i in range(want + len(used) + 1) if f"{md['name']}-{i}" not in used)
            src = next((d for d in self.sc.get("daemonsets", []) + self.sc.get("statefulsets", [])
                        if d["name"] == md["name"]), None)
            p = self.create_pod_from(obj, kind, "apps/v1", None, src, now, name=name)
            p["metadata"]["labels"][hkey] = h
            self.store.update("pods", p)
            self.emit_event(obj, kind, "SuccessfulCreate", f"Created pod: {p['metadata']['name']}",
                            component="daemonset-controller" if kind == "DaemonSet" else "statefulset-controller",
                            t=now, api_version="apps/v1")
            live.append(p)
        elif not terminating and all(self.pod_ready(p) for p in live):
            stale = [p for p in live if p["metadata"]["labels"].get(hkey) != h]
            if stale:
                self.terminate_pod(stale[-1], now)
        ready = sum(1 for p in live if self.pod_ready(p))
        updated = sum(1 for p in live if p["metadata"]["labels"].get(hkey) == h)
        gen = md.get("generation", 1)
        if res == "daemonsets":
            st = {"currentNumberScheduled": len(live), "desiredNumberScheduled": want, "numberMisscheduled": 0,
                  "numberReady": ready, "numberAvailable": ready, "updatedNumberScheduled": updated,
                  "observedGeneration": gen}
            if want - ready:
                st["numberUnavailable"] = want - ready
        else:
            st = {"replicas": len(live), "readyReplicas": ready, "currentReplicas": updated, "updatedReplicas": updated,
                  "availableReplicas": ready, "currentRevision": f"{md['name']}-{h}",
                  "updateRevision": f"{md['name']}-{h}", "observedGeneration": gen, "collisionCount": 0}
        if st != obj.get("status"):
            obj["status"] = st
            self.store.update(res, obj)

    def tick(self):
        now = time.time()
        with self.lock:
            for pod in list(self.store.objects.get("pods", {}).values()):
                rt = self.pods_rt.get(pod["metadata"]["uid"])
                if rt is not None and self.tick_pod(pod, rt, now):
                    if self.store.get("pods", pod["metadata"]["namespace"], pod["metadata"]["name"]) is pod:
                        self.store.update("pods", pod)
            idx = (self.pods_by_owner(), self.rs_by_owner())
            for dep in list(self.store.objects.get("deployments", {}).values()):
                self.tick_deployment(dep, now, idx)
            for res in ("daemonsets", "statefulsets"):
                for o in list(self.store.objects.get(res, {}).values()):
                    self.tick_set(o, res, now)
            # Orphans: ReplicaSets whose deployment is gone.
            deps = {d["metadata"]["uid"] for d in self.store.objects.get("deployments", {}).values()}
            by_owner = None
            for rs in list(self.store.objects.get("replicasets", {}).values()):
                owners = rs["metadata"].get("ownerReferences", [])
                if owners and owners[0]["kind"] == "Deployment" and owners[0]["uid"] not in deps:
                    by_owner = by_owner or self.pods_by_owner()
                    for p in by_owner.get(rs["metadata"]["uid"], []):
                        self.terminate_pod(p, now)
                    self.store.delete("replicasets", rs["metadata"]["namespace"], rs["metadata"]["name"])

    K3S_LOG_LINES = [
        ("I", "controller.go:615", "quota admission added evaluator for: replicasets.apps"),
        ("I", "trace.go:236", 'Trace[{n}]: "Update" accept:application/vnd.kubernetes.protobuf,application/json,'
                              'audit-id:{h},client:127.0.0.1,api-group:coordination.k8s.io,api-version:v1,'
                              'name:joledev-vps,subresource:,namespace:kube-node-lease,protocol:HTTP/2.0,'
                              'resource:leases,scope:resource,url:/apis/coordination.k8s.io/v1/namespaces/'
                              'kube-node-lease/leases/joledev-vps,user-agent:k3s/v1.31.5+k3s1,verb:PUT '
                              '(27-Nov-2026 08:00:00.000) (total time: {ms}ms)'),
        ("W", "reflector.go:484", "k8s.io/client-go/informers/factory.go:160: watch of *v1.Pod ended with: an error "
                                  "on the server (\"unable to decode an event from the watch stream: http2: client "
                                  "connection lost\") has prevented the request from succeeding"),
        ("I", "event.go:389", 'Event(v1.ObjectReference{{Kind:"Node", Name:"joledev-vps"}}): type: \'Normal\' '
                              "reason: 'RegisteredNode' Node joledev-vps event: Registered Node joledev-vps"),
        ("E", "remote_runtime.go:633", '"ContainerStatus from runtime service failed" err="rpc error: code = '
                                       'NotFound desc = an error occurred when try to find container"'),
        ("I", "kubelet_node_status.go:488", "Fast updating node status as it just became ready"),
        ("I", "scope.go:117", '"RemoveContainer" containerID="{h}"'),
        ("I", "log.go:245", "http: TLS handshake error from 10.42.0.1:{port}: EOF"),
        ("I", "garbagecollector.go:826", '"failed to discover some groups" groups=map[metrics.k8s.io/v1beta1:stale '
                                         'GroupVersion discovery: metrics.k8s.io/v1beta1]'),
        ("I", "alloc.go:330", '"allocated clusterIPs" service="joledev/api-scheduler" clusterIPs={{"IPv4":'
                              '"10.43.{a}.{b}"}}'),
    ]

    def k3s_log_line(self, n, t):
        lvl, src, msg = self.K3S_LOG_LINES[(n * 7) % len(self.K3S_LOG_LINES)]
        msg = msg.format(n=n, h=hashlib.sha1(str(n).encode()).hexdigest()[:16], ms=100 + n % 900,
                         port=30000 + n % 30000, a=n % 250, b=(n * 3) % 250)
        lt = time.localtime(t)
        micro = int((t % 1) * 1e6)
        return (f"{time.strftime('%b %d %H:%M:%S', lt)} {self.node_name} k3s[1187]: "
                f"{lvl}{time.strftime('%m%d %H:%M:%S', time.gmtime(t))}.{micro:06d}    1187 {src}] {msg}")

    def run(self, k3s_log=None):
        n = 0
        if k3s_log:
            # K3s' own log, as `journalctl -u k3s` shows it (the journalctl shim reads this file).
            with open(k3s_log, "w", encoding="utf-8") as f:
                now = time.time()
                for i in range(200):
                    f.write(self.k3s_log_line(i, now - 3600 + i * 17) + "\n")
                n = 200
        last_log = 0.0
        while not self.stop_event.wait(0.2):
            try:
                self.tick()
                if k3s_log and time.time() - last_log > 2.0:
                    last_log = time.time()
                    with open(k3s_log, "a", encoding="utf-8") as f:
                        f.write(self.k3s_log_line(n, last_log) + "\n")
                    n += 1
            except Exception:  # the simulator must not die on one bad tick
                import traceback
                traceback.print_exc()

    # ------------------------------------------------------------ metrics
    def pod_metrics(self, pod, now):
        rt = self.pods_rt.get(pod["metadata"]["uid"])
        if rt is None or pod["status"].get("phase") != "Running":
            return None
        cs = []
        for ct in rt.containers.values():
            if ct.state != "running":
                continue
            wob = math.sin(now / 37.0 + (hash(ct.name) % 100)) * 0.15 + 1.0
            cpu_n = int(max(0.0, ct.cpu_m * wob) * 1e6) + 100000
            mem_ki = int(ct.mem_mi * 1024 * (0.97 + 0.03 * wob))
            cs.append({"name": ct.name, "usage": {"cpu": f"{cpu_n}n", "memory": f"{mem_ki}Ki"}})
        if not cs:
            return None
        md = pod["metadata"]
        return {"metadata": {"name": md["name"], "namespace": md["namespace"], "creationTimestamp": now_ts(now),
                             "labels": md.get("labels", {})},
                "timestamp": now_ts(now - 7), "window": "15.011s", "containers": cs}

    def node_metrics(self, node, now):
        pods_mem = 0.0
        pods_cpu = 0.0
        for p in self.store.objects.get("pods", {}).values():
            m = self.pod_metrics(p, now)
            if m:
                for c in m["containers"]:
                    pods_cpu += int(c["usage"]["cpu"][:-1]) / 1e6
                    pods_mem += int(c["usage"]["memory"][:-2]) / 1024
        sys_mem = self.sc["node"].get("system_memory_mi", 640) + math.sin(now / 53.0) * 12
        sys_cpu = self.sc["node"].get("system_cpu_m", 95) + math.sin(now / 41.0) * 20
        return {"metadata": {"name": node["metadata"]["name"], "creationTimestamp": now_ts(now),
                             "labels": node["metadata"].get("labels", {})},
                "timestamp": now_ts(now - 9), "window": "20.04s",
                "usage": {"cpu": f"{int((pods_cpu + sys_cpu) * 1e6)}n",
                          "memory": f"{int((pods_mem + sys_mem) * 1024)}Ki"}}
