-- The search ranks only the newest matching files it may show (EvidenceSearchQuery.RANK_WINDOW): this index lets it
-- walk indexed files newest first and stop there, instead of reading every match's vector.
create index evidence_file_recent on evidence_file (doc_date desc nulls last, sha256) where status = 'INDEXED';
