-- What a person has typed into a task's form and not yet submitted, kept per task and person so that nothing is lost
-- on a reload or a dropped connection; deleted when the task is completed.
create table task_draft (
    task_key  bigint      not null,
    username  text        not null,
    data      jsonb       not null,
    saved_at  timestamptz not null,
    primary key (task_key, username)
);
