-- A task is completed once: the first completion takes this row, in its own transaction, before the engine is told;
-- a parallel one finds it taken and is refused (409). The embedded engine starts its keys from the same value at
-- every boot, so a key is unique only within one engine's life: engine_epoch names that life (engine_epoch.id of
-- each embedded boot; 0 for a cluster, whose keys never repeat).
create table task_completion (
    engine_epoch bigint      not null,
    task_key     bigint      not null,
    element_id   text        not null,
    completed_by text        not null,
    -- the engine clock's time, as people read it
    completed_at timestamptz not null,
    -- the server's time: a claim whose engine call never came (a crash in between) is taken over after a while
    claimed_at   timestamptz not null default now(),
    primary key (engine_epoch, task_key)
);

-- Optimistic versions of an item's entries: a save names the version it read, and one made on an older version is
-- refused (409) instead of overwriting what another person saved meanwhile.
alter table assessment_item add column version bigint not null default 0;
