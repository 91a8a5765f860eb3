#!/usr/bin/env python3
"""k3sim: a simulated K3s API server for Vigía's sandbox (Python stdlib only).

Serves what real kubectl (1.20 .. 1.33) needs: legacy discovery, get/list/watch
(JSON and meta.k8s.io Tables), logs (follow/previous/tail/since/timestamps),
PATCH for rollout restart/undo and scale, metrics.k8s.io, and a control port
for fault injection (`vigia-sandbox ctl`). Binds 127.0.0.1 only."""
import argparse
import base64
import copy
import json
import os
import select
import socket
import sys
import threading
import time
import traceback
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import printers  # noqa: E402
from logs import ts9  # noqa: E402
from sim import K3S_VERSION, LOG_KEEP, Cluster  # noqa: E402
from store import Gone, micro_ts, now_ts, parse_field_selector, parse_label_selector, parse_ts  # noqa: E402

# resource -> (group, version, kind, namespaced, shortNames, verbs)
RW = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]
RESOURCES = {
    "pods": ("", "v1", "Pod", True, ["po"], RW),
    "nodes": ("", "v1", "Node", False, ["no"], RW),
    "namespaces": ("", "v1", "Namespace", False, ["ns"], ["create", "delete", "get", "list", "patch", "update",
                                                           "watch"]),
    "events": ("", "v1", "Event", True, ["ev"], RW),
    "persistentvolumeclaims": ("", "v1", "PersistentVolumeClaim", True, ["pvc"], RW),
    "persistentvolumes": ("", "v1", "PersistentVolume", False, ["pv"], RW),
    "services": ("", "v1", "Service", True, ["svc"], RW),
    "configmaps": ("", "v1", "ConfigMap", True, ["cm"], RW),
    "deployments": ("apps", "v1", "Deployment", True, ["deploy"], RW),
    "replicasets": ("apps", "v1", "ReplicaSet", True, ["rs"], RW),
    "statefulsets": ("apps", "v1", "StatefulSet", True, ["sts"], RW),
    "daemonsets": ("apps", "v1", "DaemonSet", True, ["ds"], RW),
    "controllerrevisions": ("apps", "v1", "ControllerRevision", True, [], RW),
    "jobs": ("batch", "v1", "Job", True, [], RW),
    "cronjobs": ("batch", "v1", "CronJob", True, ["cj"], RW),
    "ingresses": ("networking.k8s.io", "v1", "Ingress", True, ["ing"], RW),
    "storageclasses": ("storage.k8s.io", "v1", "StorageClass", False, ["sc"], RW),
}
SCALABLE = {"deployments", "replicasets", "statefulsets"}
GROUPS = [("apps", "v1"), ("batch", "v1"), ("autoscaling", "v1"), ("networking.k8s.io", "v1"),
          ("storage.k8s.io", "v1")]
MUTATING = {"POST", "PUT", "PATCH", "DELETE"}


def j(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode()


def status_obj(code, reason, message, details=None):
    s = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure", "message": message,
         "reason": reason, "code": code}
    if details:
        s["details"] = details
    return s


# ------------------------------------------------------------------ patching
def merge_patch(target, patch, strategic=False):
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    out = copy.deepcopy(target) if isinstance(target, dict) else {}
    for k, v in patch.items():
        if k.startswith("$"):
            continue
        if v is None:
            out.pop(k, None)
        elif isinstance(v, dict):
            out[k] = merge_patch(out.get(k), v, strategic)
        elif strategic and isinstance(v, list) and isinstance(out.get(k), list) and v and all(
                isinstance(x, dict) and "name" in x for x in v) and all(
                isinstance(x, dict) and "name" in x for x in out[k]):
            cur = {x["name"]: x for x in out[k]}
            order = [x["name"] for x in out[k]]
            for x in v:
                if x.get("$patch") == "delete":
                    cur.pop(x["name"], None)
                    continue
                if x["name"] in cur:
                    cur[x["name"]] = merge_patch(cur[x["name"]], x, strategic)
                else:
                    cur[x["name"]] = x
                    order.append(x["name"])
            out[k] = [cur[n] for n in order if n in cur]
        else:
            out[k] = copy.deepcopy(v)
    return out


def _ptr(path):
    if path == "":
        return []
    return [p.replace("~1", "/").replace("~0", "~") for p in path.lstrip("/").split("/")]


def json_patch(doc, ops):
    doc = copy.deepcopy(doc)
    for op in ops:
        parts = _ptr(op["path"])
        if not parts:
            doc = copy.deepcopy(op.get("value"))
            continue
        parent = doc
        for p in parts[:-1]:
            parent = parent[int(p)] if isinstance(parent, list) else parent.setdefault(p, {})
        last = parts[-1]
        kind = op["op"]
        if kind in ("add", "replace"):
            if isinstance(parent, list):
                if last == "-":
                    parent.append(copy.deepcopy(op["value"]))
                elif kind == "add":
                    parent.insert(int(last), copy.deepcopy(op["value"]))
                else:
                    parent[int(last)] = copy.deepcopy(op["value"])
            else:
                parent[last] = copy.deepcopy(op["value"])
        elif kind == "remove":
            if isinstance(parent, list):
                del parent[int(last)]
            else:
                parent.pop(last, None)
        elif kind == "test":
            cur = parent[int(last)] if isinstance(parent, list) else parent.get(last)
            if cur != op.get("value"):
                raise ValueError(f"test operation failed at {op['path']}")
        else:
            raise ValueError(f"unsupported json patch op {kind}")
    return doc


