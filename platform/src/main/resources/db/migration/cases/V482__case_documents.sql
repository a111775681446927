-- Documents of a case: evidence, interview notes, signed consent forms. The file's name, its description and its
-- bytes are encrypted like every free text about a person; kind, media type (read from the bytes, not from what the
-- browser said) and size are codes and counts, for the list.
--
-- The bytes are kept in parts of at most 256 KiB, each encrypted on its own under the context
-- "cases.case_document_part.content:<document id>:<position>", so that a part cannot be moved into another document
-- or place unseen, and so that key rotation, which re-encrypts a batch of rows at a time, holds a few megabytes in
-- memory rather than a few gigabytes. Erasure empties the name and the description, and the parts' content (NULL).
create table cases.case_document (
    id           uuid primary key,
    case_id      uuid         not null references cases.case_file (id),
    kind         varchar(20)  not null check (kind in ('EVIDENCE', 'INTERVIEW_NOTES', 'CONSENT_FORM', 'OTHER')),
    media_type   varchar(100) not null check (media_type in (
                     'application/pdf', 'image/jpeg', 'image/png', 'text/plain',
                     'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
                     'application/vnd.oasis.opendocument.text')),
    size_bytes   integer      not null check (size_bytes > 0),
    parts        integer      not null check (parts > 0),
    file_name    text         not null,  -- encrypted
    description  text,                   -- encrypted
    uploaded_at  timestamptz  not null,
    uploaded_by  uuid         not null
);
create index case_document_case on cases.case_document (case_id, uploaded_at desc);

create table cases.case_document_part (
    document_id  uuid    not null references cases.case_document (id),
    case_id      uuid    not null references cases.case_file (id),
    position     integer not null check (position >= 0),
    part_key     text    generated always as (document_id::text || ':' || position) stored,
    content      text,   -- encrypted; NULL once the case is erased
    primary key (document_id, position),
    constraint case_document_part_key unique (part_key)
);
create index case_document_part_case on cases.case_document_part (case_id);
