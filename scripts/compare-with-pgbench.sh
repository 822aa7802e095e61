#!/usr/bin/env bash
# The skeleton's PostgreSQL point lookup against pgbench on the same server, with the same query, alternated.
#
# pgbench is the reference load generator: `pgbench -M prepared` with a custom script running exactly the query
# PointLookupBenchmark.postgresPrimaryKey runs (SELECT ... FROM users_N WHERE id = :id, id uniform in 1..N).
# Goal: the harness's throughput >= 0.95x pgbench's at 1 and 2 client threads. The built-in `pgbench -S`
# (pgbench_accounts) is printed too, for reference.
#
# Usage: scripts/compare-with-pgbench.sh [USERS] [SECONDS] [ROUNDS]
#   Needs pgbench, psql, initdb and pg_ctl (Debian: postgresql-15 + postgresql-client-15), and the built jar
#   (mvn -B -q package -DskipTests). Starts a throwaway server (fsync on) in a temp dir, stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${1:-1000000}
SECONDS_PER=${2:-10}
ROUNDS=${3:-2}
JAR=experiments/target/tradeoff-bench.jar
PGBIN=$(dirname "$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -n 1)")
PORT=${PORT:-55439}
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
[ "$(id -u)" = 0 ] && chown postgres "$work"

as_pg "$PGBIN/initdb" -D "$work/data" -U postgres --auth=trust >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$work/data" -l "$work/log" -w -o "-p $PORT -c fsync=on -c synchronous_commit=on -c shared_buffers=128MB -k $work" start >/dev/null
URL="postgresql://postgres@127.0.0.1:$PORT/postgres"
echo "server: $("$PGBIN/postgres" --version), fsync=on, synchronous_commit=on; users=$USERS; ${SECONDS_PER}s per measurement"

# Load users_N through the harness itself (a one-iteration run), and pgbench's own tables.
java -Djmh.ignoreLock=true -jar "$JAR" run -b postgresPrimaryKey --pg-url "$URL" --mongo-mode none -p "users=$USERS" \
  -f 1 -wi 0 -i 1 -r 1 -t 1 --results-dir "$work/results" >/dev/null
pgbench -h 127.0.0.1 -p "$PORT" -U postgres -i -q -s $(( (USERS + 99999) / 100000 )) postgres >/dev/null 2>&1
cat > "$work/lookup.sql" <<SQL
\set id random(1, $USERS)
SELECT id, handle, email, name, country, signup_day FROM users_$USERS WHERE id = :id;
SQL

harness() { # threads -> ops/s
  java -Djmh.ignoreLock=true -jar "$JAR" run -b postgresPrimaryKey --pg-url "$URL" --mongo-mode none \
    -p "users=$USERS" -f 1 -wi 1 -w 2 -i 1 -r "$SECONDS_PER" -t "$1" --results-dir "$work/results" >/dev/null
  f=$(ls -td "$work"/results/*/ | head -n 1)
  awk -F, '$12=="thrpt" && $13=="throughput" {print $14}' "$f/results.csv"
}
pgb() { # threads script-args -> tps
  pgbench -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared -c "$1" -j "$1" -T "$SECONDS_PER" "${@:2}" postgres 2>/dev/null \
    | awk '/^tps/ {print $3; exit}'
}

printf '%-6s %-7s %12s %12s %8s %12s\n' round threads harness pgbench ratio "pgbench -S"
for round in $(seq 1 "$ROUNDS"); do
  for t in 1 2; do
    h=$(harness "$t"); p=$(pgb "$t" -f "$work/lookup.sql"); s=$(pgb "$t" -S)
    printf '%-6s %-7s %12.0f %12.0f %8.3f %12.0f\n' "$round" "$t" "$h" "$p" "$(echo "$h / $p" | bc -l)" "$s"
  done
done
