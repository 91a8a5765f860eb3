#!/usr/bin/env python3
"""Generates the sandbox's live SQLite databases (WAL mode), as the Go services
api-scheduler (scheduler.db, appointments) and api-quoter (quoter.db, quotes)
keep them on their local-path volumes. Schemas: tests/sandbox/SCHEMA.md.

  dbgen.py --db PATH --kind scheduler|quoter [--rows N] [--seed S]
  dbgen.py --db PATH --kind scheduler --shape lean --rows 1000000   (the bench's large database)
  dbgen.py --db PATH --kind scheduler|quoter --writer [--interval-ms 10] [--duration S]

The writer inserts one row per interval, each in a transaction that also bumps
counters.value, so a consistent snapshot always has counter == row count.
"""
import argparse
import datetime
import json
import os
import random
import signal
import sqlite3
import sys
import time

try:
    from zoneinfo import ZoneInfo
    TZ = ZoneInfo("America/Tijuana")
except Exception:  # no tzdata: a fixed PST offset still gives plausible rows
    TZ = datetime.timezone(datetime.timedelta(hours=-8), "PST")

FIRST = ["José", "María", "Ramón", "Lucía", "Héctor", "Sofía", "Ángel", "Itzel", "Jesús", "Guadalupe", "Andrés",
         "Ximena", "Joaquín", "Renata", "Íñigo", "Valentina", "Martín", "Zoé", "Rubén", "Camila", "Señorita Begoña",
         "Noé", "Yaretzi", "Eréndira"]
LAST = ["Núñez", "Ibáñez", "Güereña", "Zúñiga", "Peña", "Avilés", "Castañeda", "Muñoz", "Ortíz", "Cañedo",
        "López", "Ramírez", "Valdés", "Ochoa", "Beltrán", "Téllez", "Aguilar", "Sánchez", "Domínguez", "Quiñónez"]
COOPS = ["S.C.P.P. Punta Abreojos", "Cooperativa Pesquera La Purísima", "Pescadores de Bahía Tortugas S.C. de R.L.",
         "S.C. de P.P. «El Rosario»", "Cooperativa Buzos y Pescadores de la Baja", "Abuloneros de Isla Cedros",
         "Cooperativa Ensenada Azul", "Sociedad Cooperativa San Quintín Mar", "Langosteros del Pacífico"]
FREELANCE = ["Estudio Creativo Àrbol", "Diseño Peña & Asociados", "Fotografía Ñandú", "Consultoría Ochoa",
             "Café La Güera", "Taller de Cerámica Tijuana", "Despacho Contable Zúñiga", "Clínica Dental Sonrisa",
             "Vinícola Valle de Guadalupe", "Surf School Rosarito"]
SERVICES = [("Consulta inicial", 30, 0), ("Diagnóstico de sitio web", 60, 850), ("Revisión de cotización", 45, 0),
            ("Capacitación CMS", 90, 1200), ("Reunión de avance", 30, 0), ("Sesión de fotos de producto", 120, 2500),
            ("Soporte técnico", 60, 600)]
PROJECT_TYPES = ["sitio web", "tienda en línea", "app móvil", "sistema de citas", "facturación CFDI",
                 "inventario de captura", "trazabilidad pesquera", "identidad gráfica", "SEO", "hosting",
                 "automatización", "panel de control"]
STATUSES_APPT = ["pendiente", "confirmada", "confirmada", "completada", "completada", "cancelada", "no_asistio"]
STATUSES_QUOTE = ["nueva", "nueva", "en_revision", "enviada", "aceptada", "rechazada"]
NOTES = ["", "", "Prefiere WhatsApp 📱", "Llega en lancha desde Isla Cedros; confirmar clima 🌊",
         "Factura a nombre de la cooperativa (RFC pendiente)", "Traer permisos de pesca en PDF",
         "Reagendó dos veces — llamar antes", "Interesado en trazabilidad de langosta para exportación",
         "Nota con comillas \"dobles\", 'simples' y coma, para probar CSV", "Línea 1\nLínea 2 (multilínea)"]

