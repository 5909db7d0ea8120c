#!/usr/bin/env python3
"""Turns MyBatis debug lines (==> Preparing / ==> Parameters) into runnable SQL, one statement per output line:
mybatis-sql.py < app.log. For EXPLAIN on the benchmark's PostgreSQL."""
import re, sys
sql = None
for line in sys.stdin:
    m = re.search(r'==>  Preparing: (.*)$', line)
    if m:
        sql = m.group(1).strip()
        continue
    m = re.search(r'==> Parameters: (.*)$', line)
    if m and sql:
        params = [p for p in re.findall(r'(.*?)\((\w+)\)(?:, |$)', m.group(1).strip())] if m.group(1).strip() else []
        out = sql
        for value, kind in params:
            lit = value if kind in ('Integer', 'Long', 'Boolean') else "'" + value.replace("'", "''") + "'"
            if kind == 'Timestamp':
                lit = "'" + value + "'::timestamp"
            out = out.replace('?', lit, 1)
        print(out + ';')
        sql = None