# ------------------------------------------------------------------ server
class Sim:
    def __init__(self, args):
        self.args = args
        self.dir = args.dir
        self.cluster = Cluster(args.scenario, args.storage, args.log_rate)
        self.audit_path = os.path.join(args.dir, "audit.jsonl")
        self.audit_lock = threading.Lock()
        self.api_server = None
        self.api_thread = None
        self.api_port = args.port
        self.conns = set()
        self.conns_lock = threading.Lock()
        self.api_up = False

    def audit(self, rec):
        with self.audit_lock:
            with open(self.audit_path, "a", encoding="utf-8") as f:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")

    def start_api(self):
        if self.api_up:
            return
        handler = make_api_handler(self)
        ThreadingHTTPServer.allow_reuse_address = True
        srv = ThreadingHTTPServer(("127.0.0.1", self.api_port), handler)
        srv.daemon_threads = True
        self.api_port = srv.server_address[1]
        self.api_server = srv
        self.api_thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
        self.api_thread.start()
        self.api_up = True

    def stop_api(self):
        """K3s stopped: the port refuses connections and open streams break."""
        if not self.api_up:
            return
        self.api_up = False
        srv = self.api_server
        srv.shutdown()
        srv.server_close()
        with self.conns_lock:
            conns = list(self.conns)
        for c in conns:
            try:
                c.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        with self.cluster.store.cond:
            self.cluster.store.cond.notify_all()


def parse_path(path):
    """-> dict(group, version, ns, res, name, sub) or None"""
    parts = [p for p in path.split("/") if p]
    if not parts:
        return None
    if parts[0] == "api":
        if len(parts) < 2:
            return None
        group, version, rest = "", parts[1], parts[2:]
    elif parts[0] == "apis":
        if len(parts) < 3:
            return None
        group, version, rest = parts[1], parts[2], parts[3:]
    else:
        return None
    r = {"group": group, "version": version, "ns": None, "res": None, "name": None, "sub": None}
    if not rest:
        return r
    if rest[0] == "namespaces" and len(rest) >= 3:
        r["ns"] = rest[1]
        rest = rest[2:]
    elif rest[0] == "namespaces" and len(rest) == 2:
        r["res"], r["name"] = "namespaces", rest[1]
        return r
    r["res"] = rest[0]
    if len(rest) > 1:
        r["name"] = rest[1]
    if len(rest) > 2:
        r["sub"] = "/".join(rest[2:])
    return r


