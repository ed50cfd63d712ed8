#!/bin/sh
# What one queued import costs (docs/scale.md): enqueue a folder — or N generated reports (text and HTML) — into a
# fresh database, drain it with one `xxgk worker --until-empty`, and print the worker's CPU, the CPU of that
# database's server backends, and the store's size by table.
#
#   npm run build && bench/queue-cost.sh xxgk_cost 1000
#   bench/queue-cost.sh xxgk_cost_pub test/fixtures/seeds-rendered
#
# Needs a local PostgreSQL (the backends' CPU is read from /proc); ADMIN_URL names a database to create it from.
set -eu
db=$1; what=$2; jobs=${3:-1}
cd "$(dirname "$0")/.."
admin=${ADMIN_URL:-postgres://postgres@127.0.0.1:5432/test}
export DATABASE_URL="${admin%/*}/$db"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
if [ -d "$what" ]; then dir=$what; else
  dir=$scratch/generated
  node --import tsx -e "import('./test/support/store.ts').then((m) => m.writeGenerated('$dir', $what))"
fi
psql "$admin" -qc "drop database if exists $db with (force)" -c "create database $db"
node bin/xxgk.js import --queue "$dir"
# utime + stime (clock ticks, 100 a second) of this database's backends, sampled until the worker is done.
( while :; do for pid in $(pgrep -f "postgres: .*postgres $db "); do echo "$pid $(awk '{print $14 + $15}' /proc/$pid/stat 2>/dev/null)"; done; sleep 0.5; done ) > "$scratch/backends" &
sampler=$!
/usr/bin/time -f 'worker: %e s wall, %U s user, %S s sys, %M KB peak RSS' node bin/xxgk.js worker -c "$jobs" --until-empty
kill $sampler
awk 'NF == 2 {cpu[$1] = $2} END {for (p in cpu) s += cpu[p]; print "server backends:", s / 100, "s CPU"}' "$scratch/backends"
psql "$DATABASE_URL" -At -F ' ' <<'SQL'
select 'versions', count(*) from report_version;
select 'cells', count(*) from cell;
select 'file bytes', sum(size) from blob;
select relname, pg_total_relation_size(c.oid) from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = 'public' and c.relkind = 'r' order by 2 desc;
select 'store total', sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = 'public' and c.relkind = 'r';
select 'pgboss total', sum(pg_total_relation_size(c.oid)) from pg_class c join pg_namespace n on n.oid = c.relnamespace
 where n.nspname = 'pgboss' and c.relkind = 'r';
SQL
