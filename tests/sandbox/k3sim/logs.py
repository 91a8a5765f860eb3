"""Deterministic container logs. A run's line i has a fixed time (segments of
constant rate), so tail, sinceTime and follow are exact, memory is O(1), and
every line carries seq=N so tests can detect loss or duplication."""
import bisect
import math
import time

ESC = "\x1b["
LEVELS = [("INFO", "32"), ("INFO", "32"), ("INFO", "32"), ("DEBUG", "36"), ("WARN", "33"), ("INFO", "32"),
          ("ERROR", "31"), ("INFO", "32")]
NAMES = ["José Ñúñez", "María Fernanda Ávila", "Cooperativa Pesquera Punta Abreojos", "Sofía Ibáñez",
         "Sociedad Cooperativa de Producción Pesquera «El Rosario»", "Diseño Gráfico Peña & Asociados",
         "Ramón Güereña", "Lucía Zúñiga", "Pescadores de Bahía Tortugas S.C. de R.L.", "Ana Paula Cañedo",
         "Héctor Ruiz Ortíz", "Estudio Creativo Àrbol 🌵"]
PATHS = ["/", "/servicios", "/cotizar", "/blog/desarrollo-web-ensenada", "/assets/index.3f9a1c.js",
         "/assets/styles.b21e.css", "/favicon.svg", "/contacto", "/api/health", "/portafolio/cooperativas"]
UAS = ["Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
       "Gatus/5.12", "curl/8.5.0", "Googlebot/2.1 (+http://www.google.com/bot.html)"]
LONG_EVERY = 997          # one very long line (~80 KiB) every this many lines
LONG_SIZE = 80 * 1024


_sec_cache = (None, "")
_clf_cache = (None, "")


def ts9(t):
    """kubelet's RFC3339NanoFixed: always nine fraction digits."""
    global _sec_cache
    sec = math.floor(t)
    ns = int(round((t - sec) * 1e9))
    if ns >= 1000000000:
        sec += 1
        ns -= 1000000000
    c = _sec_cache
    if c[0] != sec:
        c = (sec, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(sec)))
        _sec_cache = c
    return f"{c[1]}.{ns:09d}Z"


def clf_time(t):
    global _clf_cache
    sec = int(t)
    c = _clf_cache
    if c[0] != sec:
        c = (sec, time.strftime("%d/%b/%Y:%H:%M:%S +0000", time.gmtime(sec)))
        _clf_cache = c
    return c[1]


def _h(i, salt):
    return ((i + 1) * 2654435761 + salt * 40503) & 0xFFFFFFFF


