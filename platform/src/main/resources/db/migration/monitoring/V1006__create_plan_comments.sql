-- The national rapporteur's comments on the action plan: on a measure, a recommendation or a report, dated and
-- attributed. A comment is never changed or removed, by anyone: the co-ordinator answers by acting, not by editing.
create table monitoring.plan_comment (
    id           uuid primary key,
    subject_type varchar(20)   not null check (subject_type in ('MEASURE', 'RECOMMENDATION', 'REPORT')),
    subject_id   uuid          not null,
    text         text          not null check (length(text) between 1 and 4000),
    author_id    uuid          not null,
    author_name  varchar(100)  not null,
    written_at   timestamptz   not null
);
create index plan_comment_subject on monitoring.plan_comment (subject_type, subject_id, written_at);

create function monitoring.plan_comment_kept() returns trigger language plpgsql as $$
begin
    raise exception 'a rapporteur''s comment is never changed';
end $$;
create trigger plan_comment_kept before update or delete on monitoring.plan_comment
    for each row execute function monitoring.plan_comment_kept();
