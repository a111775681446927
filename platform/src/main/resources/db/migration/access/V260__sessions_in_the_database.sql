-- Browser sessions kept in the database (Spring Session JDBC), so that several nodes of the platform behind a load
-- balancer share them and need no sticky sessions: a person signed in on one node goes on on another, halfway
-- through a second-factor sign-in too. The tables of Spring Session's PostgreSQL schema, in the access schema (owned
-- by the application role). A session holds who is signed in (staff, never a person of a case), the CSRF token and
-- the page to go back to; expired sessions are deleted every minute (spring.session.jdbc.cleanup-cron).
create table access.spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on access.spring_session (session_id);
create index spring_session_ix2 on access.spring_session (expiry_time);
create index spring_session_ix3 on access.spring_session (principal_name);

create table access.spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references access.spring_session (primary_id) on delete cascade
);
