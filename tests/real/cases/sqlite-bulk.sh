# sqlite3: a bulk workload on disk: 20000 rows, joins, group by, an index used by a query.
sqlite3 bulk.db <<'SQL'
create table a(id integer primary key, g integer, s text);
create table b(id integer primary key, aid integer references a(id), v real);
begin;
with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000) insert into a select i, i % 37, hex(i * 12345) from n;
with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000) insert into b select i, (i * 7) % 20000 + 1, i / 3.0 from n;
commit;
create index b_aid on b(aid);
select g, count(*), round(sum(v), 2) from a join b on b.aid = a.id group by g order by g limit 5;
select count(*) from a where s like '%99%';
select max(length(s)), min(id), total(g) from a;
SQL
