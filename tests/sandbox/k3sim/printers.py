"""Server-side Table printing (meta.k8s.io/v1 Table), a port of the columns and
the logic of kubernetes/pkg/printers/internalversion/printers.go. kubectl's
human output, and so its STATUS column, comes from here."""
import time

from store import parse_ts


def human_duration(seconds):
    s = int(seconds)
    if s < -1:
        return "<invalid>"
    if s < 0:
        return "0s"
    if s < 120:
        return f"{s}s"
    minutes = s // 60
    if minutes < 10:
        sec = s % 60
        return f"{minutes}m" if sec == 0 else f"{minutes}m{sec}s"
    if minutes < 180:
        return f"{minutes}m"
    hours = s // 3600
    if hours < 8:
        m = minutes % 60
        return f"{hours}h" if m == 0 else f"{hours}h{m}m"
    if hours < 48:
        return f"{hours}h"
    if hours < 24 * 8:
        h = hours % 24
        return f"{hours // 24}d" if h == 0 else f"{hours // 24}d{h}h"
    if hours < 24 * 365 * 2:
        return f"{hours // 24}d"
    if hours < 24 * 365 * 8:
        dy = (hours // 24) % 365
        return f"{hours // 24 // 365}y" if dy == 0 else f"{hours // 24 // 365}y{dy}d"
    return f"{hours // 24 // 365}y"


def since(ts):
    t = parse_ts(ts) if isinstance(ts, str) else ts
    if t is None:
        return "<unknown>"
    return human_duration(time.time() - t)


def col(name, typ="string", fmt="", desc="", prio=0):
    return {"name": name, "type": typ, "format": fmt, "description": desc or name, "priority": prio}


def _restartable_init(c):
    return c is not None and c.get("restartPolicy") == "Always"


def pod_row(pod):
    spec, st = pod.get("spec", {}), pod.get("status", {})
    restarts = 0
    rinit_restarts = 0
    total = len(spec.get("containers", []))
    ready = 0
    last_restart = None
    last_rinit_restart = None
    phase = st.get("phase", "")
    reason = st.get("reason") or phase
    for c in st.get("conditions", []) or []:
        if c.get("type") == "PodScheduled" and c.get("reason") == "SchedulingGated":
            reason = "SchedulingGated"
    inits = {c["name"]: c for c in spec.get("initContainers", []) or []}
    for c in spec.get("initContainers", []) or []:
        if _restartable_init(c):
            total += 1

    def later(a, b):
        return b if a is None or (b is not None and b > a) else a

    initializing = False
    n_init = len(spec.get("initContainers", []) or [])
    for i, cs in enumerate(st.get("initContainerStatuses", []) or []):
        restarts += int(cs.get("restartCount", 0))
        lt = (cs.get("lastState") or {}).get("terminated")
        if lt:
            last_restart = later(last_restart, parse_ts(lt.get("finishedAt")))
        ic = inits.get(cs.get("name"))
        if _restartable_init(ic):
            rinit_restarts += int(cs.get("restartCount", 0))
            if lt:
                last_rinit_restart = later(last_rinit_restart, parse_ts(lt.get("finishedAt")))
        state = cs.get("state") or {}
        term, wait = state.get("terminated"), state.get("waiting")
        if term and term.get("exitCode", 0) == 0:
            continue
        if _restartable_init(ic) and cs.get("started"):
            if cs.get("ready"):
                ready += 1
            continue
        if term:
            if not term.get("reason"):
                if term.get("signal"):
                    reason = f"Init:Signal:{term['signal']}"
                else:
                    reason = f"Init:ExitCode:{term.get('exitCode', 0)}"
            else:
                reason = "Init:" + term["reason"]
            initializing = True
        elif wait and wait.get("reason") and wait["reason"] != "PodInitializing":
            reason = "Init:" + wait["reason"]
            initializing = True
        else:
            reason = f"Init:{i}/{n_init}"
            initializing = True
        break

    initialized = any(c.get("type") == "Initialized" and c.get("status") == "True"
                      for c in st.get("conditions", []) or [])
    if not initializing or initialized:
        restarts = rinit_restarts
        last_restart = last_rinit_restart
        has_running = False
        for cs in reversed(st.get("containerStatuses", []) or []):
            restarts += int(cs.get("restartCount", 0))
            lt = (cs.get("lastState") or {}).get("terminated")
            if lt:
                last_restart = later(last_restart, parse_ts(lt.get("finishedAt")))
            state = cs.get("state") or {}
            term, wait = state.get("terminated"), state.get("waiting")
            if wait and wait.get("reason"):
                reason = wait["reason"]
            elif term and term.get("reason"):
                reason = term["reason"]
            elif term and not term.get("reason"):
                if term.get("signal"):
                    reason = f"Signal:{term['signal']}"
                else:
                    reason = f"ExitCode:{term.get('exitCode', 0)}"
            elif cs.get("ready") and state.get("running") is not None:
                has_running = True
                ready += 1
        if reason == "Completed" and has_running:
            if any(c.get("type") == "Ready" and c.get("status") == "True" for c in st.get("conditions", []) or []):
                reason = "Running"
            else:
                reason = "NotReady"

    md = pod["metadata"]
    if md.get("deletionTimestamp") and st.get("reason") == "NodeLost":
        reason = "Unknown"
    elif md.get("deletionTimestamp") and phase not in ("Succeeded", "Failed"):
        reason = "Terminating"

    rs = str(restarts)
    if restarts != 0 and last_restart is not None:
        rs = f"{restarts} ({human_duration(time.time() - last_restart)} ago)"
    nominated = st.get("nominatedNodeName") or "<none>"
    gates = spec.get("readinessGates") or []
    gates_s = "<none>"
    if gates:
        conds = {c.get("type"): c.get("status") for c in st.get("conditions", []) or []}
        ok = sum(1 for g in gates if conds.get(g.get("conditionType")) == "True")
        gates_s = f"{ok}/{len(gates)}"
    ip = st.get("podIP") or "<none>"
    node = spec.get("nodeName") or "<none>"
    cond = None
    if phase == "Succeeded":
        cond = [{"type": "Completed", "status": "True"}]
    elif phase == "Failed":
        cond = [{"type": "Completed", "status": "False"}]
    return [md["name"], f"{ready}/{total}", reason, rs, since(md.get("creationTimestamp")), ip, node, nominated,
            gates_s], cond


POD_COLS = [col("Name", fmt="name"), col("Ready"), col("Status"), col("Restarts"), col("Age"),
            col("IP", prio=1), col("Node", prio=1), col("Nominated Node", prio=1), col("Readiness Gates", prio=1)]


def _containers_images(tmpl_spec):
    cs = tmpl_spec.get("containers", []) or []
    return ",".join(c.get("name", "") for c in cs), ",".join(c.get("image", "") for c in cs)


def _selector_str(sel):
    if not sel:
        return "<none>"
    parts = [f"{k}={v}" for k, v in sorted((sel.get("matchLabels") or {}).items())]
    for e in sel.get("matchExpressions") or []:
        op = e.get("operator")
        if op == "In":
            parts.append(f"{e['key']} in ({','.join(sorted(e.get('values', [])))})")
        elif op == "NotIn":
            parts.append(f"{e['key']} notin ({','.join(sorted(e.get('values', [])))})")
        elif op == "Exists":
            parts.append(e["key"])
        elif op == "DoesNotExist":
            parts.append("!" + e["key"])
    return ",".join(parts) or "<none>"


def deployment_row(d):
    sp, st = d.get("spec", {}), d.get("status", {})
    c, i = _containers_images(sp.get("template", {}).get("spec", {}))
    return [d["metadata"]["name"], f"{st.get('readyReplicas', 0)}/{sp.get('replicas', 1)}",
            st.get("updatedReplicas", 0), st.get("availableReplicas", 0), since(d["metadata"].get("creationTimestamp")),
            c, i, _selector_str(sp.get("selector"))], None


DEPLOY_COLS = [col("Name", fmt="name"), col("Ready"), col("Up-to-date", "integer"), col("Available", "integer"),
               col("Age"), col("Containers", prio=1), col("Images", prio=1), col("Selector", prio=1)]


def rs_row(r):
    sp, st = r.get("spec", {}), r.get("status", {})
    c, i = _containers_images(sp.get("template", {}).get("spec", {}))
    return [r["metadata"]["name"], sp.get("replicas", 0), st.get("replicas", 0), st.get("readyReplicas", 0),
            since(r["metadata"].get("creationTimestamp")), c, i, _selector_str(sp.get("selector"))], None


RS_COLS = [col("Name", fmt="name"), col("Desired", "integer"), col("Current", "integer"), col("Ready", "integer"),
           col("Age"), col("Containers", prio=1), col("Images", prio=1), col("Selector", prio=1)]


def sts_row(s):
    sp, st = s.get("spec", {}), s.get("status", {})
    c, i = _containers_images(sp.get("template", {}).get("spec", {}))
    return [s["metadata"]["name"], f"{st.get('readyReplicas', 0)}/{sp.get('replicas', 1)}",
            since(s["metadata"].get("creationTimestamp")), c, i], None


STS_COLS = [col("Name", fmt="name"), col("Ready"), col("Age"), col("Containers", prio=1), col("Images", prio=1)]


def ds_row(d):
    sp, st = d.get("spec", {}), d.get("status", {})
    c, i = _containers_images(sp.get("template", {}).get("spec", {}))
    ns = sp.get("template", {}).get("spec", {}).get("nodeSelector") or {}
    ns_s = ",".join(f"{k}={v}" for k, v in sorted(ns.items())) or "<none>"
    return [d["metadata"]["name"], st.get("desiredNumberScheduled", 0), st.get("currentNumberScheduled", 0),
            st.get("numberReady", 0), st.get("updatedNumberScheduled", 0), st.get("numberAvailable", 0), ns_s,
            since(d["metadata"].get("creationTimestamp")), c, i, _selector_str(sp.get("selector"))], None


DS_COLS = [col("Name", fmt="name"), col("Desired", "integer"), col("Current", "integer"), col("Ready", "integer"),
           col("Up-to-date", "integer"), col("Available", "integer"), col("Node Selector"), col("Age"),
           col("Containers", prio=1), col("Images", prio=1), col("Selector", prio=1)]


def node_row(n):
    st = n.get("status", {})
    status = []
    ready = next((c for c in st.get("conditions", []) if c.get("type") == "Ready"), None)
    if ready is None:
        status.append("Unknown")
    elif ready.get("status") == "True":
        status.append("Ready")
    else:
        status.append("NotReady")
    if n.get("spec", {}).get("unschedulable"):
        status.append("SchedulingDisabled")
    roles = sorted(k.split("/", 1)[1] for k in (n["metadata"].get("labels") or {})
                   if k.startswith("node-role.kubernetes.io/"))
    addr = {a.get("type"): a.get("address") for a in st.get("addresses", [])}
    info = st.get("nodeInfo", {})
    return [n["metadata"]["name"], ",".join(status), ",".join(roles) or "<none>",
            since(n["metadata"].get("creationTimestamp")), info.get("kubeletVersion", ""),
            addr.get("InternalIP", "<none>"), addr.get("ExternalIP", "<none>"), info.get("osImage", "<unknown>"),
            info.get("kernelVersion", "<unknown>"), info.get("containerRuntimeVersion", "<unknown>")], None


NODE_COLS = [col("Name", fmt="name"), col("Status"), col("Roles"), col("Age"), col("Version"),
             col("Internal-IP", prio=1), col("External-IP", prio=1), col("OS-Image", prio=1),
             col("Kernel-Version", prio=1), col("Container-Runtime", prio=1)]


def ns_row(n):
    return [n["metadata"]["name"], n.get("status", {}).get("phase", "Active"),
            since(n["metadata"].get("creationTimestamp"))], None


NS_COLS = [col("Name", fmt="name"), col("Status"), col("Age")]


def _access_modes(modes):
    short = {"ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"}
    return ",".join(short.get(m, m) for m in modes or [])


def pvc_row(p):
    sp, st = p.get("spec", {}), p.get("status", {})
    cap = (st.get("capacity") or {}).get("storage", "")
    return [p["metadata"]["name"], st.get("phase", "Pending"), sp.get("volumeName", ""), cap,
            _access_modes(st.get("accessModes")), sp.get("storageClassName", ""),
            sp.get("volumeAttributesClassName") or "<unset>", since(p["metadata"].get("creationTimestamp")),
            sp.get("volumeMode", "Filesystem")], None


PVC_COLS = [col("Name", fmt="name"), col("Status"), col("Volume"), col("Capacity"), col("Access Modes"),
            col("StorageClass"), col("VolumeAttributesClass"), col("Age"), col("VolumeMode", prio=1)]


def pv_row(p):
    sp, st = p.get("spec", {}), p.get("status", {})
    cr = sp.get("claimRef")
    claim = f"{cr.get('namespace')}/{cr.get('name')}" if cr else ""
    return [p["metadata"]["name"], (sp.get("capacity") or {}).get("storage", ""), _access_modes(sp.get("accessModes")),
            sp.get("persistentVolumeReclaimPolicy", ""), st.get("phase", ""), claim, sp.get("storageClassName", ""),
            sp.get("volumeAttributesClassName") or "<unset>", st.get("reason", ""),
            since(p["metadata"].get("creationTimestamp")), sp.get("volumeMode", "Filesystem")], None


PV_COLS = [col("Name", fmt="name"), col("Capacity"), col("Access Modes"), col("Reclaim Policy"), col("Status"),
           col("Claim"), col("StorageClass"), col("VolumeAttributesClass"), col("Reason"), col("Age"),
           col("VolumeMode", prio=1)]


def event_row(e):
    io = e.get("involvedObject", {})
    first = e.get("firstTimestamp") or e.get("eventTime")
    last = e.get("lastTimestamp") or e.get("eventTime") or first
    cnt = e.get("count") or 1
    last_s = since(last)
    if cnt > 1:
        last_s = f"{last_s} (x{cnt} over {since(first)})"
    src = e.get("source", {})
    src_s = src.get("component", "") + (", " + src.get("host") if src.get("host") else "")
    return [last_s, e.get("type", ""), e.get("reason", ""), f"{io.get('kind', '').lower()}/{io.get('name', '')}",
            io.get("fieldPath", ""), src_s or e.get("reportingComponent", ""), e.get("message", ""),
            since(first), cnt, e["metadata"]["name"]], None


EVENT_COLS = [col("Last Seen"), col("Type"), col("Reason"), col("Object"), col("Subobject", prio=1),
              col("Source", prio=1), col("Message"), col("First Seen", prio=1), col("Count", "integer", prio=1),
              col("Name", prio=1)]


def generic_row(o):
    return [o["metadata"]["name"], since(o["metadata"].get("creationTimestamp"))], None


GENERIC_COLS = [col("Name", fmt="name"), col("Age")]

PRINTERS = {
    "pods": (POD_COLS, pod_row),
    "deployments": (DEPLOY_COLS, deployment_row),
    "replicasets": (RS_COLS, rs_row),
    "statefulsets": (STS_COLS, sts_row),
    "daemonsets": (DS_COLS, ds_row),
    "nodes": (NODE_COLS, node_row),
    "namespaces": (NS_COLS, ns_row),
    "persistentvolumeclaims": (PVC_COLS, pvc_row),
    "persistentvolumes": (PV_COLS, pv_row),
    "events": (EVENT_COLS, event_row),
}


def partial_metadata(obj):
    return {"kind": "PartialObjectMetadata", "apiVersion": "meta.k8s.io/v1", "metadata": obj["metadata"]}


def table(res, objs, rv, include="Metadata", with_columns=True, cont=None, kind=None, api_version=None):
    cols, fn = PRINTERS.get(res, (GENERIC_COLS, generic_row))
    rows = []
    for o in objs:
        cells, conds = fn(o)
        row = {"cells": cells}
        if conds:
            row["conditions"] = conds
        if include == "Object":
            row["object"] = dict({"kind": kind, "apiVersion": api_version}, **o) if kind else o
        elif include != "None":
            row["object"] = partial_metadata(o)
        rows.append(row)
    md = {"resourceVersion": rv}
    if cont:
        md["continue"] = cont
    t = {"kind": "Table", "apiVersion": "meta.k8s.io/v1", "metadata": md, "rows": rows}
    t["columnDefinitions"] = cols if with_columns else None
    return t
