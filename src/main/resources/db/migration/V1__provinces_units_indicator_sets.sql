-- Provinces, their units and the versioned indicator sets: the reference data every cycle is built on.

create table province (
    code         varchar(16) primary key,
    name         text         not null,
    -- Band thresholds in percent of the applicable maximum (000 Điều 9.2); each province may set its own.
    band_good    numeric(5, 2) not null default 90,
    band_fair    numeric(5, 2) not null default 70,
    band_average numeric(5, 2) not null default 50,
    check (band_good > band_fair and band_fair > band_average and band_average > 0)
);

create table unit (
    code          varchar(32) primary key,
    province_code varchar(16) not null references province (code),
    name          text        not null,
    level         varchar(8)  not null check (level in ('SO', 'HUYEN', 'XA')),
    -- A xã belongs to its huyện, which appraises and ranks it (000 Điều 7.4).
    parent_code   varchar(32) references unit (code),
    aliases       jsonb       not null default '[]',
    position      integer     not null,
    unique (province_code, name)
);
create index unit_province_level on unit (province_code, level);

create table indicator_set (
    id             varchar(64) primary key,
    province_code  varchar(16)    not null references province (code),
    level          varchar(8)     not null check (level in ('SO', 'HUYEN', 'XA')),
    version        varchar(32)    not null,
    -- Unknown only for a set whose source is incomplete (e.g. a news article without the decision's year).
    effective_from date,
    source_number  text,
    source_date    date,
    source_title   text,
    source_seed    text,
    scale          numeric(10, 2) not null check (scale > 0),
    complete       boolean        not null,
    notes          jsonb          not null default '[]',
    -- SHA-256 of the file it was loaded from: a stored version is never silently replaced by other content.
    checksum       varchar(64)    not null,
    file_name      text           not null,
    loaded_at      timestamptz    not null default now(),
    unique (province_code, level, version)
);

create table indicator_item (
    set_id      varchar(64) not null references indicator_set (id),
    code        varchar(32) not null,
    parent_code varchar(32),
    position    integer     not null,
    name        text        not null,
    type        varchar(16) not null check (type in ('PILLAR', 'MAIN', 'COMPONENT', 'CRITERION')),
    points      numeric(10, 2) check (points >= 0),
    kind        varchar(16) check (kind in ('YES_NO', 'RATIO', 'POINTS')),
    parts       jsonb       not null default '[]',
    primary key (set_id, code),
    foreign key (set_id, parent_code) references indicator_item (set_id, code)
);
