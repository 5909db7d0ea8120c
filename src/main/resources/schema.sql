create table if not exists duban_plan (
  code        varchar(40)  primary key,
  title       varchar(200) not null,
  source_text varchar(1000000) not null,
  imported_at timestamp    not null
);

-- Working-day calendar: days administrators added or overrode (they win over seeds/holidays.yaml).
-- "day" is quoted because DAY is a keyword in H2 2.x; PostgreSQL stores the same lower-case name.
create table if not exists duban_calendar_day (
  "day" date         primary key,
  type  varchar(10)  not null,
  name  varchar(100)
);
