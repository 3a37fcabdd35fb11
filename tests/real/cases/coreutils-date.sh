# coreutils: date with fixed times, formats and arithmetic.
date -d @0 -u; date -u -d @1234567890 '+%Y-%m-%d %H:%M:%S %j %a %b %U'
date -u -d '2024-02-28 +1 day' +%F; date -u -d '2000-01-01 12:00' +%s
TZ=America/New_York date -d @1700000000 '+%F %T %Z'
date -u -d @86399 +%T
