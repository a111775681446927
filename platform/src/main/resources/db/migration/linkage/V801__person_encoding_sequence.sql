-- The duplicate check keeps the stored encodings in memory and reads only the rows written since it last
-- looked: every insert or replacement of an encoding takes the next number of this sequence. Checks run one at
-- a time (an advisory lock), so numbers are committed in order.
create sequence linkage.person_encoding_sequence;

alter table linkage.person_encoding
    add column sequence bigint not null default nextval('linkage.person_encoding_sequence');

create index person_encoding_by_sequence on linkage.person_encoding (sequence);