def make_api_handler(sim):
    cl = sim.cluster
    store = cl.store

    class H(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "k3sim"
        sys_version = ""

        def log_message(self, fmt, *a):
            if os.environ.get("K3SIM_VERBOSE"):
                sys.stderr.write("%s %s\n" % (self.address_string(), fmt % a))

        def setup(self):
            super().setup()
            with sim.conns_lock:
                sim.conns.add(self.connection)

        def finish(self):
            try:
                super().finish()
            finally:
                with sim.conns_lock:
                    sim.conns.discard(self.connection)

        # -------------------------------------------------- plumbing
        def send_json(self, code, obj, ctype="application/json"):
            body = obj if isinstance(obj, bytes) else j(obj)
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache, private")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def send_status(self, code, reason, message, details=None):
            self.send_json(code, status_obj(code, reason, message, details))

        def not_found(self, res, name):
            self.send_status(404, "NotFound", f'{res} "{name}" not found', {"name": name, "kind": res})

        def start_chunked(self, ctype):
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Transfer-Encoding", "chunked")
            self.send_header("Cache-Control", "no-cache, private")
            self.end_headers()

        def chunk(self, data):
            if data:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
                self.wfile.flush()

        def end_chunks(self):
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()

        def client_gone(self):
            """True when the client closed its end (kubectl killed): stop streaming to it."""
            try:
                r, _, _ = select.select([self.connection], [], [], 0)
                if r:
                    return self.connection.recv(1, socket.MSG_PEEK) == b""
            except (OSError, ValueError):
                return True
            return False

        def body(self):
            n = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(n) if n else b""

        def wants_table(self):
            return "as=Table" in (self.headers.get("Accept") or "")

        # -------------------------------------------------- dispatch
        def do_GET(self):
            self.dispatch()

        def do_HEAD(self):
            self.dispatch()

        def do_POST(self):
            self.dispatch()

        def do_PUT(self):
            self.dispatch()

        def do_PATCH(self):
            self.dispatch()

        def do_DELETE(self):
            self.dispatch()

        def dispatch(self):
            u = urllib.parse.urlsplit(self.path)
            self.q = {k: v[-1] for k, v in urllib.parse.parse_qs(u.query, keep_blank_values=True).items()}
            self.upath = u.path
            raw = self.body() if self.command in MUTATING else b""
            if self.command in MUTATING:
                try:
                    parsed = json.loads(raw) if raw else None
                except ValueError:
                    parsed = raw.decode("utf-8", "replace")
                sim.audit({"time": now_ts(), "unix": time.time(), "method": self.command, "path": u.path,
                           "query": u.query, "content_type": self.headers.get("Content-Type", ""), "body": parsed,
                           "user_agent": self.headers.get("User-Agent", "")})
            self.raw = raw
            slow = cl.faults.get("slow_ms") or 0
            if slow:
                time.sleep(slow / 1000.0)
            if self.inject_error(u.path):
                return
            try:
                self.route(u.path)
            except (BrokenPipeError, ConnectionResetError):
                self.close_connection = True
            except Exception as e:  # report, never kill the server thread silently
                traceback.print_exc()
                try:
                    self.send_status(500, "InternalError", f"k3sim: {type(e).__name__}: {e}")
                except OSError:
                    pass

        def inject_error(self, path):
            f = cl.faults.get("api_error")
            if not f:
                return False
            discovery = path in ("/version", "/api", "/apis", "/api/v1") or (
                path.startswith("/apis/") and path.count("/") == 3) or path.startswith("/openapi")
            if discovery and not f.get("discovery"):
                return False
            if f.get("path") and f["path"] not in path:
                return False
            if f["remaining"] == 0:
                cl.faults["api_error"] = None
                return False
            if f["remaining"] > 0:
                f["remaining"] -= 1
                if f["remaining"] == 0:
                    cl.faults["api_error"] = None
            code = f.get("code", 500)
            reasons = {500: "InternalError", 503: "ServiceUnavailable", 429: "TooManyRequests", 403: "Forbidden",
                       401: "Unauthorized", 404: "NotFound", 504: "Timeout"}
            msg = f.get("message") or ("an error on the server (\"Internal Server Error\") has prevented the request "
                                       "from succeeding" if code == 500 else f"simulated error {code}")
            self.send_status(code, reasons.get(code, "InternalError"), msg)
            return True

        def route(self, path):
            if path in ("/version", "/version/"):
                return self.send_json(200, {"major": "1", "minor": "31", "gitVersion": K3S_VERSION,
                                            "gitCommit": "56ec5dd4d012f4e5f5b1a7e8c2d3e4b5a6978a1b",
                                            "gitTreeState": "clean", "buildDate": "2025-01-16T02:41:54Z",
                                            "goVersion": "go1.22.10", "compiler": "gc", "platform": "linux/amd64"})
            if path in ("/healthz", "/livez", "/readyz"):
                body = b"ok"
                self.send_response(200)
                self.send_header("Content-Type", "text/plain; charset=utf-8")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(body)
                return
            if path == "/api":
                return self.send_json(200, {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [
                    {"clientCIDR": "0.0.0.0/0", "serverAddress": f"127.0.0.1:{sim.api_port}"}]})
            if path == "/apis":
                return self.send_json(200, self.group_list())
            if path.startswith("/apis/metrics.k8s.io"):
                return self.metrics(path)
            p = parse_path(path)
            if p is None:
                return self.send_status(404, "NotFound", "the server could not find the requested resource")
            if p["res"] is None:
                return self.resource_list(p["group"], p["version"])
            res = p["res"]
            info = RESOURCES.get(res)
            if info is None or info[0] != p["group"] or (p["version"] != info[1]):
                return self.send_status(404, "NotFound", "the server could not find the requested resource")
            if p["sub"] == "log" and res == "pods":
                return self.pod_log(p["ns"], p["name"])
            if p["sub"] == "scale" and res in SCALABLE:
                return self.scale(res, p["ns"], p["name"])
            if p["sub"] in ("status",) and self.command == "GET":
                p["sub"] = None
            if p["sub"]:
                return self.send_status(404, "NotFound", "the server could not find the requested resource")
            if self.command in ("GET", "HEAD"):
                if p["name"]:
                    return self.get_one(res, p["ns"], p["name"])
                if self.q.get("watch") in ("true", "1"):
                    return self.watch(res, p["ns"])
                return self.list(res, p["ns"])
            if self.command == "PATCH":
                return self.patch(res, p["ns"], p["name"])
            if self.command == "DELETE":
                return self.delete(res, p["ns"], p["name"])
            if self.command == "POST":
                return self.create(res, p["ns"])
            if self.command == "PUT":
                return self.replace(res, p["ns"], p["name"])
            return self.send_status(405, "MethodNotAllowed", "method not allowed")

        # -------------------------------------------------- discovery
        def group_list(self):
            groups = []
            gs = list(GROUPS)
            if cl.faults["metrics"] != "404":
                gs.append(("metrics.k8s.io", "v1beta1"))
            for g, v in gs:
                gv = {"groupVersion": f"{g}/{v}", "version": v}
                groups.append({"name": g, "versions": [gv], "preferredVersion": gv})
            return {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups}

        def resource_list(self, group, version):
            gv = f"{group}/{version}" if group else version
            res = []
            if group == "autoscaling" and version == "v1":
                res.append({"name": "horizontalpodautoscalers", "singularName": "horizontalpodautoscaler",
                            "namespaced": True, "kind": "HorizontalPodAutoscaler", "verbs": RW, "shortNames": ["hpa"],
                            "categories": ["all"]})
            for name, (g, v, kind, nsd, short, verbs) in RESOURCES.items():
                if g != group or v != version:
                    continue
                e = {"name": name, "singularName": kind.lower(), "namespaced": nsd, "kind": kind, "verbs": verbs}
                if short:
                    e["shortNames"] = short
                if name in ("pods", "deployments", "replicasets", "statefulsets", "daemonsets", "services", "jobs",
                            "cronjobs"):
                    e["categories"] = ["all"]
                res.append(e)
                if name == "pods":
                    res.append({"name": "pods/log", "singularName": "", "namespaced": True, "kind": "Pod",
                                "verbs": ["get"]})
                    res.append({"name": "pods/status", "singularName": "", "namespaced": True, "kind": "Pod",
                                "verbs": ["get", "patch", "update"]})
                    res.append({"name": "pods/exec", "singularName": "", "namespaced": True, "kind": "PodExecOptions",
                                "verbs": ["create", "get"]})
                if name in SCALABLE:
                    res.append({"name": f"{name}/scale", "singularName": "", "namespaced": True, "group": "autoscaling",
                                "version": "v1", "kind": "Scale", "verbs": ["get", "patch", "update"]})
                if name in ("deployments", "replicasets", "statefulsets", "daemonsets", "nodes"):
                    res.append({"name": f"{name}/status", "singularName": "", "namespaced": nsd, "kind": kind,
                                "verbs": ["get", "patch", "update"]})
            if not res:
                return self.send_status(404, "NotFound", "the server could not find the requested resource")
            return self.send_json(200, {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv,
                                        "resources": res})

        # -------------------------------------------------- reads
        def kind_of(self, res):
            g, v, kind = RESOURCES[res][:3]
            return kind, (f"{g}/{v}" if g else v)

        def with_kind(self, res, obj):
            kind, av = self.kind_of(res)
            out = {"kind": kind, "apiVersion": av}
            out.update(obj)
            return out

        def selectors(self):
            try:
                return (parse_label_selector(self.q.get("labelSelector")),
                        parse_field_selector(self.q.get("fieldSelector")))
            except ValueError as e:
                self.send_status(400, "BadRequest", str(e))
                return None

        def get_one(self, res, ns, name):
            with store.lock:
                obj = store.get(res, ns, name)
                if obj is None:
                    return self.not_found(res, name)
                if self.wants_table():
                    t = printers.table(res, [obj], obj["metadata"]["resourceVersion"],
                                       self.q.get("includeObject", "Metadata"), kind=self.kind_of(res)[0],
                                       api_version=self.kind_of(res)[1])
                    return self.send_json(200, t)
                body = j(self.with_kind(res, obj))
            self.send_json(200, body)

        def list(self, res, ns):
            sel = self.selectors()
            if sel is None:
                return
            with store.lock:
                items, rv = store.list(res, ns, sel[0] if self.q.get("labelSelector") else None,
                                       sel[1] if self.q.get("fieldSelector") else None)
                start = 0
                cont = None
                if self.q.get("continue"):
                    try:
                        tok = json.loads(base64.b64decode(self.q["continue"]))
                        start = int(tok["start"])
                    except (ValueError, KeyError):
                        return self.send_status(400, "BadRequest", "invalid continue token")
                limit = int(self.q.get("limit") or 0)
                remaining = None
                page = items[start:]
                if limit and len(page) > limit:
                    page = page[:limit]
                    cont = base64.b64encode(j({"rv": rv, "start": start + limit})).decode()
                    remaining = len(items) - start - limit
                if self.wants_table():
                    t = printers.table(res, page, rv, self.q.get("includeObject", "Metadata"), cont=cont,
                                       kind=self.kind_of(res)[0], api_version=self.kind_of(res)[1])
                    if remaining:
                        t["metadata"]["remainingItemCount"] = remaining
                    body = j(t)
                else:
                    kind, av = self.kind_of(res)
                    md = {"resourceVersion": rv}
                    if cont:
                        md["continue"] = cont
                        md["remainingItemCount"] = remaining
                    body = j({"kind": kind + "List", "apiVersion": av, "metadata": md, "items": page})
            self.send_json(200, body)

        def watch(self, res, ns):
            sel = self.selectors()
            if sel is None:
                return
            lsel = sel[0] if self.q.get("labelSelector") else None
            fsel = sel[1] if self.q.get("fieldSelector") else None
            table = self.wants_table()
            include = self.q.get("includeObject", "Metadata")
            bookmarks = self.q.get("allowWatchBookmarks") == "true"
            timeout = float(self.q.get("timeoutSeconds") or 1800)
            rv_q = self.q.get("resourceVersion", "")
            kind, av = self.kind_of(res)
            gen0 = cl.watch_generation

            def matches(o):
                if ns and o["metadata"].get("namespace") != ns:
                    return False
                if lsel and not lsel(o["metadata"].get("labels")):
                    return False
                if fsel and not fsel(o):
                    return False
                return True

            def encode(etype, o):
                if table and etype != "ERROR" and etype != "BOOKMARK":
                    obj = printers.table(res, [o], o["metadata"]["resourceVersion"], include, kind=kind,
                                         api_version=av)
                elif etype in ("ERROR",):
                    obj = o
                else:
                    obj = dict({"kind": kind, "apiVersion": av}, **o)
                return j({"type": etype, "object": obj}) + b"\n"

            self.start_chunked("application/json")
            out = []
            with store.lock:
                if rv_q in ("", "0") or self.q.get("sendInitialEvents") == "true":
                    items, rv = store.list(res, ns, lsel, fsel)
                    last = int(rv)
                    seen = {(o["metadata"].get("namespace", ""), o["metadata"]["name"]) for o in items}
                    for o in items:
                        out.append(encode("ADDED", o))
                    if self.q.get("sendInitialEvents") == "true":
                        out.append(j({"type": "BOOKMARK", "object": {"kind": kind, "apiVersion": av, "metadata": {
                            "resourceVersion": rv, "annotations": {"k8s.io/initial-events-end": "true"}}}}) + b"\n")
                else:
                    last = int(rv_q)
                    try:
                        store.events_since(last, res)
                    except Gone:
                        err = status_obj(410, "Expired", f"too old resource version: {last} ({store.oldest_rv + 1})")
                        self.chunk(encode("ERROR", err))
                        self.end_chunks()
                        return
                    items, _ = store.list(res, ns, lsel, fsel)
                    seen = {(o["metadata"].get("namespace", ""), o["metadata"]["name"]) for o in items}
            if out:
                self.chunk(b"".join(out))
            deadline = time.time() + timeout
            last_bm = time.time()
            while sim.api_up and time.time() < deadline:
                if cl.watch_generation != gen0:
                    break
                if self.client_gone():
                    self.close_connection = True
                    return
                if cl.faults["truncate_watch"] > 0:
                    cl.faults["truncate_watch"] -= 1
                    with store.lock:
                        sample, _ = store.list(res, ns)
                        o = sample[0] if sample else {"metadata": {"name": "x", "resourceVersion": str(store.rv)}}
                        data = encode("MODIFIED", o)
                    self.chunk(data[:max(8, len(data) // 2)])
                    self.close_connection = True
                    try:
                        self.connection.shutdown(socket.SHUT_RDWR)
                    except OSError:
                        pass
                    return
                with store.cond:
                    try:
                        evs, cur = store.events_since(last, res)
                    except Gone:
                        err = status_obj(410, "Expired", f"too old resource version: {last} ({store.oldest_rv + 1})")
                        self.chunk(encode("ERROR", err))
                        break
                    if not evs:
                        store.cond.wait(0.5)
                        evs, cur = store.events_since(last, res)
                    batch = []
                    for rv, _, etype, o in evs:
                        last = rv
                        key = (o["metadata"].get("namespace", ""), o["metadata"]["name"])
                        m = matches(o)
                        if etype == "DELETED":
                            if key in seen:
                                seen.discard(key)
                                batch.append(encode("DELETED", o))
                        elif m and key not in seen:
                            seen.add(key)
                            batch.append(encode("ADDED", o))
                        elif m:
                            batch.append(encode(etype, o))
                        elif key in seen:
                            seen.discard(key)
                            batch.append(encode("DELETED", o))
                if batch:
                    self.chunk(b"".join(batch))
                if bookmarks and time.time() - last_bm > 10:
                    last_bm = time.time()
                    self.chunk(j({"type": "BOOKMARK", "object": {"kind": kind, "apiVersion": av, "metadata": {
                        "resourceVersion": str(last)}}}) + b"\n")
            if sim.api_up:
                self.end_chunks()
            else:
                self.close_connection = True

        # -------------------------------------------------- logs
        def pod_log(self, ns, name):
            with store.lock:
                pod = store.get("pods", ns, name)
                if pod is None:
                    return self.not_found("pods", name)
                rt = cl.pods_rt.get(pod["metadata"]["uid"])
                names = [c["name"] for c in pod["spec"].get("containers", [])]
                inits = [c["name"] for c in pod["spec"].get("initContainers", []) or []]
                cname = self.q.get("container")
                if not cname:
                    if len(names) != 1:
                        msg = f"a container name must be specified for pod {name}, choose one of: [{' '.join(names)}]"
                        if inits:
                            msg += f" or one of the init containers: [{' '.join(inits)}]"
                        return self.send_status(400, "BadRequest", msg)
                    cname = names[0]
                if cname not in names and cname not in inits:
                    return self.send_status(400, "BadRequest", f"container {cname} is not valid for pod {name}")
                ct = None
                if rt is not None:
                    ct = rt.containers.get(cname) or rt.inits.get(cname)
                previous = self.q.get("previous") in ("true", "1")
                run = None
                if ct is not None:
                    ended = [r for r in ct.runs if r.end is not None]
                    if previous:
                        if ct.state == "running":
                            run = ct.runs[-2] if len(ct.runs) >= 2 else None
                        elif ct.restarts > 0 or (ct.last_term and ended):
                            run = ended[-1] if ended else None
                        if run is None:
                            return self.send_status(
                                400, "BadRequest", f'previous terminated container "{cname}" in pod "{name}" not found')
                    else:
                        if ct.state in ("running", "terminated") and ct.runs:
                            run = ct.runs[-1]
                        elif ct.state == "waiting" and ended and ct.last_term:
                            run = ended[-1]
                if run is None:
                    reason = ct.reason if ct is not None and ct.state == "waiting" else "ContainerCreating"
                    return self.send_status(400, "BadRequest",
                                            f'container "{cname}" in pod "{name}" is waiting to start: {reason}')
            follow = self.q.get("follow") in ("true", "1")
            stamps = self.q.get("timestamps") in ("true", "1")
            now = time.time()
            n = run.count(now)
            start = max(0, n - LOG_KEEP)
            since_t = None
            if self.q.get("sinceTime"):
                since_t = parse_ts(self.q["sinceTime"])
            elif self.q.get("sinceSeconds"):
                since_t = now - float(self.q["sinceSeconds"])
            if since_t is not None:
                start = max(start, run.first_index_at_or_after(since_t))
            if self.q.get("tailLines") not in (None, ""):
                tl = int(self.q["tailLines"])
                if tl >= 0:
                    start = max(start, n - tl)
            limit = int(self.q.get("limitBytes") or 0)
            sent = 0
            self.start_chunked("text/plain")

            def emit(a, b):
                nonlocal sent
                if stamps:
                    data = "".join([ts9(t) + " " + line + "\n" for t, line in run.lines(a, b)])
                else:
                    data = "".join([line + "\n" for _, line in run.lines(a, b)])
                data = data.encode("utf-8")
                if limit and sent + len(data) > limit:
                    data = data[:limit - sent]
                sent += len(data)
                self.chunk(data)

            i = start
            batch = 2000
            while i < n:
                emit(i, min(n, i + batch))
                i = min(n, i + batch)
                if limit and sent >= limit:
                    break
            while follow and sim.api_up and not (limit and sent >= limit):
                if self.client_gone():
                    self.close_connection = True
                    return
                now = time.time()
                fin = run.final_count()
                n = run.count(now)
                if n > i:
                    top = min(n, i + batch)
                    emit(i, top)
                    i = top
                    continue
                if fin is not None and i >= fin:
                    break
                # Sleep until the next line is due (bounded).
                nxt = run.time_of(i) if fin is None or i < fin else now + 0.05
                time.sleep(min(0.1, max(0.001, nxt - now)))
                with store.lock:
                    if store.get("pods", ns, name) is None and run.end is None:
                        run.finish(time.time())
            if sim.api_up:
                self.end_chunks()

        # -------------------------------------------------- metrics
        def metrics(self, path):
            mode = cl.faults["metrics"]
            if mode == "404":
                return self.send_status(404, "NotFound", "the server could not find the requested resource")
            if mode == "503":
                return self.send_status(503, "ServiceUnavailable", "the server is currently unable to handle the "
                                                                   "request")
            parts = [p for p in path.split("/") if p][3:]
            if not parts:
                return self.send_json(200, {"kind": "APIResourceList", "apiVersion": "v1",
                                            "groupVersion": "metrics.k8s.io/v1beta1", "resources": [
                                                {"name": "nodes", "singularName": "", "namespaced": False,
                                                 "kind": "NodeMetrics", "verbs": ["get", "list"]},
                                                {"name": "pods", "singularName": "", "namespaced": True,
                                                 "kind": "PodMetrics", "verbs": ["get", "list"]}]})
            ns = None
            if parts[0] == "namespaces" and len(parts) >= 3:
                ns, parts = parts[1], parts[2:]
            what, name = parts[0], (parts[1] if len(parts) > 1 else None)
            sel = self.selectors()
            if sel is None:
                return
            now = time.time()
            av = "metrics.k8s.io/v1beta1"
            with store.lock:
                if what == "pods":
                    pods, _ = store.list("pods", ns, sel[0] if self.q.get("labelSelector") else None)
                    items = [m for m in (cl.pod_metrics(p, now) for p in pods
                                         if not name or p["metadata"]["name"] == name) if m]
                    if name:
                        if not items:
                            return self.send_status(404, "NotFound", f'podmetrics.metrics.k8s.io "{name}" not found',
                                                    {"name": name, "group": "metrics.k8s.io", "kind": "pods"})
                        return self.send_json(200, dict({"kind": "PodMetrics", "apiVersion": av}, **items[0]))
                    return self.send_json(200, {"kind": "PodMetricsList", "apiVersion": av, "metadata": {},
                                                "items": items})
                if what == "nodes":
                    nodes, _ = store.list("nodes", None, sel[0] if self.q.get("labelSelector") else None)
                    items = [cl.node_metrics(nd, now) for nd in nodes if not name or nd["metadata"]["name"] == name]
                    if name:
                        if not items:
                            return self.send_status(404, "NotFound", f'nodemetrics.metrics.k8s.io "{name}" not found')
                        return self.send_json(200, dict({"kind": "NodeMetrics", "apiVersion": av}, **items[0]))
                    return self.send_json(200, {"kind": "NodeMetricsList", "apiVersion": av, "metadata": {},
                                                "items": items})
            return self.send_status(404, "NotFound", "the server could not find the requested resource")

        # -------------------------------------------------- writes
        def parse_body(self):
            try:
                return json.loads(self.raw or b"null")
            except ValueError as e:
                self.send_status(400, "BadRequest", f"invalid JSON body: {e}")
                return Ellipsis

        def apply_patch(self, obj):
            ctype = (self.headers.get("Content-Type") or "").split(";")[0].strip()
            patch = self.parse_body()
            if patch is Ellipsis:
                return None
            try:
                if ctype == "application/json-patch+json":
                    return json_patch(obj, patch)
                if ctype == "application/merge-patch+json":
                    return merge_patch(obj, patch)
                if ctype == "application/strategic-merge-patch+json":
                    return merge_patch(obj, patch, strategic=True)
            except (ValueError, KeyError, IndexError, TypeError) as e:
                self.send_status(422, "Invalid", f"the patch could not be applied: {e}")
                return None
            self.send_status(415, "UnsupportedMediaType", f"the body of the request was in an unknown format - "
                                                          f"accepted media types include: application/json-patch+json, "
                                                          f"application/merge-patch+json, "
                                                          f"application/strategic-merge-patch+json")
            return None

        def commit(self, res, old, new):
            """Store an edited object, keeping the server-owned metadata."""
            for k in ("name", "namespace", "uid", "creationTimestamp", "ownerReferences"):
                if k in old["metadata"]:
                    new["metadata"][k] = old["metadata"][k]
                else:
                    new["metadata"].pop(k, None)
            if new.get("spec") != old.get("spec"):
                new["metadata"]["generation"] = old["metadata"].get("generation", 1) + 1
            new.pop("kind", None)
            new.pop("apiVersion", None)
            if self.q.get("dryRun"):
                return new
            old.clear()
            old.update(new)
            store.update(res, old)
            if res == "deployments" or res in ("daemonsets", "statefulsets"):
                cl.tick()  # react at once, like the real controllers do within milliseconds
            return old

        def patch(self, res, ns, name):
            with store.lock:
                obj = store.get(res, ns, name)
                if obj is None:
                    return self.not_found(res, name)
                new = self.apply_patch(copy.deepcopy(self.with_kind(res, obj)))
                if new is None:
                    return
                if res == "deployments":
                    new.setdefault("spec", {}).setdefault("template", {}).setdefault("metadata", {})
                out = self.commit(res, obj, new)
                body = j(self.with_kind(res, out))
            self.send_json(200, body)

        def replace(self, res, ns, name):
            new = self.parse_body()
            if new is Ellipsis:
                return
            with store.lock:
                obj = store.get(res, ns, name)
                if obj is None:
                    return self.not_found(res, name)
                out = self.commit(res, obj, new)
                body = j(self.with_kind(res, out))
            self.send_json(200, body)

        def delete(self, res, ns, name):
            with store.lock:
                obj = store.get(res, ns, name)
                if obj is None:
                    return self.not_found(res, name)
                if self.q.get("dryRun"):
                    return self.send_json(200, self.with_kind(res, obj))
                if res == "pods":
                    cl.terminate_pod(obj, time.time())
                    body = j(self.with_kind(res, obj))
                else:
                    store.delete(res, ns, name)
                    body = j({"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Success",
                              "details": {"name": name, "kind": res, "uid": obj["metadata"].get("uid")}})
            self.send_json(200, body)

        def create(self, res, ns):
            obj = self.parse_body()
            if obj is Ellipsis:
                return
            if not isinstance(obj, dict) or not obj.get("metadata", {}).get("name") and not obj.get(
                    "metadata", {}).get("generateName"):
                return self.send_status(422, "Invalid", "metadata.name: Required value: name or generateName is "
                                                        "required")
            with store.lock:
                md = obj["metadata"]
                if not md.get("name"):
                    from sim import rand_suffix
                    md["name"] = md["generateName"] + rand_suffix(cl.rng)
                if ns:
                    md["namespace"] = ns
                if store.get(res, ns, md["name"]) is not None:
                    return self.send_status(409, "AlreadyExists", f'{res} "{md["name"]}" already exists',
                                            {"name": md["name"], "kind": res})
                obj.pop("kind", None)
                obj.pop("apiVersion", None)
                if self.q.get("dryRun"):
                    return self.send_json(201, self.with_kind(res, obj))
                if res == "deployments":
                    md["generation"] = 1
                    obj.setdefault("status", {})
                    obj["spec"].setdefault("replicas", 1)
                    obj["spec"]["template"].setdefault("metadata", {})["creationTimestamp"] = None
                if res == "pods":
                    owner = {"metadata": {"name": md["name"], "namespace": ns, "uid": ""},
                             "spec": {"template": {"metadata": {"labels": md.get("labels", {})}, "spec": obj["spec"]}}}
                    p = cl.create_pod_from(owner, "None", "v1", None, None, time.time(), name=md["name"])
                    p["metadata"]["ownerReferences"] = []
                    body = j(self.with_kind(res, p))
                else:
                    store.create(res, obj)
                    body = j(self.with_kind(res, obj))
            self.send_json(201, body)

        def scale(self, res, ns, name):
            with store.lock:
                obj = store.get(res, ns, name)
                if obj is None:
                    return self.not_found(res, name)

                def scale_obj(o):
                    sel = o["spec"].get("selector", {})
                    sel_s = ",".join(f"{k}={v}" for k, v in sorted((sel.get("matchLabels") or {}).items()))
                    return {"kind": "Scale", "apiVersion": "autoscaling/v1",
                            "metadata": {"name": name, "namespace": ns, "uid": o["metadata"]["uid"],
                                         "resourceVersion": o["metadata"]["resourceVersion"],
                                         "creationTimestamp": o["metadata"]["creationTimestamp"]},
                            "spec": {"replicas": o["spec"].get("replicas", 1)},
                            "status": {"replicas": o.get("status", {}).get("replicas", 0), "selector": sel_s}}
                if self.command == "GET":
                    return self.send_json(200, scale_obj(obj))
                cur = scale_obj(obj)
                if self.command == "PATCH":
                    new = self.apply_patch(cur)
                else:
                    new = self.parse_body()
                    new = None if new is Ellipsis else new
                if new is None:
                    return
                n = (new.get("spec") or {}).get("replicas")
                if not isinstance(n, int) or n < 0:
                    return self.send_status(422, "Invalid", "spec.replicas: Invalid value")
                upd = copy.deepcopy(obj)
                upd["spec"]["replicas"] = n
                self.commit(res, obj, upd)
                body = j(scale_obj(obj))
            self.send_json(200, body)

    return H


# ------------------------------------------------------------------ control
CTL_HELP = """commands:
  status                               resourceVersion, object counts, active faults
  pods                                 namespace/name/uid/status of every pod
  api-error [CODE] [--count N|--all] [--path SUBSTR] [--discovery] [--message M] | api-error --off
  api-stop | api-start                 the API port refuses connections (K3s stopped) / comes back
  watch-truncate [--count N]           the next watch chunk(s) stop mid-object and the connection drops
  watch-end                            end every open watch stream cleanly
  watch-compact                        forget the watch history: old resourceVersions get 410 Gone
  node-notready | node-ready
  next-rollout-crash [--deployment D] [--reason Error|OOMKilled] [--deadline S]
  metrics off [--mode 404|503] | metrics on
  event --namespace NS --pod P [--type Warning] [--reason R] [--message M]
  touch --namespace NS --pod P         annotate a pod (one MODIFIED watch event; annotation = write time)
  touch --all [--namespace NS] [--count N]   a burst: one MODIFIED event per pod
  crash-pod --namespace NS --pod P [--reason OOMKilled]
  delete-pod --namespace NS --pod P
  log-rate RATE|fast [--namespace NS --pod P [--container C]]
  slow MS                              delay every API response
  log-hostile --pod P [--namespace NS] [--bytes N] [--bidi]   make the pod's next log line hostile
"""


def parse_ctl(args):
    pos, opts = [], {}
    i = 0
    while i < len(args):
        a = args[i]
        if a.startswith("--"):
            k = a[2:]
            if "=" in k:
                k, v = k.split("=", 1)
                opts[k] = v
            elif i + 1 < len(args) and not args[i + 1].startswith("--"):
                opts[k] = args[i + 1]
                i += 1
            else:
                opts[k] = True
        else:
            pos.append(a)
        i += 1
    return pos, opts


def find_pod(cl, opts):
    ns, name = opts.get("namespace"), opts.get("pod")
    if not name:
        raise ValueError("--pod is required")
    pods = [p for p in cl.store.objects.get("pods", {}).values()
            if (not ns or p["metadata"]["namespace"] == ns) and
            (p["metadata"]["name"] == name or p["metadata"]["name"].startswith(name + "-"))]
    if not pods:
        raise ValueError(f"no pod {ns}/{name}")
    return sorted(pods, key=lambda p: p["metadata"]["name"])[0]


def ctl(sim, args):
    cl = sim.cluster
    pos, o = parse_ctl(args)
    cmd = pos[0] if pos else "help"
    with cl.lock:
        if cmd == "help":
            return {"text": CTL_HELP}
        if cmd == "status":
            return {"resourceVersion": cl.store.rv, "api_up": sim.api_up,
                    "counts": {k: len(v) for k, v in cl.store.objects.items()},
                    "faults": {k: v for k, v in cl.faults.items()}}
        if cmd == "pods":
            out = []
            for p in sorted(cl.store.objects.get("pods", {}).values(),
                            key=lambda p: (p["metadata"]["namespace"], p["metadata"]["name"])):
                out.append({"namespace": p["metadata"]["namespace"], "name": p["metadata"]["name"],
                            "uid": p["metadata"]["uid"], "status": printers.pod_row(p)[0][2],
                            "containers": [c["name"] for c in p["spec"]["containers"]]})
            return {"pods": out}
        if cmd == "api-error":
            if o.get("off"):
                cl.faults["api_error"] = None
                return {"ok": True}
            code = int(pos[1]) if len(pos) > 1 else int(o.get("code", 500))
            count = -1 if o.get("all") else int(o.get("count", 1))
            cl.faults["api_error"] = {"code": code, "remaining": count, "path": o.get("path"),
                                      "discovery": bool(o.get("discovery")), "message": o.get("message")}
            return {"ok": True, "api_error": cl.faults["api_error"]}
        if cmd == "api-stop":
            threading.Thread(target=sim.stop_api).start()
            return {"ok": True}
        if cmd == "api-start":
            sim.start_api()
            return {"ok": True, "api_port": sim.api_port}
        if cmd == "watch-truncate":
            cl.faults["truncate_watch"] = int(o.get("count", 1))
            return {"ok": True}
        if cmd == "watch-end":
            cl.watch_generation += 1
            cl.store.cond.notify_all()
            return {"ok": True}
        if cmd == "watch-compact":
            cl.store.compact()
            return {"ok": True, "oldest_rv": cl.store.oldest_rv}
        if cmd in ("node-notready", "node-ready"):
            ready = cmd == "node-ready"
            cl.faults["node_ready"] = ready
            node = cl.store.get("nodes", "", cl.node_name)
            cl.set_node_conditions(node, ready, time.time())
            cl.store.update("nodes", node)
            for p in list(cl.store.objects.get("pods", {}).values()):
                rt = cl.pods_rt.get(p["metadata"]["uid"])
                if rt is not None and rt.mode not in ("static", "done"):
                    cl.render_pod(p, rt)
                    cl.store.update("pods", p)
            cl.emit_event(node, "Node", "NodeReady" if ready else "NodeNotReady",
                          f"Node {cl.node_name} status is now: {'NodeReady' if ready else 'NodeNotReady'}",
                          etype="Normal" if ready else "Warning",
                          component="kubelet" if ready else "node-controller")
            return {"ok": True}
        if cmd == "next-rollout-crash":
            cl.faults["next_rollout_crash"] = {"deployment": o.get("deployment"), "reason": o.get("reason", "Error"),
                                               "deadline": float(o.get("deadline", 15))}
            return {"ok": True}
        if cmd == "metrics":
            if len(pos) > 1 and pos[1] == "on":
                cl.faults["metrics"] = "on"
            else:
                cl.faults["metrics"] = str(o.get("mode", "404"))
            return {"ok": True, "metrics": cl.faults["metrics"]}
        if cmd == "event":
            p = find_pod(cl, o)
            e = cl.emit_event(p, "Pod", o.get("reason", "Unhealthy"),
                              o.get("message", "Readiness probe failed: HTTP probe failed with statuscode: 503"),
                              etype=o.get("type", "Warning"))
            return {"ok": True, "event": e["metadata"]["name"]}
        if cmd == "touch":
            # One MODIFIED event per pod; the annotation holds the write time (microseconds) so a
            # client can measure watch latency. --all touches every pod (a burst), --count caps it.
            if o.get("all"):
                pods = sorted(cl.store.objects.get("pods", {}).values(),
                              key=lambda p: (p["metadata"]["namespace"], p["metadata"]["name"]))
                if o.get("namespace"):
                    pods = [p for p in pods if p["metadata"]["namespace"] == o["namespace"]]
                pods = pods[:int(o.get("count", len(pods)))]
            else:
                pods = [find_pod(cl, o)]
            t = time.time()
            for p in pods:
                p["metadata"].setdefault("annotations", {})["vigia.sim/touched"] = micro_ts(t)
                cl.store.update("pods", p)
            last = pods[-1] if pods else None
            return {"ok": True, "count": len(pods), "unix": t, "pod": last and last["metadata"]["name"],
                    "resourceVersion": last and last["metadata"]["resourceVersion"]}
        if cmd == "crash-pod":
            p = find_pod(cl, o)
            rt = cl.pods_rt.get(p["metadata"]["uid"])
            rt.mode = "crash"
            rt.crash_reason = o.get("reason", "Error")
            rt.backoff, rt.backoff_max = 5.0, 20.0
            for ct in rt.containers.values():
                ct.ready = False
                ct.next_at = time.time()
            return {"ok": True, "pod": p["metadata"]["name"]}
        if cmd == "delete-pod":
            p = find_pod(cl, o)
            cl.terminate_pod(p, time.time())
            return {"ok": True, "pod": p["metadata"]["name"]}
        if cmd == "log-rate":
            if len(pos) < 2:
                raise ValueError("log-rate RATE|fast")
            rate = 200000.0 if pos[1] == "fast" else float(pos[1])
            now = time.time()
            targets = [find_pod(cl, o)] if o.get("pod") else list(cl.store.objects.get("pods", {}).values())
            if not o.get("pod"):
                cl.log_rate = rate
            n = 0
            for p in targets:
                rt = cl.pods_rt.get(p["metadata"]["uid"])
                if rt is None:
                    continue
                rt.rate = rate
                for ct in rt.containers.values():
                    if o.get("container") and ct.name != o["container"]:
                        continue
                    if ct.runs and ct.runs[-1].end is None:
                        ct.runs[-1].set_rate(now, rate)
                        n += 1
            return {"ok": True, "containers": n}
        if cmd == "log-hostile":
            # The pod's next log line becomes hostile: --bytes N of payload, --bidi adds the
            # reordering controls (U+202E, U+2066). Its seq=N stays, so loss is still countable.
            p = find_pod(cl, o)
            rt = cl.pods_rt.get(p["metadata"]["uid"])
            size = int(o.get("bytes", 0))
            text = "hostile"
            if o.get("bidi"):
                text += " \u202eevil\u202c \u2066isolate\u2069"
            if size > 0:
                text += " body=" + ("x" * size)
            n = 0
            for ct in (rt.containers.values() if rt else []):
                if ct.runs and ct.runs[-1].end is None:
                    ct.runs[-1].hostile(time.time(), text)
                    n += 1
            return {"ok": True, "containers": n}
        if cmd == "slow":
            cl.faults["slow_ms"] = int(pos[1]) if len(pos) > 1 else 0
            return {"ok": True}
    raise ValueError(f"unknown command {cmd!r}; try `ctl help`")


def make_ctl_handler(sim):
    class C(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def do_POST(self):
            n = int(self.headers.get("Content-Length") or 0)
            try:
                args = json.loads(self.rfile.read(n) or b"{}").get("args", [])
                out, code = ctl(sim, args), 200
            except Exception as e:  # report to the caller
                out, code = {"error": str(e)}, 400
            body = j(out)
            self.send_response(code)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return C


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", required=True)
    ap.add_argument("--scenario", default="joledev")
    ap.add_argument("--storage", default=None)
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--log-rate", default="2")
    args = ap.parse_args()
    args.dir = os.path.abspath(args.dir)
    args.storage = args.storage or os.path.join(args.dir, "storage")
    os.makedirs(args.storage, exist_ok=True)
    sim = Sim(args)
    sim.start_api()
    ctl_srv = ThreadingHTTPServer(("127.0.0.1", 0), make_ctl_handler(sim))
    ctl_srv.daemon_threads = True
    threading.Thread(target=sim.cluster.run, args=(os.path.join(args.dir, "k3s.log"),), daemon=True).start()
    info = {"api_port": sim.api_port, "ctl_port": ctl_srv.server_address[1], "pid": os.getpid(),
            "volumes": sim.cluster.volumes, "scenario": args.scenario}
    tmp = os.path.join(args.dir, "api.json.tmp")
    with open(tmp, "w") as f:
        json.dump(info, f)
    os.replace(tmp, os.path.join(args.dir, "api.json"))
    print(f"k3sim: api on 127.0.0.1:{sim.api_port}, control on 127.0.0.1:{info['ctl_port']}", flush=True)
    import signal
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        ctl_srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    sim.cluster.stop_event.set()


if __name__ == "__main__":
    main()