SCHEDULER_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS services (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, duration_min INTEGER NOT NULL, price_mxn INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS appointments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_name TEXT NOT NULL, client_email TEXT NOT NULL, client_phone TEXT,
  organization TEXT, client_type TEXT NOT NULL CHECK (client_type IN ('cooperativa','freelance','particular')),
  service_id INTEGER REFERENCES services(id), service TEXT NOT NULL,
  starts_at TEXT NOT NULL, ends_at TEXT NOT NULL, timezone TEXT NOT NULL DEFAULT 'America/Tijuana',
  status TEXT NOT NULL DEFAULT 'pendiente', notes TEXT NOT NULL DEFAULT '',
  projectTypes TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS idx_appointments_starts_at ON appointments(starts_at);
CREATE INDEX IF NOT EXISTS idx_appointments_status ON appointments(status);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
# The large bench database: a scheduler as a small Go service would keep it when
# it has run for years -- the columns the agenda needs, times as unix seconds,
# notes on a few rows -- about 110 bytes a row with its index, so 1,000,000 rows
# make the ~100 MB the issue asks for (the full shape above is ~400 bytes a row).
LEAN_SCHEMA = """
CREATE TABLE IF NOT EXISTS appointments (
  id INTEGER PRIMARY KEY,
  client_name TEXT NOT NULL, client_email TEXT NOT NULL, service TEXT NOT NULL,
  starts_at INTEGER NOT NULL, ends_at INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'pendiente', notes TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS idx_appointments_starts_at ON appointments(starts_at);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""
LEAN_SQL = ("INSERT INTO appointments (client_name, client_email, service, starts_at, ends_at, status, notes)"
            " VALUES (?,?,?,?,?,?,?)")
QUOTER_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS quotes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  contact_name TEXT NOT NULL, contact_email TEXT NOT NULL, contact_phone TEXT,
  company TEXT, client_type TEXT NOT NULL CHECK (client_type IN ('cooperativa','freelance','particular')),
  projectTypes TEXT NOT NULL DEFAULT '[]',
  budget_min_mxn INTEGER, budget_max_mxn INTEGER, deadline TEXT,
  message TEXT NOT NULL DEFAULT '', status TEXT NOT NULL DEFAULT 'nueva', source TEXT NOT NULL DEFAULT 'web');
CREATE INDEX IF NOT EXISTS idx_quotes_created_at ON quotes(created_at);
CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
"""


def iso_local(dt):
    return dt.astimezone(TZ).isoformat(timespec="seconds")


def iso_utc(dt):
    return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def slug(s):
    table = str.maketrans("áéíóúüñÁÉÍÓÚÜÑàÀ", "aeiouunAEIOUUNaA")
    return "".join(c for c in s.translate(table).lower() if c.isalnum() or c == ".")[:20]


def person(rng):
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
    kind = rng.choice(["cooperativa", "cooperativa", "freelance", "freelance", "particular"])
    org = rng.choice(COOPS) if kind == "cooperativa" else rng.choice(FREELANCE) if kind == "freelance" else None
    first, last = name.split()[0], name.split()[1]
    email = f"{slug(first)}.{slug(last)}{rng.randint(1, 99)}@{rng.choice(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.mx', 'coop-pesquera.mx'])}"
    phone = f"+52 {rng.choice(['646', '664', '615', '616'])} {rng.randint(100, 999)} {rng.randint(1000, 9999)}"
    return name, email, phone, org, kind


def appointment_row(rng, now):
    name, email, phone, org, kind = person(rng)
    sid = rng.randrange(len(SERVICES))
    svc, dur, _ = SERVICES[sid]
    day = now + datetime.timedelta(days=rng.randint(-120, 60))
    local = day.astimezone(TZ).replace(hour=rng.randint(8, 17), minute=rng.choice([0, 15, 30, 45]), second=0,
                                       microsecond=0)
    start = local
    end = start + datetime.timedelta(minutes=dur)
    status = rng.choice(STATUSES_APPT) if start < now else rng.choice(["pendiente", "confirmada", "confirmada"])
    created = min(now, start - datetime.timedelta(days=rng.randint(1, 20)))
    pt = json.dumps(rng.sample(PROJECT_TYPES, rng.randint(1, 3)), ensure_ascii=False)
    return (name, email, phone, org, kind, sid + 1, svc, iso_local(start), iso_local(end), "America/Tijuana", status,
            rng.choice(NOTES), pt, iso_utc(created), iso_utc(created))


def quote_row(rng, now):
    name, email, phone, org, kind = person(rng)
    created = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 180))
    lo = rng.choice([5000, 8000, 12000, 20000, 35000, 60000])
    pt = json.dumps(rng.sample(PROJECT_TYPES, rng.randint(1, 4)), ensure_ascii=False)
    deadline = (created + datetime.timedelta(days=rng.randint(14, 120))).astimezone(TZ).date().isoformat()
    msg = rng.choice(["Necesitamos un sitio para vender filete de pescado congelado 🐟",
                      "Queremos registrar capturas diarias desde el celular, sin señal en altamar.",
                      "Cotización para tienda en línea con pagos OXXO y tarjeta.",
                      "¿Pueden migrar nuestro WordPress? Está muy lento.",
                      "Sistema de citas para la clínica, con recordatorios por WhatsApp.",
                      "Identidad gráfica completa: logo, tarjetas, redes. ¡Gracias!"])
    return (iso_utc(created), name, email, phone, org, kind, pt, lo, lo * rng.choice([2, 3]), deadline, msg,
            rng.choice(STATUSES_QUOTE), rng.choice(["web", "web", "referido", "whatsapp"]))


