# sqlite3: a database file in a temp dir: transactions, rollback, index, integrity, vacuum, dump.
d=$(mktemp -d ./dbXXXXXX)
sqlite3 "$d/test.db" <<'SQL'
pragma journal_mode=wal;
create table kv(k text primary key, v integer);
create index kv_v on kv(v);
begin; insert into kv values ('a', 1), ('b', 2), ('c', 3); commit;
begin; delete from kv; rollback;
with recursive n(i) as (select 1 union all select i + 1 from n where i < 5000) insert into kv select 'k' || i, i * 7 % 1000 from n;
SQL
sqlite3 "$d/test.db" 'select count(*), sum(v) from kv; pragma integrity_check; select k from kv where v = 7 order by k limit 3;'
sqlite3 "$d/test.db" 'pragma journal_mode=delete; vacuum;' ; sqlite3 "$d/test.db" .dump | head -n 6
sqlite3 -csv "$d/test.db" "select * from kv order by v desc, k limit 3"
sqlite3 -json "$d/test.db" "select * from kv where k in ('a','b')"
