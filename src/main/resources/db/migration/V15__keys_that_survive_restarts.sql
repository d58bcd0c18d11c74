-- The embedded engine hands its keys out again from the same first value after every restart: an effect keyed by an
-- engine key alone could be taken for another boot's, and a request or decision made after a restart dropped.

-- One row per start of the embedded engine: its id is the epoch of the keys that run hands out. Epoch 0 is a Camunda
-- cluster's (whose keys stay unique for its life) and everything recorded before this migration.
create table engine_epoch (
    id         bigserial primary key,
    started_at timestamptz not null
);

-- A job delivered twice in one run creates one request or decision; a job of another run with the same key, its own.
alter table explanation_request add column job_epoch bigint not null default 0;
alter table explanation_request alter column job_epoch drop default;
alter table explanation_request drop constraint explanation_request_job_key_key;
alter table explanation_request add constraint explanation_request_job unique (job_epoch, job_key);

alter table cycle_decision add column job_epoch bigint not null default 0;
alter table cycle_decision alter column job_epoch drop default;
alter table cycle_decision drop constraint cycle_decision_job_key_key;
alter table cycle_decision add constraint cycle_decision_job unique (job_epoch, job_key);

-- A draft is kept under what its task is about (its element and the cycle, assessment or explanation request it
-- belongs to), so that it follows the task to the key it gets after a restart and never meets another task given the
-- old key. task_key is the key it was last saved under. Drafts saved before this know only their task's key (null
-- subject): found by it while that task is open.
alter table task_draft add column subject text;
alter table task_draft drop constraint task_draft_pkey;
alter table task_draft add constraint task_draft_subject unique (subject, username);
