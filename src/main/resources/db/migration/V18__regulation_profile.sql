-- The rules (quy chế) of each indicator set version, read from the same file as its items. Kept apart from the
-- set's checksum: a profile may be corrected until a cycle uses the version, never after.
alter table indicator_set add column profile text;
alter table indicator_set add column profile_checksum varchar(64);
-- A province whose decision defines no bands publishes none.
alter table published_result alter column band drop not null;
alter table results_import_row alter column band drop not null;

-- The council's decision on each criterion the profile proposes for exclusion (003 II.2.b: "xem xét để loại trừ"):
-- excluded or kept, with its reason. Frozen once the cycle is published.
create table exclusion_decision (
    cycle_id   bigint      not null references cycle (id),
    item_code  varchar(32) not null,
    excluded   boolean     not null,
    reason     text        not null,
    decided_by text        not null,
    decided_at timestamptz not null,
    primary key (cycle_id, item_code)
);
