#!/bin/bash
# Point-in-time recovery tried once on a throwaway cluster.
set -euo pipefail
B=/usr/lib/postgresql/15/bin
R="${REPORTING:-reporting}"
P=${PITR_FOLDER:-/tmp/pitr}
cleanup() { su postgres -c "$B/pg_ctl -D $P/data -m immediate stop" >/dev/null 2>&1 || true; su postgres -c "$B/pg_ctl -D $P/restored -m immediate stop" >/dev/null 2>&1 || true; }
trap cleanup EXIT
rm -rf $P/data.log $P/restored.log $P/data $P/wal $P/base $P/restored $P/keys.json; mkdir -p $P/wal; chown -R postgres $P
su postgres -c "$B/initdb -D $P/data -A trust -U postgres >/dev/null"
cat >> $P/data/postgresql.conf <<CONF
port = 55432
listen_addresses = '127.0.0.1'
unix_socket_directories = '$P'
wal_level = replica
archive_mode = on
archive_command = 'test ! -f $P/wal/%f && cp %p $P/wal/%f'
CONF
su postgres -c "$B/pg_ctl -D $P/data -l $P/data.log -w start >/dev/null"
su postgres -c "$B/../bin/createdb -h 127.0.0.1 -p 55432 reporting" 2>/dev/null || su postgres -c "createdb -h 127.0.0.1 -p 55432 reporting"
CS="Host=127.0.0.1;Port=55432;Username=postgres;Database=reporting"
$R db migrate --environment Development --Keys:File=$P/keys.json "--ConnectionStrings:Reporting=$CS" | tail -1
su postgres -c "$B/pg_basebackup -h 127.0.0.1 -p 55432 -D $P/base -X none -c fast"
echo "base backup taken"
submit() {
  for i in $(seq 1 $2); do
    ch=$(curl -s -X POST $1/api/intake/challenges | python3 -c 'import sys,json;print(json.load(sys.stdin)["challenge"])')
    curl -s -o $P/last.json -w "%{http_code} " -H 'Content-Type: application/json' -X POST $1/api/intake/reports \
      -d "{\"report\":{\"accused\":[{\"name\":\"张三\",\"position\":\"局长\",\"organization\":\"某市某局\"}],\"categories\":[\"integrity\"],\"title\":\"PITR $i\",\"details\":\"二〇二六年春节前后多次收受管理服务对象所送礼金和购物卡，数额较大。\",\"language\":\"zh-CN\",\"occurredFrom\":\"2026-01-15\"},\"proofOfWork\":{\"challenge\":\"$ch\",\"nonce\":\"0\"}}"
  done; echo
}
$R serve --environment Development --Keys:File=$P/keys.json "--ConnectionStrings:Reporting=$CS" --Urls=http://127.0.0.1:55480 --Intake:ProofOfWork:Difficulty=0 --Logging:LogLevel:Default=Warning > $P/serve.log 2>&1 &
SERVE=$!
for i in $(seq 1 60); do curl -sf http://127.0.0.1:55480/health >/dev/null && break; sleep 1; done
submit http://127.0.0.1:55480 3
sleep 2
TARGET=$(psql -h 127.0.0.1 -p 55432 -U postgres -d reporting -Atc "SELECT now()")
echo "target: $TARGET; events then: $(psql -h 127.0.0.1 -p 55432 -U postgres -d reporting -Atc 'SELECT count(*) FROM reporting.mt_events')"
sleep 2
submit http://127.0.0.1:55480 2
kill $SERVE; wait $SERVE || true
psql -h 127.0.0.1 -p 55432 -U postgres -d reporting -qc "DROP SCHEMA reporting CASCADE" 2>&1 | tail -1
psql -h 127.0.0.1 -p 55432 -U postgres -d reporting -Atc "SELECT pg_switch_wal()" >/dev/null
sleep 2
su postgres -c "$B/pg_ctl -D $P/data -w stop -m fast >/dev/null"
echo "archived WAL segments: $(ls $P/wal | wc -l); the schema was dropped after the target"
cp -a $P/base $P/restored
cat >> $P/restored/postgresql.conf <<CONF
restore_command = 'cp $P/wal/%f %p'
recovery_target_time = '$TARGET'
recovery_target_action = 'promote'
archive_mode = off
CONF
su postgres -c "touch $P/restored/recovery.signal"
su postgres -c "$B/pg_ctl -D $P/restored -l $P/restored.log -w -t 120 start >/dev/null"
sleep 1
echo "events after recovery: $(psql -h 127.0.0.1 -p 55432 -U postgres -d reporting -Atc 'SELECT count(*) FROM reporting.mt_events')"
grep -E "recovery stopping|starting point-in-time|archive recovery complete|selected new timeline" $P/restored.log || true
$R verify --environment Development --Keys:File=$P/keys.json "--ConnectionStrings:Reporting=$CS" | tail -2
su postgres -c "$B/pg_ctl -D $P/restored -w stop -m fast >/dev/null"