APPT_SQL = ("INSERT INTO appointments (client_name, client_email, client_phone, organization, client_type, service_id,"
            " service, starts_at, ends_at, timezone, status, notes, projectTypes, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
QUOTE_SQL = ("INSERT INTO quotes (created_at, contact_name, contact_email, contact_phone, company, client_type,"
             " projectTypes, budget_min_mxn, budget_max_mxn, deadline, message, status, source)"
             " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")


def lean_rows(rng, now, n):
    """N lean rows, fast: people and services are drawn from small pools and
    times are plain integers (1M rows in a few seconds of Python)."""
    people = []
    for _ in range(4000):
        first, last = rng.choice(FIRST).split()[-1], rng.choice(LAST)
        people.append((f"{first} {last}", f"{slug(first)}.{slug(last)}{rng.randint(1, 99)}@"
                       f"{rng.choice(['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.mx'])}"))
    svcs = [(s[0], s[1] * 60) for s in SERVICES]
    notes = [""] * 50 + [x for x in NOTES if x]
    t_now = int(now.timestamp())
    lo, span = t_now - 3 * 365 * 86400, 3 * 365 * 86400 + 90 * 86400  # three years back, three months ahead
    rnd = rng.random
    for _ in range(n):
        name, email = people[int(rnd() * 4000)]
        svc, dur = svcs[int(rnd() * len(svcs))]
        start = (lo + int(rnd() * span)) // 900 * 900
        status = STATUSES_APPT[int(rnd() * 7)] if start < t_now else ("pendiente", "confirmada")[int(rnd() * 2)]
        yield (name, email, svc, start, start + dur, status, notes[int(rnd() * len(notes))])


def open_db(path, kind):
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = sqlite3.connect(path, timeout=30, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA busy_timeout=30000")
    lean = kind == "scheduler" and db.execute(
        "SELECT 1 FROM sqlite_schema WHERE name='appointments' AND sql NOT LIKE '%organization%'").fetchone()
    if not lean:
        db.executescript(SCHEDULER_SCHEMA if kind == "scheduler" else QUOTER_SCHEMA)
    return db


def table_of(kind):
    return ("appointments", APPT_SQL, appointment_row) if kind == "scheduler" else ("quotes", QUOTE_SQL, quote_row)


def generate_lean(path, rows, seed):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-65536")
    # Rows first, index after: building it once is much faster than keeping it up to date.
    db.executescript(LEAN_SCHEMA.replace("CREATE INDEX", "-- CREATE INDEX"))
    db.execute("BEGIN")
    db.executemany(LEAN_SQL, lean_rows(random.Random(seed), datetime.datetime.now(datetime.timezone.utc), rows))
    db.execute("INSERT OR REPLACE INTO counters (name, value) VALUES ('appointments', ?)", (rows,))
    db.execute("COMMIT")
    db.execute("CREATE INDEX IF NOT EXISTS idx_appointments_starts_at ON appointments(starts_at)")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()


def generate(path, kind, rows, seed):
    for suffix in ("", "-wal", "-shm", "-journal"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
    # Bulk load without a journal, then switch the file to WAL as the services run it.
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    db.execute("PRAGMA cache_size=-65536")
    db.executescript(SCHEDULER_SCHEMA if kind == "scheduler" else QUOTER_SCHEMA)
    rng = random.Random(seed)
    now = datetime.datetime.now(datetime.timezone.utc)
    table, sql, fn = table_of(kind)
    db.execute("BEGIN")
    db.executemany("INSERT INTO schema_migrations VALUES (?, ?)",
                   [(v, iso_utc(now - datetime.timedelta(days=200 - v * 10))) for v in range(1, 15)])
    if kind == "scheduler":
        db.executemany("INSERT INTO services (id, name, duration_min, price_mxn) VALUES (?,?,?,?)",
                       [(i + 1, *s) for i, s in enumerate(SERVICES)])
    done = 0
    while done < rows:
        n = min(50000, rows - done)
        db.executemany(sql, (fn(rng, now) for _ in range(n)))
        done += n
    db.execute("INSERT OR REPLACE INTO counters (name, value) VALUES (?, ?)", (table, rows))
    db.execute("COMMIT")
    db.execute("PRAGMA journal_mode=WAL")
    db.close()


def writer(path, kind, interval_ms, duration, seed):
    db = open_db(path, kind)
    rng = random.Random(seed)
    table, sql, fn = table_of(kind)
    cols = [r[1] for r in db.execute("PRAGMA table_info(appointments)")] if kind == "scheduler" else []
    if kind == "scheduler" and "organization" not in cols:  # a lean database: write lean rows
        lean = lean_rows(rng, datetime.datetime.now(datetime.timezone.utc), 1 << 62)  # one pool of people
        sql, fn = LEAN_SQL, lambda r, now: next(lean)
    stop = [False]
    signal.signal(signal.SIGTERM, lambda *_: stop.__setitem__(0, True))
    signal.signal(signal.SIGINT, lambda *_: stop.__setitem__(0, True))
    if db.execute("SELECT value FROM counters WHERE name=?", (table,)).fetchone() is None:
        db.execute("INSERT INTO counters VALUES (?, (SELECT COUNT(*) FROM %s))" % table)
    end = time.time() + duration if duration > 0 else None
    nxt = time.time()
    n = 0
    while not stop[0] and (end is None or time.time() < end):
        if not os.path.exists(path):   # the sandbox was removed under us
            break
        now = datetime.datetime.now(datetime.timezone.utc)
        db.execute("BEGIN IMMEDIATE")
        db.execute(sql, fn(rng, now))
        db.execute("UPDATE counters SET value = value + 1 WHERE name = ?", (table,))
        db.execute("COMMIT")
        n += 1
        nxt += interval_ms / 1000.0
        time.sleep(max(0.0, nxt - time.time()))
    db.close()
    print(f"dbgen writer: {n} rows inserted into {path}", flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--kind", choices=["scheduler", "quoter"], required=True)
    ap.add_argument("--rows", type=int, default=200)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--shape", choices=["full", "lean"], default="full",
                    help="lean: the bench's large scheduler (unix-second times, fewer columns)")
    ap.add_argument("--writer", action="store_true")
    ap.add_argument("--interval-ms", type=float, default=10.0)
    ap.add_argument("--duration", type=float, default=0, help="seconds; 0 = until SIGTERM")
    a = ap.parse_args()
    if a.writer:
        writer(a.db, a.kind, a.interval_ms, a.duration, a.seed + int(time.time()))
    elif a.shape == "lean":
        if a.kind != "scheduler":
            ap.error("--shape lean is for --kind scheduler")
        generate_lean(a.db, a.rows, a.seed)
    else:
        generate(a.db, a.kind, a.rows, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
