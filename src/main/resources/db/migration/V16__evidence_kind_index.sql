-- The search's kind filter ("quyet dinh") reads the folded kind; with an index of its own, the planner can start
-- from the files of that kind when they are few, rather than reading every matching link to find them.
create index evidence_file_kind on evidence_file (doc_kind_key);