def render(style, i, t, salt=0):
    h = _h(i, salt)
    if i % LONG_EVERY == LONG_EVERY - 1 and style in ("go", "generic"):
        blob = ("ñandú-" + "0123456789abcdef" * 8) * (LONG_SIZE // 134)
        return f'{ESC}33mWARN{ESC}0m large payload seq={i} bytes={len(blob)} body="{blob}"'
    if style == "nginx":
        ip = f"10.42.0.{h % 200 + 2}"
        path = PATHS[h % len(PATHS)]
        code = [200, 200, 200, 304, 200, 404, 200, 301][h % 8]
        stamp = clf_time(t)
        return (f'{ip} - - [{stamp}] "GET {path} HTTP/1.1" {code} {h % 40000 + 120} "-" '
                f'"{UAS[h % len(UAS)]}" seq={i}')
    if style == "gatus":
        ep = ["web", "api-quoter", "api-scheduler"][h % 3]
        ok = h % 29 != 0
        mark = f"{ESC}32m✓{ESC}0m" if ok else f"{ESC}31m✗{ESC}0m"
        return (f"{mark} [watchdog] Monitored group=joledev; endpoint={ep}; success={str(ok).lower()}; "
                f"duration={h % 90 + 3}ms seq={i}")
    if style == "traefik":
        return (f'10.42.0.1 - - "GET /{["", "cotizar", "api/citas"][h % 3]} HTTP/2.0" {[200, 200, 502][h % 3]} '
                f'{h % 9000} "-" "-" {i} "websecure-joledev-web@kubernetes" "http://10.42.0.{h % 50 + 10}:80" '
                f'{h % 40}ms seq={i}')
    if style == "coredns":
        q = ["api-quoter.joledev.svc.cluster.local.", "registry-1.docker.io.", "ghcr.io."][h % 3]
        return f'[INFO] 10.42.0.{h % 60 + 2}:{h % 60000 + 1024} - {h % 65535} "A IN {q} udp 57 false 512" NOERROR qr,rd,ra 120 0.000{h % 900 + 100}s seq={i}'
    if style == "job":
        return f"helm install --namespace kube-system traefik: step {i} seq={i}"
    # go / generic: slog-style text with coloured levels and Spanish UTF-8 content
    lvl, colour = LEVELS[h % len(LEVELS)]
    name = NAMES[h % len(NAMES)]
    msg = ["cita agendada", "cotización recibida", "consulta de disponibilidad", "recordatorio enviado",
           "sincronización completada", "reintento de conexión a SMTP"][h % 6]
    return (f'{ESC}90m{ts9(t)[:23]}Z{ESC}0m {ESC}{colour}m{lvl:<5}{ESC}0m {msg} cliente="{name}" '
            f'tz=America/Tijuana req_id={h:08x} dur={h % 250}ms seq={i}')


GO_PANIC = [
    "panic: runtime error: invalid memory address or nil pointer dereference",
    "[signal SIGSEGV: segmentation violation code=0x1 addr=0x18 pc=0x8a4f2c]",
    "",
    "goroutine 41 [running]:",
    "github.com/joledev/api-scheduler/internal/agenda.(*Store).Reservar(0x0, {0xc0001a2f00, 0x24}, 0xc00031e0a0)",
    "\t/src/internal/agenda/store.go:212 +0x4c",
    "github.com/joledev/api-scheduler/internal/http.(*Server).crearCita(0xc000118240, {0xb2c5e8, 0xc0002a80e0}, 0xc0002b4000)",
    "\t/src/internal/http/citas.go:87 +0x1f5",
    "net/http.HandlerFunc.ServeHTTP(0xc0000b2a10, {0xb2c5e8, 0xc0002a80e0}, 0xc0002b4000)",
    "\t/usr/local/go/src/net/http/server.go:2220 +0x29",
    "net/http.(*conn).serve(0xc0001f6000, {0xb2d3a0, 0xc0000c4f30})",
    "\t/usr/local/go/src/net/http/server.go:2098 +0x647",
    "created by net/http.(*Server).Serve in goroutine 1",
    "\t/usr/local/go/src/net/http/server.go:3360 +0x485",
]


FAST_RATE = 10000.0
_pools = {}


def fast_pool(style):
    p = _pools.get(style)
    if p is None:
        t0 = 1795766400.0
        p = [render(style, k, t0 + k * 0.37).rsplit(" seq=", 1)[0] for k in range(4096)]
        # No 80 KiB lines in the pool: they would dominate a throughput benchmark.
        p = [x if len(x) < 4096 else x[:200] for x in p]
        _pools[style] = p
    return p


class RunLog:
    """Log of one container instance (one run)."""

    def __init__(self, start, rate, style, salt=0, seq_base=0):
        self.segments = [(0, start, float(rate))]   # (first index, time of that index, lines/s)
        self.style = style
        self.salt = salt
        self.seq_base = seq_base
        self.end = None
        self.tail = []          # extra final lines printed at `end` (e.g. a Go panic)
        self.overrides = {}     # index -> text: hostile lines put in by `ctl log-hostile`

    def set_rate(self, now, rate):
        n = self.count(now)
        self.segments.append((n, now, float(rate)))

    def finish(self, t, tail=None):
        if self.end is None:
            self.end = t
            self.tail = list(tail or [])

    def _count_plain(self, t):
        first, st, rate = self.segments[0]
        if t < st:
            return 0
        k = len(self.segments) - 1
        while k > 0 and self.segments[k][1] > t:
            k -= 1
        first, st, rate = self.segments[k]
        n = first + int(math.floor((t - st) * rate)) + 1
        if k + 1 < len(self.segments):
            n = min(n, self.segments[k + 1][0])
        return n

    def count(self, t):
        if self.end is not None and t >= self.end:
            return self._count_plain(self.end) + len(self.tail)
        return self._count_plain(t)

    def final_count(self):
        return None if self.end is None else self.count(self.end)

    def time_of(self, i):
        plain = self._count_plain(self.end) if self.end is not None else None
        if plain is not None and i >= plain:
            return self.end
        firsts = [s[0] for s in self.segments]
        k = bisect.bisect_right(firsts, i) - 1
        first, st, rate = self.segments[k]
        return st + (i - first) / rate

    def lines(self, a, b):
        """(time, text) for lines a..b-1, computed in one pass."""
        plain = self._count_plain(self.end) if self.end is not None else None
        firsts = [s[0] for s in self.segments]
        out = []
        i = a
        while i < b:
            if plain is not None and i >= plain:
                out.append((self.end, self.tail[i - plain]))
                i += 1
                continue
            k = bisect.bisect_right(firsts, i) - 1
            first, st, rate = self.segments[k]
            stop = b
            if k + 1 < len(self.segments):
                stop = min(stop, self.segments[k + 1][0])
            if plain is not None:
                stop = min(stop, plain)
            style, salt, base = self.style, self.salt, self.seq_base
            if rate >= FAST_RATE:
                # Benchmark mode: bodies from a pre-rendered pool, only seq=N is formatted per line.
                pool = fast_pool(style)
                for j in range(i, stop):
                    out.append((st + (j - first) / rate, f"{pool[(j * 2654435761) & 4095]} seq={base + j}"))
            else:
                for j in range(i, stop):
                    t = st + (j - first) / rate
                    out.append((t, render(style, base + j, t, salt)))
            i = stop
        for idx, text in self.overrides.items():
            if a <= idx < b and (plain is None or idx < plain):
                out[idx - a] = (out[idx - a][0], f"{text} seq={self.seq_base + idx}")
        return out

    def hostile(self, now, text):
        """The next line (index count(now)) becomes text, keeping its seq=N."""
        n = self.count(now)
        self.overrides[n] = text
        return n

    def line(self, i):
        t = self.time_of(i)
        plain = self._count_plain(self.end) if self.end is not None else None
        if plain is not None and i >= plain:
            return t, self.tail[i - plain]
        if i in self.overrides:
            return t, f"{self.overrides[i]} seq={self.seq_base + i}"
        return t, render(self.style, self.seq_base + i, t, self.salt)

    def first_index_at_or_after(self, t):
        """Smallest i whose time >= t."""
        lo, hi = 0, self.count(max(t, self.end or t) + 1e9) if self.end is not None else None
        if hi is None:
            import time as _t
            hi = self.count(_t.time())
        while lo < hi:
            mid = (lo + hi) // 2
            if self.time_of(mid) < t:
                lo = mid + 1
            else:
                hi = mid
        return lo
