-- Evidence (tài liệu kiểm chứng): files stored by content hash, their extracted text and metadata, and their links to
-- the assessment items they support. Searchable without regard to Vietnamese diacritics or case.

create extension if not exists unaccent;

-- unaccent() is only STABLE (its dictionary could change); an index needs IMMUTABLE, and our dictionary does not change.
create function dti_unaccent(text) returns text
    language sql immutable parallel safe strict
    as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;

create table evidence_file (
    sha256        varchar(64) primary key,
    size_bytes    bigint      not null,
    media_type    text        not null,
    status        varchar(16) not null check (status in ('PENDING', 'INDEXED', 'FAILED')),
    -- a PDF or picture without a text layer, that OCR did not (or could not) read: "no text (scan)"
    no_text       boolean     not null default false,
    ocr           boolean     not null default false,
    title         text,
    author        text,
    created       timestamptz,
    page_count    integer,
    doc_kind      text,
    doc_number    text,
    doc_date      date,
    text          text,
    search        tsvector generated always as (
                      to_tsvector('simple', dti_unaccent(lower(coalesce(title, '') || ' ' || coalesce(text, ''))))
                  ) stored,
    stored_at     timestamptz not null,
    indexed_at    timestamptz,
    failure       text
);
create index evidence_file_search on evidence_file using gin (search);

create table evidence_link (
    id            bigserial primary key,
    sha256        varchar(64) not null references evidence_file (sha256),
    assessment_id bigint      not null references assessment (id),
    item_code     varchar(32) not null,
    -- the uploaded name, sanitised: it names the file for people, never a path
    file_name     text        not null,
    uploaded_by   text        not null,
    uploaded_at   timestamptz not null,
    unique (sha256, assessment_id, item_code)
);
create index evidence_link_assessment on evidence_link (assessment_id, item_code);
