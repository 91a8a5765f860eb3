#!/usr/bin/env python3
"""Test writer: a WAL database that gains one row every ~10 ms, each insert in a
transaction that also bumps a counter row, so any consistent snapshot has
counter == count(*). Runs until killed or --seconds elapse (bounded)."""
import argparse, sqlite3, sys, time

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--seconds", type=float, default=60)
ap.add_argument("--interval", type=float, default=0.01)
ap.add_argument("--seed-rows", type=int, default=2000)
a = ap.parse_args()

con = sqlite3.connect(a.db, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("CREATE TABLE IF NOT EXISTS appointments (id INTEGER PRIMARY KEY, name TEXT, email TEXT, notes TEXT, startsAt TEXT)")
con.execute("CREATE TABLE IF NOT EXISTS counter (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)")
con.execute("INSERT OR IGNORE INTO counter VALUES (1, 0)")
con.execute("BEGIN")
for i in range(a.seed_rows):
    con.execute("INSERT INTO appointments (name, email, notes, startsAt) VALUES (?, ?, ?, datetime('now'))",
                (f"Cliente {i} Peña", f"c{i}@example.mx", "x" * 200))
con.execute("UPDATE counter SET n = n + ? WHERE id = 1", (a.seed_rows,))
con.execute("COMMIT")
print("ready", flush=True)
end = time.time() + a.seconds
i = 0
while time.time() < end:
    con.execute("BEGIN IMMEDIATE")
    con.execute("INSERT INTO appointments (name, email, notes, startsAt) VALUES (?, ?, ?, datetime('now'))",
                (f"Nueva cita {i} Muñoz", f"n{i}@example.mx", "y" * 300))
    con.execute("UPDATE counter SET n = n + 1 WHERE id = 1")
    con.execute("COMMIT")
    i += 1
    time.sleep(a.interval)
