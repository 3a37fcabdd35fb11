# sqlite3: in memory, a table, an index, a transaction, aggregates, a CTE, window functions.
sqlite3 :memory: <<'SQL'
create table t(id integer primary key, name text, score real);
begin;
insert into t(name, score) values ('ann', 81.5), ('bob', 72), ('cid', 93.25), ('dan', 72), ('eve', 88);
commit;
create index t_score on t(score);
select name, score from t where score > 75 order by score desc;
select count(*), sum(score), round(avg(score), 3), min(name), max(name) from t;
with recursive c(x) as (select 1 union all select x + 1 from c where x < 10) select group_concat(x * x, ',') from c;
select name, rank() over (order by score desc) from t order by name;
explain query plan select * from t where score = 72;
select printf('%08.3f|%5s|%x', 3.14159, 'ab', 255), hex('ferry'), length(zeroblob(10)), typeof(1.0);
SQL
