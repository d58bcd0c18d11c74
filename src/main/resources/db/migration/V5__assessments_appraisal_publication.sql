-- A unit's assessment in a cycle: its self-assessed and appraised entries per item, its explanations, and what
-- the cycle published. Score sheets live here, never in process variables.

create table assessment (
    id                   bigserial primary key,
    cycle_id             bigint      not null references cycle (id),
    unit_code            varchar(32) not null references unit (code),
    indicator_set_id     varchar(64) not null references indicator_set (id),
    status               varchar(24) not null check (status in ('OPEN', 'SUBMITTED', 'NOT_REPORTED', 'APPRAISED')),
    process_instance_key bigint,
    general_info         jsonb       not null default '{}',
    submitted_at         timestamptz,
    closed_at            timestamptz,
    appraised_at         timestamptz,
    unique (cycle_id, unit_code)
);

create table assessment_item (
    assessment_id    bigint      not null references assessment (id),
    item_code        varchar(32) not null,
    self_entry       jsonb,
    explanation      text,
    evidence         jsonb       not null default '[]',
    self_by          text,
    self_at          timestamptz,
    appraised_entry  jsonb,
    appraisal_reason text,
    appraised_by     text,
    appraised_at     timestamptz,
    primary key (assessment_id, item_code)
);

create table explanation_request (
    id              bigserial primary key,
    assessment_id   bigint      not null references assessment (id),
    item_codes      jsonb       not null,
    question        text        not null,
    requested_by    text        not null,
    requested_at    timestamptz not null,
    reply_deadline  timestamptz not null,
    status          varchar(16) not null check (status in ('OPEN', 'ANSWERED', 'UNANSWERED')),
    answer          text,
    answer_evidence jsonb       not null default '[]',
    answered_by     text,
    answered_at     timestamptz,
    -- the job that created it: a job delivered twice creates one request
    job_key         bigint      not null unique
);

-- Reminders and other notices to units; no mail server is needed, they are logged and kept here.
create table notification (
    id            bigserial primary key,
    assessment_id bigint      not null references assessment (id),
    kind          varchar(32) not null,
    message       text        not null,
    due_at        timestamptz not null,
    created_at    timestamptz not null,
    unique (assessment_id, kind, due_at)
);

create table cycle_decision (
    id         bigserial primary key,
    cycle_id   bigint      not null references cycle (id),
    approved   boolean     not null,
    comment    text,
    decided_by text        not null,
    decided_at timestamptz not null,
    job_key    bigint      not null unique
);

-- Frozen at publication: the ranking as published, never recomputed afterwards.
create table published_result (
    cycle_id     bigint         not null references cycle (id),
    unit_code    varchar(32)    not null references unit (code),
    position     integer        not null,
    rank         integer        not null,
    reported     boolean        not null,
    total        numeric(12, 4),
    scaled_total numeric(12, 4),
    percent      numeric(8, 4),
    band         varchar(16)    not null,
    subtotals    jsonb          not null,
    primary key (cycle_id, unit_code)
);

create table publication (
    cycle_id       bigint primary key references cycle (id),
    published_at   timestamptz not null,
    statistics     jsonb       not null,
    decision_draft text        not null
);
