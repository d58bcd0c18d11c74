-- A cycle: one year's evaluation of one ranking group of a province (its Sở; its huyện; the xã of one huyện).

create table cycle (
    id                   bigserial primary key,
    province_code        varchar(16) not null references province (code),
    year                 integer     not null,
    level                varchar(8)  not null check (level in ('SO', 'HUYEN', 'XA')),
    -- 'SO' or 'HUYEN' for those groups; for xã, the code of the huyện that appraises and ranks them (000 Điều 7.4)
    group_code           varchar(32) not null,
    indicator_set_id     varchar(64) not null references indicator_set (id),
    council_group        varchar(64) not null,
    approver_group       varchar(64) not null,
    status               varchar(32) not null,
    -- the BPMN element the cycle's process had reached: where an embedded engine restarts it
    step                 varchar(64) not null,
    process_instance_key bigint,
    started_at           timestamptz not null,
    closed_at            timestamptz,
    unique (province_code, year, level, group_code)
);

-- Append-only: every score entry and change, appraisal, explanation, approval, calendar change and publication.
create table audit_log (
    id           bigserial primary key,
    at           timestamptz not null,
    actor        text        not null,
    action       text        not null,
    subject_type text        not null,
    subject_id   text        not null,
    before       jsonb,
    after        jsonb
);
create index audit_log_subject on audit_log (subject_type, subject_id);

create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;
create trigger audit_log_append_only before update or delete on audit_log
    for each statement execute function audit_log_is_append_only();
