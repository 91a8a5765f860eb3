"""Object store with Kubernetes resourceVersion semantics: one global counter,
an ordered event history for watches (410 Gone when a watcher is too far
behind), label and field selectors."""
import bisect
import copy
import datetime
import re
import threading
import time
import uuid

HISTORY_MAX = 50000


def now_ts(t=None):
    t = time.time() if t is None else t
    return datetime.datetime.fromtimestamp(int(t), datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def micro_ts(t=None):
    t = time.time() if t is None else t
    return datetime.datetime.fromtimestamp(t, datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_ts(s):
    if not s:
        return None
    s = s.strip()
    m = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(Z|[+-]\d\d:\d\d)$", s)
    if not m:
        return None
    base = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S")
    tz = m.group(3)
    off = 0
    if tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        off = sign * (int(tz[1:3]) * 3600 + int(tz[4:6]) * 60)
    t = base.replace(tzinfo=datetime.timezone.utc).timestamp() - off
    if m.group(2):
        t += float("0" + m.group(2))
    return t


# ------------------------------------------------------------------ selectors
def _split_terms(s):
    terms, depth, cur = [], 0, ""
    for ch in s:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            terms.append(cur)
            cur = ""
        else:
            cur += ch
    if cur:
        terms.append(cur)
    return [t.strip() for t in terms if t.strip()]


def parse_label_selector(s):
    """Returns a predicate over a labels dict, or raises ValueError."""
    if not s:
        return lambda labels: True
    preds = []
    for t in _split_terms(s):
        m = re.match(r"^([^\s!=]+)\s+(in|notin)\s+\((.*)\)$", t)
        if m:
            k, op, vals = m.group(1), m.group(2), {v.strip() for v in m.group(3).split(",")}
            if op == "in":
                preds.append(lambda l, k=k, v=vals: l.get(k) in v)
            else:
                preds.append(lambda l, k=k, v=vals: l.get(k) not in v)
            continue
        m = re.match(r"^([^\s!=]+)\s*(==|=|!=)\s*([^\s]*)$", t)
        if m:
            k, op, v = m.groups()
            if op == "!=":
                preds.append(lambda l, k=k, v=v: l.get(k) != v)
            else:
                preds.append(lambda l, k=k, v=v: l.get(k) == v)
            continue
        if t.startswith("!"):
            preds.append(lambda l, k=t[1:].strip(): k not in l)
            continue
        if re.match(r"^[A-Za-z0-9./_-]+$", t):
            preds.append(lambda l, k=t: k in l)
            continue
        raise ValueError(f"unable to parse requirement: {t}")
    return lambda labels: all(p(labels or {}) for p in preds)


def field_value(obj, path):
    cur = obj
    for part in path.split("."):
        if not isinstance(cur, dict):
            return ""
        cur = cur.get(part)
        if cur is None:
            return ""
    if isinstance(cur, bool):
        return "true" if cur else "false"
    return str(cur)


def parse_field_selector(s):
    if not s:
        return lambda obj: True
    preds = []
    for t in _split_terms(s):
        m = re.match(r"^([^!=]+)(==|=|!=)(.*)$", t)
        if not m:
            raise ValueError(f"invalid selector: '{s}'; can't understand '{t}'")
        k, op, v = m.group(1).strip(), m.group(2), m.group(3).strip()
        if op == "!=":
            preds.append(lambda o, k=k, v=v: field_value(o, k) != v)
        else:
            preds.append(lambda o, k=k, v=v: field_value(o, k) == v)
    return lambda obj: all(p(obj) for p in preds)


# ------------------------------------------------------------------ store
class Gone(Exception):
    pass


class Store:
    def __init__(self):
        self.lock = threading.RLock()
        self.cond = threading.Condition(self.lock)
        self.rv = 1000
        self.objects = {}      # res -> {(ns, name): obj}
        self.history = []      # [(rv, res, type, obj)]
        self.history_rvs = []
        self.oldest_rv = self.rv
        self.closed = False

    def _bump(self):
        self.rv += 1
        return self.rv

    def _record(self, res, etype, obj):
        rv = int(obj["metadata"]["resourceVersion"])
        self.history.append((rv, res, etype, copy.deepcopy(obj)))
        self.history_rvs.append(rv)
        if len(self.history) > HISTORY_MAX:
            cut = len(self.history) - HISTORY_MAX // 2
            self.oldest_rv = self.history_rvs[cut - 1]
            del self.history[:cut]
            del self.history_rvs[:cut]
        self.cond.notify_all()

    def compact(self):
        """Forget the whole history: any watch from an older resourceVersion gets 410."""
        with self.lock:
            self.history.clear()
            self.history_rvs.clear()
            self.oldest_rv = self.rv

    def create(self, res, obj, t=None):
        with self.lock:
            md = obj.setdefault("metadata", {})
            md.setdefault("uid", str(uuid.uuid4()))
            md.setdefault("creationTimestamp", now_ts(t))
            md["resourceVersion"] = str(self._bump())
            key = (md.get("namespace", ""), md["name"])
            self.objects.setdefault(res, {})[key] = obj
            self._record(res, "ADDED", obj)
            return obj

    def update(self, res, obj):
        with self.lock:
            md = obj["metadata"]
            md["resourceVersion"] = str(self._bump())
            key = (md.get("namespace", ""), md["name"])
            self.objects.setdefault(res, {})[key] = obj
            self._record(res, "MODIFIED", obj)
            return obj

    def delete(self, res, ns, name):
        with self.lock:
            obj = self.objects.get(res, {}).pop((ns or "", name), None)
            if obj is None:
                return None
            obj["metadata"]["resourceVersion"] = str(self._bump())
            self._record(res, "DELETED", obj)
            return obj

    def get(self, res, ns, name):
        with self.lock:
            return self.objects.get(res, {}).get((ns or "", name))

    def list(self, res, ns=None, label=None, field=None):
        with self.lock:
            items = [o for (ons, _), o in self.objects.get(res, {}).items() if not ns or ons == ns]
            if label:
                items = [o for o in items if label(o["metadata"].get("labels"))]
            if field:
                items = [o for o in items if field(o)]
            items.sort(key=lambda o: (o["metadata"].get("namespace", ""), o["metadata"]["name"]))
            return items, str(self.rv)

    def events_since(self, rv, res):
        """Events with resourceVersion > rv for res; raises Gone when rv predates the history."""
        with self.lock:
            if rv < self.oldest_rv:
                raise Gone()
            i = bisect.bisect_right(self.history_rvs, rv)
            return [e for e in self.history[i:] if e[1] == res], self.rv
